"""The funnel and its breakdown: bars, step labels and % of step 1."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.charts import funnel as funnel_charts
from journeylens.charts.theme import UNCERTAIN_OPACITY
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


def over_time_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-03-01", "2024-04-01", "2024-05-01"]),
            "entered": [400, 12, 300],
            "converted": [100, 6, 90],
            "conversion": [0.25, 0.5, 0.3],
            "low": [0.21, 0.25, 0.25],
            "high": [0.29, 0.75, 0.35],
            "reliable": [True, False, True],
        }
    )


@pytest.mark.parametrize(("t", "x_title"), [(EN, "Month"), (VI, "Tháng"), (RO, "Luna")])
def test_conversion_over_time(t, x_title):
    spec = funnel_charts.conversion_over_time(over_time_frame(), t, grain="month").to_dict()
    area = units_of(spec, "area")[0]
    assert area["encoding"]["x"] == {**area["encoding"]["x"], "field": "period", "type": "temporal"}
    assert (area["encoding"]["y"]["field"], area["encoding"]["y2"]["field"]) == (
        "low_pct",
        "high_pct",
    )
    assert area["encoding"]["y"]["type"] == "quantitative"
    line = units_of(spec, "line")[0]
    assert line["encoding"]["y"] == {
        **line["encoding"]["y"],
        "field": "pct",
        "type": "quantitative",
    }
    point = units_of(spec, "point")[0]
    assert point["encoding"]["opacity"]["condition"]["test"] == "datum.reliable"
    assert point["encoding"]["opacity"]["value"] == UNCERTAIN_OPACITY  # too few entrants: faded
    data = rows(spec, point)
    assert [r["pct"] for r in data] == [25.0, 50.0, 30.0]
    assert [r["reliable"] for r in data] == [True, False, True]
    titles = all_titles(spec)
    assert x_title in titles and t("funnel16.viz.conversion") in titles
    assert spec["config"]["locale"]  # themed through _finish
    assert data[0]["interval"] == ("21.0% – 29.0%" if t is EN else "21,0% – 29,0%")


def time_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "from_step": [1, 2, 1], "to_step": [2, 3, 3],
            "from_touchpoint": ["Landing page", "Sign-up", "Landing page"],
            "to_touchpoint": ["Sign-up", "First order", "First order"],
            "customers": [600, 0, 0],
            "median": [5400.0, None, None], "p90": [3 * 86400.0, None, None],
            "mean": [7200.0, None, None], "p10": [60.0, None, None],
            "q1": [1800.0, None, None], "q3": [86400.0, None, None],
            "min": [1.0, None, None], "max": [4 * 86400.0, None, None],
        }
    )  # fmt: skip


@pytest.mark.parametrize(
    ("t", "summary", "axis"),
    [
        (EN, "median 1.5 h · p90 3.0 d", "Time to convert (days)"),
        (VI, "trung vị 1,5 giờ · p90 3,0 ngày", "Thời gian chuyển đổi (ngày)"),
        (RO, "mediana 1,5 h · p90 3,0 z", "Timp până la conversie (zile)"),
    ],
)
def test_time_to_convert(t, summary, axis):
    spec = funnel_charts.time_to_convert(time_frame(), t).to_dict()
    box = units_of(spec, "bar")[0]
    assert (box["encoding"]["x"]["field"], box["encoding"]["x2"]["field"]) == ("q1_u", "q3_u")
    assert box["encoding"]["x"]["type"] == "quantitative"
    rule = units_of(spec, "rule")[0]
    assert (rule["encoding"]["x"]["field"], rule["encoding"]["x2"]["field"]) == ("p10_u", "p90_u")
    data = rows(spec, box)
    assert len(data) == 1  # the pairs nobody made are left out
    assert data[0]["p90_u"] == 3.0 and data[0]["median_u"] == pytest.approx(5400 / 86400)
    assert data[0]["summary"] == summary
    assert data[0]["label"] == "1 → 2: Landing page → Sign-up"
    assert axis in all_titles(spec)
