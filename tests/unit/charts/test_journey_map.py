"""The journey map: the stage band and the chosen lanes on one touchpoint order, labels wrapped
in full, score cells, two personas compared."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.charts import journey_map as journey_map_charts
from journeylens.charts import text_width, theme
from journeylens.i18n import Translator
from tests.unit.charts.frames import lanes_frame
from tests.unit.charts.spec import marks, rows, title_text, units_of, walk

EN, VI, RO = Translator("en"), Translator("vi"), Translator("ro")


@pytest.mark.parametrize(("t", "lane"), [(EN, "Customer goal"), (VI, "Mục tiêu"), (RO, "Obiectiv")])
def test_journey_map(t, lane):
    spec = journey_map_charts.journey_map(lanes_frame(), t).to_dict()
    assert len(spec["vconcat"]) == 1 + len(journey_map_charts.DEFAULT_LANES)
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
    goals = list(dict.fromkeys(r["goal_text"] for r in texts if "goal_text" in r))
    assert [g.replace("\n", " ") for g in goals] == list(lanes_frame()["goal"])
    pains = [r["pain_text"] for r in texts if r.get("pain_text")]
    assert pains and pains[0].startswith("⚑")
    assert t("viz.pain.below_target") in pains[0].replace("\n", " ")
    cells = [r for u in units_of(spec, "rect") for r in rows(spec, u) if "score" in r]
    assert {c["row"] for c in cells} == {t("metric.nps"), t("metric.csat")}
    uncertain = [c for c in cells if c["touchpoint"] == "Support call"]
    assert uncertain and not any(c["reliable"] for c in uncertain)


def test_journey_map_emotion_points_green_above_red_below():
    spec = journey_map_charts.journey_map(lanes_frame(), EN).to_dict()
    pts = [u for u in units_of(spec, "point") if "color" in u.get("encoding", {})]
    colour = pts[0]["encoding"]["color"]
    assert colour["condition"]["test"] == "datum.emotion_mean >= 0"
    assert colour["condition"]["value"] == theme.GOOD_COLOUR
    assert colour["value"] == theme.BAD_COLOUR


def _lane_titles(spec) -> list[str]:
    """The lanes' names, top to bottom (one per vconcat child)."""
    out = []
    for child in spec["vconcat"]:
        names = [
            (u.get("encoding", {}).get("y", {}).get("axis") or {}).get("title") for u in walk(child)
        ]
        out.append(next((n for n in names if n), None))
    return out


@pytest.mark.parametrize(
    ("t", "lanes", "titles"),
    [
        (EN, ["ideas", "nps", "goal"], ["Stage", "Ideas", "NPS", "Customer goal"]),
        (VI, ["ces", "thoughts"], ["Giai đoạn", "CES (trung bình)", "Suy nghĩ"]),
        (RO, ["opportunities", "customers"], ["Etapă", "Oportunități", "Clienți"]),
    ],
)
def test_lanes_are_the_chosen_ones_in_their_order(t, lanes, titles):
    frame = lanes_frame().assign(
        ideas=["Compare in one click", None, "Call back"],
        thoughts=["Too many tabs", None, None],
        opportunities=[None, "Save the form", None],
    )
    spec = journey_map_charts.journey_map(frame, t, lanes=lanes).to_dict()
    assert _lane_titles(spec) == titles
    for lane in set(lanes) & {"ideas", "thoughts", "opportunities"}:
        unit = next(
            u for u in units_of(spec, "text") if u["encoding"]["text"]["field"] == f"{lane}_text"
        )
        shown = [r[f"{lane}_text"].replace("\n", " ") for r in rows(spec, unit)]
        assert shown == [v if isinstance(v, str) else "" for v in frame[lane]]


LONG = "Contact-centre call about missing information and a supercalifragilisticexpialidocious form"


@pytest.mark.parametrize("n_touchpoints", [3, 13, 25])
def test_labels_are_wrapped_in_full_and_fit_their_column(n_touchpoints):
    """No ellipsis and no cut: every line of every label fits its column (measured in the
    widest fallback font), and the lines put back together are the label."""
    frame = pd.concat([lanes_frame()] * (n_touchpoints // 3 + 1), ignore_index=True)
    frame = frame.head(n_touchpoints).copy()
    frame["position"] = range(1, n_touchpoints + 1)
    frame["touchpoint"] = [f"{LONG} {i}" for i in range(n_touchpoints)]
    frame["goal"] = "Vay được khoản tiền đủ mua căn hộ đầu tiên mà không phải chờ đợi lâu"
    spec = journey_map_charts.journey_map(frame, EN).to_dict()
    width = spec["vconcat"][1]["width"]
    assert width >= journey_map_charts.MIN_COLUMN * n_touchpoints
    band = width / n_touchpoints
    texts = [r for u in units_of(spec, "text") for r in rows(spec, u)]
    labels = list(dict.fromkeys(r["tp_text"] for r in texts if "tp_text" in r))
    assert len(labels) == n_touchpoints
    for i, label in enumerate(labels):
        assert "…" not in label
        name_lines = label.split("\n")[:-1]  # the last line is the channel
        assert "".join(name_lines).replace(" ", "") == f"{LONG} {i}".replace(" ", "")
        for line in label.split("\n"):
            assert text_width.text_px(line, journey_map_charts.BOLD_PX, bold=True) <= band * 0.92
    goals = [r["goal_text"] for r in texts if "goal_text" in r]
    assert all(g.replace("\n", " ") == frame["goal"].iloc[0] for g in goals)


def test_two_personas_side_by_side_mark_the_differences():
    """Two personas: a row each and a Δ row per score; the Δ is second minus first, starred and
    framed only where compare_lanes found it significant."""
    first = lanes_frame()
    second = lanes_frame()
    second["nps_diff"] = [-30.0, 2.0, None]
    second["nps_significant"] = [True, False, False]
    second["csat_diff"] = [5.0, -1.0, None]
    second["csat_significant"] = [False, False, False]
    spec = journey_map_charts.journey_map(
        first, RO, lanes=["nps", "csat"], other=second, names=("Tineri", "Seniori")
    ).to_dict()
    cells = [r for u in units_of(spec, "rect") for r in rows(spec, u) if "score" in r]
    nps_rows = [c["row"] for c in cells if c["row"].startswith(("NPS", "Δ NPS"))]
    assert list(dict.fromkeys(nps_rows)) == ["NPS · Tineri", "NPS · Seniori", "Δ NPS"]
    delta = {c["touchpoint"]: c for c in cells if c["row"] == "Δ NPS"}
    assert delta["Comparison website visit"]["text"] == "−30 ★"
    assert delta["Comparison website visit"]["significant"]
    assert delta["Online application"]["text"] == "+2"
    assert not delta["Online application"]["significant"]
    assert delta["Support call"]["text"] == "–"
    _, subtitle = title_text(spec)
    assert any("Seniori − Tineri" in line for line in subtitle)
