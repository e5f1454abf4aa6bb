"""The funnel and its breakdown: bars, step labels and % of step 1."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.charts import funnel as funnel_charts
from journeylens.i18n import Translator
from tests.unit.charts.frames import funnel_frame
from tests.unit.charts.spec import all_titles, rows, units_of

EN, VI, RO = Translator("en"), Translator("vi"), Translator("ro")


@pytest.mark.parametrize(
    ("t", "first_label", "continued"),
    [(EN, "1,200 (100%)", "↓ 50% continued"), (VI, "1.200 (100%)", "↓ 50% tiếp tục")],
)
def test_funnel(t, first_label, continued):
    spec = funnel_charts.funnel(funnel_frame(), t).to_dict()
    bars = units_of(spec, "bar")
    assert len(bars) == 2  # light first-step bar behind, dark step bar in front
    assert [b["encoding"]["x"]["field"] for b in bars] == ["first", "count"]
    y = bars[0]["encoding"]["y"]
    assert y["sort"] == ["1. Landing page", "2. Sign-up", "3. First order"]
    assert y["type"] == "nominal"
    texts = units_of(spec, "text")
    labels = [r["bar_text"] for r in rows(spec, texts[0])]
    assert labels[0] == first_label
    assert labels[2].endswith("(15%)")
    steps = [r["step_text"] for r in rows(spec, texts[1])]
    assert steps[0] == "" and steps[1] == continued
    assert t("common.customers") in all_titles(spec)


def test_funnel_accepts_percentages():
    df = funnel_frame()
    df["conversion_from_first"] *= 100
    df["conversion_from_previous"] *= 100
    spec = funnel_charts.funnel(df, EN).to_dict()
    assert rows(spec, units_of(spec, "text")[0])[1]["bar_text"] == "600 (50%)"


def test_funnel_breakdown():
    df = pd.concat(
        [funnel_frame().assign(group=g, count=lambda d, w=w: d["count"] * w) for g, w in
         (("Student", 0.5), ("Retiree", 0.25))]
    )  # fmt: skip
    spec = funnel_charts.funnel_breakdown(df, EN, personas=["Retiree", "Student"]).to_dict()
    bar = units_of(spec, "bar")[0]
    assert bar["encoding"]["yOffset"]["field"] == "grp"
    assert bar["encoding"]["color"]["scale"]["domain"] == ["Retiree", "Student"]
    assert bar["encoding"]["y"]["sort"][0] == "1. Landing page"
