"""The funnel (funnel.run) and its breakdown by persona or segment (funnel.run_breakdown)."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from journeylens.charts.common import _num, _pct, _persona_scale, _rows, wrap
from journeylens.charts.theme import WIDTH, Translate, _finish


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
) -> alt.Chart:
    """Grouped horizontal bars per step, one bar per group (persona colours when the groups are
    personas), labelled with the % of that group's step 1.

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
    if group_col != "group":
        group_title = t(f"common.{group_col}")
    else:
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
