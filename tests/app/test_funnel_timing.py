"""The Funnel page's conversion over time and time to convert (issue 16), as a reader sees them in
English, Vietnamese and Romanian: both sections, their charts, definitions and numbers."""

from __future__ import annotations

import json

import pytest

from journeylens.i18n import t

from .conftest import no_problems

CHART = "vega_lite_chart"


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["title"]["text"] for c in at.get(CHART)]


@pytest.mark.parametrize(
    ("lang", "decimal", "day"), [("en", ".", " d"), ("vi", ",", " ngày"), ("ro", ",", " z")]
)
def test_funnel_shows_conversion_over_time_and_time_to_convert(db, app, lang, decimal, day):
    at = app("funnel", lang=lang)
    no_problems(at)
    subheaders = [s.value for s in at.subheader]
    assert t("funnel16.over_time.title", lang) in subheaders
    assert t("funnel16.time.title", lang) in subheaders
    titles = chart_titles(at)
    assert t("funnel16.viz.over_time_title", lang) in titles
    assert t("funnel16.viz.time_title", lang) in titles

    steps = at.dataframe[0].value
    customers = t("fcol.customers", lang)
    first, last = int(steps[customers].iloc[0]), int(steps[customers].iloc[-1])
    step_names = [s.split(". ", 1)[1] for s in steps[t("fcol.step", lang)]]

    # conversion over time: every entrant in one month, the funnel's first and last counts
    by_period = at.dataframe[1].value
    assert len(by_period) >= 12  # the demo spans 18 months
    assert int(by_period[t("funnel16.viz.entered", lang)].sum()) == first
    assert int(by_period[t("funnel16.viz.converted", lang)].sum()) == last
    shares = list(by_period[t("funnel16.col.conversion", lang)])
    assert all(s.endswith("%") and decimal in s for s in shares), shares
    intervals = list(by_period[t("funnel16.viz.interval", lang)])
    assert all(" – " in s for s in intervals), intervals
    captions = [c.value for c in at.main.caption]
    definition = t("funnel16.over_time.definition", lang).split("{")[0]
    assert any(c.startswith(definition) and step_names[-1] in c for c in captions), captions

    # time to convert: each step to the next, then step 1 to the last, with median and p90
    times = at.dataframe[2].value
    pairs = list(times[t("funnel16.viz.steps", lang)])
    assert len(pairs) == len(step_names)  # n - 1 steps, and 1 -> n
    assert pairs[-1] == f"1 → {len(step_names)}: {step_names[0]} → {step_names[-1]}"
    assert int(times[customers].iloc[-1]) == last
    medians = list(times[t("funnel16.col.median", lang)])
    p90s = list(times[t("funnel16.col.p90", lang)])
    assert medians[-1].endswith(day) and p90s[-1].endswith(day) and decimal in p90s[-1]
    # one definition: the step table's median time from the previous step is the same
    assert medians[0] == steps[t("fcol.median_time", lang)].iloc[1]
    assert t("funnel16.time.definition", lang) in captions


def test_conversion_by_week_from_the_link(db, app):
    months = app("funnel").dataframe[1].value
    at = app("funnel", fgrain=t("overview.grain.week"))
    no_problems(at)
    assert at.segmented_control(key="fgrain").value == "week"
    weeks = at.dataframe[1].value
    assert len(weeks) > 4 * len(months) - 8
    entered = t("funnel16.viz.entered")
    assert int(weeks[entered].sum()) == int(months[entered].sum())
    spec = json.loads(at.get(CHART)[1].proto.spec)
    assert spec["layer"][0]["encoding"]["x"]["title"] == t("common.week")
