"""The KPI trend (dashboards.trend): one metric per week or month with its 95% interval band."""

from __future__ import annotations

import altair as alt
import pandas as pd

from journeylens.charts.common import _metric_title, _num, _rows
from journeylens.charts.theme import OVERALL_COLOUR, UNCERTAIN_OPACITY, WIDTH, Translate, _finish
from journeylens.domain import metrics


def kpi_trend(
    df: pd.DataFrame,
    metric: str,
    t: Translate,
    grain: str = "month",
    min_n: int = metrics.DEFAULT_MIN_N,
) -> alt.Chart:
    """A line per period (dashboards.trend) with its 95% interval band."""
    cols = metrics.METRICS[metric]
    decimals = 1 if metric == "ces" else 0
    data = _rows(df)
    data = data.assign(
        value=data[cols["value"]],
        low=data[cols["low"]],
        high=data[cols["high"]],
        n=data[cols["n"]],
        reliable=metrics.reliable(data[cols["n"]], min_n),
        label=[_num(t, v, decimals) for v in data[cols["value"]]],
    )[["period", "value", "low", "high", "n", "reliable", "label"]]
    title = _metric_title(metric, t)
    x_title = t("common.week") if grain == "week" else t("common.month")
    lo, mid, hi = metrics.METRIC_DOMAINS[metric]
    x = alt.X(
        "period:T",
        title=x_title,
        axis=alt.Axis(
            format="%b %Y", tickCount={"interval": "month", "step": 1}, labelAngle=0, grid=False
        ),  # fmt: skip
    )
    # Let the data set the range (a -100..100 axis flattens every line), within the scale.
    y_scale = alt.Scale(zero=metric == "nps", nice=True)
    base = alt.Chart(data).encode(x=x)
    band = base.mark_area(opacity=0.18, color=OVERALL_COLOUR).encode(
        y=alt.Y("low:Q", title=title, scale=y_scale), y2="high:Q"
    )
    line = base.mark_line(color=OVERALL_COLOUR).encode(y=alt.Y("value:Q", title=title))
    points = base.mark_point(color=OVERALL_COLOUR, size=70, filled=True).encode(
        y="value:Q",
        opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
        tooltip=[
            alt.Tooltip("period:T", title=x_title, format="%Y-%m-%d"),
            alt.Tooltip("label:N", title=title),
            alt.Tooltip("n:Q", title=t("common.answers"), format=","),
        ],
    )
    layers = [band, line, points]
    if metric == "nps":
        layers.insert(0, alt.Chart(data).mark_rule(color="#6B7280").encode(y=alt.datum(mid)))
    grain_word = x_title.lower()
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(
            t("viz.trend.title", metric=title),
            subtitle=t("viz.trend.subtitle", grain=grain_word, min_n=min_n),
        ),
        width=WIDTH,
        height=300,
    )
    return _finish(chart, t)
