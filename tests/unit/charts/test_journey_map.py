"""The journey map: nine lanes on one touchpoint order, wrapped labels, cells."""

from __future__ import annotations

import pytest

from journeylens.charts import journey_map as journey_map_charts
from journeylens.charts import theme
from journeylens.i18n import Translator
from tests.unit.charts.frames import lanes_frame
from tests.unit.charts.spec import marks, rows, units_of, walk

EN, VI, RO = Translator("en"), Translator("vi"), Translator("ro")


@pytest.mark.parametrize(("t", "lane"), [(EN, "Customer goal"), (VI, "Mục tiêu"), (RO, "Obiectiv")])
def test_journey_map(t, lane):
    spec = journey_map_charts.journey_map(lanes_frame(), t).to_dict()
    assert len(spec["vconcat"]) == 9
    kinds = marks(spec)
    assert {"rect", "text", "bar", "line", "point", "rule"} <= set(kinds)
    # every lane shares the touchpoint order
    orders = {
        tuple(u["encoding"]["x"]["sort"])
        for u in walk(spec)
        if "x" in u.get("encoding", {}) and u["encoding"]["x"].get("field") == "touchpoint"
    }
    assert orders == {("Comparison website visit", "Online application", "Support call")}
    lane_titles = set()
    for child in spec["vconcat"]:
        for u in walk(child):
            axis = u.get("encoding", {}).get("y", {}).get("axis") or {}
            if isinstance(axis, dict) and axis.get("title"):
                lane_titles.add(axis["title"])
    assert lane in lane_titles
    texts = [r for u in units_of(spec, "text") for r in rows(spec, u)]
    goals = [r["goal_text"] for r in texts if "goal_text" in r]
    assert all(len(line) <= theme.LABEL_CHARS for g in goals for line in g.split("\n"))
    pains = [r["pain_text"] for r in texts if r.get("pain_text")]
    assert pains and pains[0].startswith("⚑")
    assert t("viz.pain.below_target") in pains[0].replace("\n", " ")
    cells = [r for u in units_of(spec, "rect") for r in rows(spec, u) if "score" in r]
    assert {c["metric"] for c in cells} == {"NPS", "CSAT %"}
    uncertain = [c for c in cells if c["touchpoint"] == "Support call"]
    assert uncertain and not any(c["reliable"] for c in uncertain)


def test_journey_map_emotion_points_green_above_red_below():
    spec = journey_map_charts.journey_map(lanes_frame(), EN).to_dict()
    pts = [u for u in units_of(spec, "point") if "color" in u.get("encoding", {})]
    colour = pts[0]["encoding"]["color"]
    assert colour["condition"]["test"] == "datum.emotion_mean >= 0"
    assert colour["condition"]["value"] == theme.GOOD_COLOUR
    assert colour["value"] == theme.BAD_COLOUR
