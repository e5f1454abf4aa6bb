"""The heatmap: diverging colours around the midpoint or target, faded thin cells."""

from __future__ import annotations

import pytest

from journeylens.charts import heatmap as heatmap_charts
from journeylens.charts import theme
from journeylens.i18n import Translator
from tests.unit.charts.frames import heatmap_frame
from tests.unit.charts.spec import all_titles, rows, title_text, units_of

EN = Translator("en")


@pytest.mark.parametrize(("metric", "mid"), [("nps", 0.0), ("csat", 70.0), ("ces", 4.0)])
def test_heatmap(metric, mid):
    spec = heatmap_charts.heatmap(heatmap_frame(metric), metric, EN, min_n=30).to_dict()
    rect, text = units_of(spec, "rect")[0], units_of(spec, "text")[0]
    assert rect["encoding"]["color"]["scale"]["domainMid"] == mid
    assert rect["encoding"]["color"]["type"] == "quantitative"
    cells = {(r["touchpoint"], r["column"]): r for r in rows(spec, text)}
    decimals = {"nps": "40", "csat": "40", "ces": "40.0"}[metric]
    assert cells[("Ad", "B2B")]["cell"] == f"{decimals}\nn = 50"
    assert text["encoding"]["text"]["field"] == "cell"
    opacity = rect["encoding"]["opacity"]
    assert opacity["condition"]["value"] == 1.0 and opacity["value"] == theme.UNCERTAIN_OPACITY
    assert cells[("Ad", "B2C")]["reliable"] is False
    assert rect["encoding"]["y"]["sort"] == ["Ad", "Checkout"]
    _, subtitle = title_text(spec)
    assert any("fewer than 30 answers" in s for s in subtitle)
    assert {"Touchpoint", "Segment"} <= all_titles(spec)


def test_heatmap_target_and_direction():
    spec = heatmap_charts.heatmap(heatmap_frame("csat"), "csat", EN, 30, target=80,
                          higher_is_better=True).to_dict()  # fmt: skip
    assert units_of(spec, "rect")[0]["encoding"]["color"]["scale"]["domainMid"] == 80
    spec = heatmap_charts.heatmap(
        heatmap_frame("ces"), "ces", EN, 30, higher_is_better=False
    ).to_dict()
    assert units_of(spec, "rect")[0]["encoding"]["color"]["scale"]["reverse"] is True


def test_heatmap_without_uncertain_cells_has_no_note():
    df = heatmap_frame()
    df["n"] = 100
    df["reliable"] = True
    _, subtitle = title_text(heatmap_charts.heatmap(df, "nps", EN, 30).to_dict())
    assert not any("uncertain" in s for s in subtitle)
