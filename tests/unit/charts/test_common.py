"""What every view shares: persona colours, wrapped labels, the 5,000-row guard and
labels holding a line separator."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from journeylens.charts import common, theme
from journeylens.charts import emotion as emotion_charts
from journeylens.charts import funnel as funnel_charts
from journeylens.charts import heatmap as heatmap_charts
from journeylens.charts import journey_map as journey_map_charts
from journeylens.charts import trend as trend_charts
from journeylens.i18n import Translator
from tests.unit.charts.frames import (
    emotion_frame,
    funnel_frame,
    heatmap_frame,
    lanes_frame,
    stages_frame,
    with_metric_cols,
)
from tests.unit.charts.spec import units_of

EN = Translator("en")


def test_persona_colours_are_fixed_by_the_full_list():
    everyone = ["Student", "Retiree", "Busy professional"]
    colours = common.persona_colours(everyone)
    assert colours == common.persona_colours(list(reversed(everyone)))
    one = emotion_frame(("Student",))
    two = emotion_frame(("Retiree", "Student"))
    for frame in (one, two):
        spec = emotion_charts.emotion_curve(frame, EN, personas=everyone).to_dict()
        scale = units_of(spec, "line")[0]["encoding"]["color"]["scale"]
        mapping = dict(zip(scale["domain"], scale["range"], strict=True))
        assert mapping["Student"] == colours["Student"]


@pytest.mark.parametrize("text", ["short", "Ask questions in person at the branch", None])
def test_wrap(text):
    out = common.wrap(text)
    assert all(len(line) <= theme.LABEL_CHARS for line in out.split("\n"))
    assert out.count("\n") < theme.MAX_LINES


# --- the 5,000-row guard stays on --------------------------------------------------------------


def big_heatmap() -> pd.DataFrame:
    df = pd.DataFrame({"position": range(6000), "touchpoint": [f"T{i}" for i in range(6000)]})
    return df.assign(column="A", column_position=1, value=1.0, n=40, reliable=True)


def big_trend() -> pd.DataFrame:
    df = pd.DataFrame({"period": pd.date_range("2000-01-01", periods=6000, freq="D"),
                       "promoters": 1, "passives": 1, "detractors": 1, "n_nps": 3})  # fmt: skip
    return with_metric_cols(df)


def big_funnel() -> pd.DataFrame:
    df = pd.DataFrame({"step": range(1, 6001), "touchpoint": "x", "count": 10})
    return df.assign(conversion_from_first=1.0, conversion_from_previous=1.0)


@pytest.mark.parametrize(
    "build",
    [
        lambda: heatmap_charts.heatmap(big_heatmap(), "nps", EN, 30),
        lambda: trend_charts.kpi_trend(big_trend(), "nps", EN),
        lambda: funnel_charts.funnel(big_funnel(), EN),
    ],
)
def test_row_guard_kept(build):
    assert alt.data_transformers.options.get("max_rows", 5000) == 5000
    with pytest.raises(alt.MaxRowsError):
        build().to_dict()


# --- line separators in labels (issue 20) -------------------------------------------------------

LS = "\u2028"


def _with_separators(df: pd.DataFrame) -> pd.DataFrame:
    """Every text label of the frame holding U+2028 / U+2029, as an uploaded value may."""
    out = df.copy()
    for col in ("touchpoint", "stage", "persona", "column", "goal", "channel", "owner", "group"):
        if col in out:
            out[col] = out[col].map(lambda v: f"{v}{LS}x\u2029" if isinstance(v, str) else v)
    return out


SEPARATED = {
    "funnel": lambda: funnel_charts.funnel(_with_separators(funnel_frame()), EN),
    "funnel_breakdown": lambda: funnel_charts.funnel_breakdown(
        _with_separators(funnel_frame().assign(group="Student")), EN, personas=[f"Student{LS}"]
    ),
    "emotion": lambda: emotion_charts.emotion_curve(
        _with_separators(emotion_frame((f"A{LS}", "B"))), EN,
        stages_df=_with_separators(stages_frame()), personas=[f"A{LS}", "B"],
    ),
    "compare": lambda: emotion_charts.persona_compare(
        _with_separators(emotion_frame(("A",))), _with_separators(emotion_frame(("B",))), EN,
        stages_df=_with_separators(stages_frame()),
    ),
    "heatmap": lambda: heatmap_charts.heatmap(_with_separators(heatmap_frame()), "nps", EN),
    "journey": lambda: journey_map_charts.journey_map(_with_separators(lanes_frame()), EN),
}  # fmt: skip


@pytest.mark.parametrize("name", list(SEPARATED))
def test_a_label_with_a_line_separator_still_renders(name):
    """Vega's expression parser takes U+2028 for a line end ("Unexpected token ILLEGAL"): the
    chart, its SVG export and the offline renderer must all still work."""
    import vl_convert as vlc

    spec = SEPARATED[name]().to_dict()
    svg = vlc.vegalite_to_svg(spec)
    assert svg.startswith("<svg")
    assert LS not in str(spec) and "\u2029" not in str(spec)
