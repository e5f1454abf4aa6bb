"""The funnel (funnel.run), its breakdown by persona or segment (funnel.run_breakdown), its
conversion by the period of step 1 (funnel.conversion_over_time) and its time to convert
(funnel.time_to_convert)."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from journeylens.charts.common import _num, _pct, _persona_scale, _rows, wrap
from journeylens.charts.paths import _duration
from journeylens.charts.theme import OVERALL_COLOUR, UNCERTAIN_OPACITY, WIDTH, Translate, _finish
from journeylens.domain import metrics


def _as_percent(series: pd.Series) -> pd.Series:
    """Conversion columns may be fractions (0..1) or percentages (0..100): return percentages."""
    s = pd.to_numeric(series, errors="coerce").astype("float64")
    return s * 100 if s.dropna().le(1.0 + 1e-9).all() else s


def funnel(df: pd.DataFrame, t: Translate) -> alt.LayerChart:
    """Horizontal funnel: a light bar at the step-1 count behind a dark bar per step count,
    labels with count and % of step 1, and the step-to-step % between bars.

    Input columns: step, touchpoint, count, conversion_from_first, conversion_from_previous.
    """
    data = _rows(df).sort_values("step", kind="stable").reset_index(drop=True)
    first = float(data["count"].iloc[0]) if len(data) else 0.0
    of_first = _as_percent(data["conversion_from_first"])
    of_prev = _as_percent(data["conversion_from_previous"])
    data = data.assign(
        label=[
            f"{int(s)}. {wrap(tp, 40, 1)}"
            for s, tp in zip(data["step"], data["touchpoint"], strict=True)
        ],
        first=first,
        pct_first=of_first,
        pct_prev=of_prev,
        bar_text=[
            f"{_num(t, c)} ({_pct(t, p)})" for c, p in zip(data["count"], of_first, strict=True)
        ],
        step_text=[
            "" if i == 0 else t("viz.funnel.continued", pct=_pct(t, p))
            for i, p in enumerate(of_prev)
        ],
        drop=first - data["count"].astype("float64"),
    )
    order = data["label"].tolist()
    steps = max(len(data), 1)
    y = alt.Y(
        "label:N",
        sort=order,
        title=t("viz.step"),
        scale=alt.Scale(paddingInner=0.5, paddingOuter=0.3),
        axis=alt.Axis(labelFontSize=13, labelLimit=240, ticks=False, domain=False),
    )
    x_title = t("common.customers")
    tooltip = [
        alt.Tooltip("label:N", title=t("viz.step")),
        alt.Tooltip("count:Q", title=x_title, format=","),
        alt.Tooltip("pct_first:Q", title=t("viz.of_first"), format=".1f"),
        alt.Tooltip("pct_prev:Q", title=t("viz.of_previous"), format=".1f"),
    ]
    base = alt.Chart(data).encode(y=y)
    background = base.mark_bar(color="#D6E4F0", cornerRadiusEnd=3).encode(
        x=alt.X("first:Q", title=x_title, axis=alt.Axis(format=",d", tickMinStep=1)),
        tooltip=tooltip,
    )
    bars = base.mark_bar(color="#0B4F8A", cornerRadiusEnd=3).encode(x="count:Q", tooltip=tooltip)
    labels = base.mark_text(align="left", dx=6, fontSize=13, fontWeight=600).encode(
        x="count:Q", text="bar_text:N"
    )
    between = base.mark_text(
        align="left", dx=4, dy=-22, fontSize=11.5, color="#374151", fontStyle="italic"
    ).encode(x=alt.datum(0), text="step_text:N")
    chart = alt.layer(background, bars, labels, between).properties(
        title=alt.TitleParams(t("viz.funnel.title"), subtitle=t("viz.funnel.subtitle")),
        width=WIDTH - 200,
        height=alt.Step(64) if steps <= 12 else 40 * steps,
    )
    return _finish(chart, t)


def funnel_breakdown(
    df: pd.DataFrame,
    t: Translate,
    group_col: str = "group",
    personas: Sequence[str] | None = None,
    group_title: str | None = None,
) -> alt.Chart:
    """Grouped horizontal bars per step, one bar per group (persona colours when the groups are
    personas), labelled with the % of that group's step 1. group_title names the groups' legend
    (the user's own column of a breakdown by one); by default it follows group_col.

    Input columns: step, touchpoint, <group_col>, count, conversion_from_first.
    """
    data = _rows(df).sort_values(["step", group_col], kind="stable").reset_index(drop=True)
    data = data.assign(
        label=[
            f"{int(s)}. {wrap(tp, 40, 1)}"
            for s, tp in zip(data["step"], data["touchpoint"], strict=True)
        ],
        grp=data[group_col].astype(str),
        pct_first=_as_percent(data["conversion_from_first"]),
    )
    data["bar_text"] = [
        f"{_num(t, c)} ({_pct(t, p)})"
        for c, p in zip(data["count"], data["pct_first"], strict=True)
    ]
    order = list(dict.fromkeys(data["label"]))
    groups = list(dict.fromkeys(data["grp"]))
    colour_scale = (
        _persona_scale(groups, personas) if personas is not None else alt.Scale(domain=groups)
    )
    if group_title is None and group_col != "group":
        group_title = t(f"common.{group_col}")
    elif group_title is None:
        group_title = t("common.persona") if personas is not None else t("viz.group")
    y = alt.Y("label:N", sort=order, title=t("viz.step"), axis=alt.Axis(labelFontSize=13))
    base = alt.Chart(data).encode(
        y=y, yOffset=alt.YOffset("grp:N", sort=groups, scale=alt.Scale(paddingInner=0.1))
    )
    bars = base.mark_bar(cornerRadiusEnd=2).encode(
        x=alt.X("count:Q", title=t("common.customers"), axis=alt.Axis(format=",d")),
        color=alt.Color(
            "grp:N",
            title=group_title,
            scale=colour_scale,
            sort=groups,
            legend=alt.Legend(values=groups),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=t("viz.step")),
            alt.Tooltip("grp:N", title=group_title),
            alt.Tooltip("count:Q", title=t("common.customers"), format=","),
            alt.Tooltip("pct_first:Q", title=t("viz.of_first"), format=".1f"),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(x="count:Q", text="bar_text:N")
    step_height = 22 * max(len(groups), 1) + 24
    chart = alt.layer(bars, text).properties(
        title=alt.TitleParams(t("viz.funnel_breakdown.title"), subtitle=t("viz.of_first")),
        width=WIDTH - 200,
        height=alt.Step(step_height // max(len(groups), 1)),
    )
    return _finish(chart, t)


def conversion_over_time(
    df: pd.DataFrame, t: Translate, grain: str = "month", min_n: int = metrics.DEFAULT_MIN_N
) -> alt.LayerChart:
    """The funnel's overall conversion per week or month of step 1: a line, its 95% Wilson band,
    and points faded where fewer than min_n customers entered.

    Input columns: period, entered, converted, conversion, low, high (fractions), reliable.
    """
    data = _rows(df).sort_values("period", kind="stable").reset_index(drop=True)
    data = data.assign(
        pct=_as_percent(data["conversion"]),
        low_pct=pd.to_numeric(data["low"], errors="coerce").astype("float64") * 100,
        high_pct=pd.to_numeric(data["high"], errors="coerce").astype("float64") * 100,
    )
    data["label"] = [_pct(t, v, 1) for v in data["pct"]]
    data["interval"] = [
        f"{_pct(t, lo, 1)} – {_pct(t, hi, 1)}"
        for lo, hi in zip(data["low_pct"], data["high_pct"], strict=True)
    ]
    data = data[
        ["period", "pct", "low_pct", "high_pct", "entered", "converted", "reliable", "label",
         "interval"]
    ]  # fmt: skip
    x_title = t("common.week") if grain == "week" else t("common.month")
    y_title = t("funnel16.viz.conversion")
    x = alt.X(
        "period:T",
        title=x_title,
        axis=alt.Axis(format="%d %b %Y" if grain == "week" else "%b %Y", labelAngle=0, grid=False),
    )
    y_scale = alt.Scale(domain=[0, 100], clamp=True)
    base = alt.Chart(data).encode(x=x)
    band = base.mark_area(opacity=0.18, color=OVERALL_COLOUR).encode(
        y=alt.Y("low_pct:Q", title=y_title, scale=y_scale), y2=alt.Y2("high_pct:Q")
    )
    line = base.mark_line(color=OVERALL_COLOUR).encode(y=alt.Y("pct:Q", title=y_title))
    points = base.mark_point(color=OVERALL_COLOUR, size=70, filled=True).encode(
        y=alt.Y("pct:Q"),
        opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
        tooltip=[
            alt.Tooltip("period:T", title=x_title, format="%Y-%m-%d"),
            alt.Tooltip("label:N", title=y_title),
            alt.Tooltip("interval:N", title=t("funnel16.viz.interval")),
            alt.Tooltip("entered:Q", title=t("funnel16.viz.entered"), format=","),
            alt.Tooltip("converted:Q", title=t("funnel16.viz.converted"), format=","),
        ],
    )
    chart = alt.layer(band, line, points).properties(
        title=alt.TitleParams(
            t("funnel16.viz.over_time_title"),
            subtitle=t("funnel16.viz.over_time_subtitle", min_n=min_n),
        ),
        width=WIDTH,
        height=280,
    )
    return _finish(chart, t)


# Units of the time-to-convert axis, largest first: (key of duration.<unit>, seconds).
_UNITS = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))


def _time_unit(longest: float) -> tuple[str, int]:
    """The largest unit in which the longest time shown is at least 2 units."""
    for unit, size in _UNITS:
        if longest >= 2 * size:
            return unit, size
    return "s", 1


def time_to_convert(df: pd.DataFrame, t: Translate) -> alt.LayerChart:
    """A box per step pair: the box from the 25th to the 75th percentile, a tick at the median,
    whiskers from the 10th to the 90th percentile, labelled with the median and p90; one time
    unit (days, hours, minutes or seconds) for the whole axis. Pairs nobody made are left out.

    Input columns: from_step, to_step, from_touchpoint, to_touchpoint, customers, median, p90,
    p10, q1, q3 (seconds).
    """
    data = _rows(df)
    data = data[pd.to_numeric(data["customers"], errors="coerce").fillna(0) > 0].reset_index(
        drop=True
    )
    cols = ("p10", "q1", "median", "q3", "p90")
    for col in cols:
        data[col] = pd.to_numeric(data[col], errors="coerce").astype("float64")
    longest = float(data["p90"].max()) if len(data) else 0.0
    unit, size = _time_unit(longest)
    for col in cols:
        data[f"{col}_u"] = data[col] / size

    data["label"] = [
        f"{int(a)} → {int(b)}: {wrap(ta, 28, 1)} → {wrap(tb, 28, 1)}"
        for a, b, ta, tb in zip(
            data["from_step"], data["to_step"], data["from_touchpoint"], data["to_touchpoint"],
            strict=True,
        )
    ]  # fmt: skip
    data["median_text"] = [_duration(t, v) for v in data["median"]]
    data["p90_text"] = [_duration(t, v) for v in data["p90"]]
    data["summary"] = [
        t("funnel16.viz.median_p90", median=m, p90=p)
        for m, p in zip(data["median_text"], data["p90_text"], strict=True)
    ]
    data = data[
        ["label", "customers", *(f"{c}_u" for c in cols), "median_text", "p90_text", "summary"]
    ]
    order = data["label"].tolist()
    x_title = t("funnel16.viz.time_axis", unit=t(f"funnel16.unit.{unit}"))
    y = alt.Y(
        "label:N",
        sort=order,
        title=None,  # the labels say "1 → 2: A → B"; a title beside them collides with them
        axis=alt.Axis(labelFontSize=12, labelLimit=340, ticks=False),
    )
    tooltip = [
        alt.Tooltip("label:N", title=t("funnel16.viz.steps")),
        alt.Tooltip("customers:Q", title=t("funnel16.viz.converted"), format=","),
        alt.Tooltip("median_text:N", title=t("funnel16.viz.median")),
        alt.Tooltip("p90_text:N", title=t("funnel16.viz.p90")),
    ]
    base = alt.Chart(data).encode(y=y)
    whisker = base.mark_rule(color="#374151").encode(
        x=alt.X("p10_u:Q", title=x_title, scale=alt.Scale(zero=True, nice=True)),
        x2=alt.X2("p90_u:Q"),
        tooltip=tooltip,
    )
    box = base.mark_bar(color=OVERALL_COLOUR, opacity=0.55, height=18).encode(
        x=alt.X("q1_u:Q"), x2=alt.X2("q3_u:Q"), tooltip=tooltip
    )
    median = base.mark_tick(color="#111827", thickness=3, size=24).encode(
        x=alt.X("median_u:Q"), tooltip=tooltip
    )
    p90 = base.mark_tick(color="#374151", thickness=2, size=14).encode(x=alt.X("p90_u:Q"))
    labels = base.mark_text(align="left", dx=8, fontSize=11.5, color="#374151").encode(
        x=alt.X("p90_u:Q"), text=alt.Text("summary:N")
    )
    chart = alt.layer(whisker, box, median, p90, labels).properties(
        title=alt.TitleParams(
            t("funnel16.viz.time_title"), subtitle=t("funnel16.viz.time_subtitle")
        ),
        width=WIDTH - 380,
        height=alt.Step(44),
    )
    return _finish(chart, t)
