"""The heatmap (dashboards.heatmap): touchpoints against segments, personas or months."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts.common import _metric_title, _num, _num_format, _order, _rows
from journeylens.charts.theme import DIVERGING_SCHEME, UNCERTAIN_OPACITY, Translate, _finish
from journeylens.domain import metrics
from journeylens.domain.filters import extra_column_of


def breakdown_title(by: str, t: Translate) -> str:
    """The columns' title: a built-in breakdown's name in the UI language, or the name of the
    user's own column (extra_by), as their file spells it."""
    return extra_column_of(by) or t(f"common.{by}")


def heatmap(
    df: pd.DataFrame,
    metric: str,
    t: Translate,
    min_n: int = metrics.DEFAULT_MIN_N,
    by: str | None = None,
    target: float | None = None,
    higher_is_better: bool = True,
) -> alt.LayerChart:
    """Touchpoint rows (journey order) x columns (dashboards.heatmap): coloured cells with the
    value and n; cells with n < min_n are faded and the subtitle says why."""
    data = _rows(df)
    by = by or (str(data["by"].iloc[0]) if "by" in data and len(data) else "segment")
    lo, mid, hi = metrics.METRIC_DOMAINS[metric]
    if target is not None:
        mid = float(target)
    decimals = 1 if metric == "ces" else 0
    values = pd.to_numeric(data["value"], errors="coerce")
    span = max(hi - mid, mid - lo)
    strength = ((values - mid).abs() / span).fillna(0)
    reliable = (
        data["reliable"].astype(bool) if "reliable" in data else metrics.reliable(data["n"], min_n)
    )
    data = data.assign(
        reliable=reliable,
        cell=[
            f"{_num(t, v, decimals)}\nn = {_num(t, n)}"
            for v, n in zip(values, data["n"], strict=True)
        ],
        dark=(strength > 0.55) & reliable,
        column=data["column"].astype(str),
    )
    rows = _order(data)
    columns = (
        [str(c) for c in data.sort_values("column_position")["column"].drop_duplicates()]
        if "column_position" in data
        else sorted(data["column"].unique())
    )
    data = data[["touchpoint", "column", "value", "n", "reliable", "cell", "dark"]]
    metric_title = _metric_title(metric, t)
    by_title = breakdown_title(by, t)
    x = alt.X(
        "column:O",
        sort=columns,
        title=by_title,
        axis=alt.Axis(orient="top", labelAngle=0, labelLimit=104, labelFontSize=12),
    )
    y = alt.Y("touchpoint:O", sort=rows, title=t("common.touchpoint"),
              axis=alt.Axis(labelLimit=200, labelFontSize=12.5))  # fmt: skip
    scale = alt.Scale(
        scheme=DIVERGING_SCHEME,
        domain=[lo, hi],
        domainMid=mid,
        reverse=not higher_is_better,
    )
    base = alt.Chart(data).encode(x=x, y=y)
    rects = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "value:Q",
            scale=scale,
            title=metric_title,
            legend=alt.Legend(orient="right", gradientLength=180, format=_num_format(0)),
        ),
        opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
        tooltip=[
            alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
            alt.Tooltip("column:N", title=by_title),
            alt.Tooltip("value:Q", title=metric_title, format=_num_format(decimals)),
            alt.Tooltip("n:Q", title=t("common.answers"), format=","),
        ],
    )
    text = base.mark_text(lineBreak="\n", fontSize=12, lineHeight=15).encode(
        text="cell:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("#111827")),
        opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(0.7)),
    )
    subtitle = [t("viz.heatmap.subtitle")]
    if not data["reliable"].all():
        subtitle.append(t("common.uncertain_note", min_n=min_n))
    chart = alt.layer(rects, text).properties(
        title=alt.TitleParams(
            t("viz.heatmap.title", metric=metric_title, by=by_title.lower()), subtitle=subtitle
        ),
        width=alt.Step(110),
        height=alt.Step(44),
    )
    return _finish(chart, t)


def _signed(t: Translate, value: Any, decimals: int) -> str:
    text = _num(t, value, decimals)
    f = metrics.finite(value)
    return f"+{text}" if f is not None and f > 0 else text


def change_heatmap(
    df: pd.DataFrame,
    metric: str,
    t: Translate,
    min_n: int = metrics.DEFAULT_MIN_N,
    by: str = "segment",
    higher_is_better: bool = True,
) -> alt.LayerChart:
    """The change of each cell between two periods (period.cell_changes): colour on a diverging
    scale around 0, the change and the answers now / before in the cell; a significant change
    is bold and starred, a cell with fewer than min_n answers in either period is faded."""
    data = _rows(df)
    decimals = 1 if metric == "ces" else 0
    change = pd.to_numeric(data["change"], errors="coerce")
    finite = change.abs().dropna()
    span = float(finite.max()) if len(finite) and finite.max() > 0 else 1.0
    reliable = data["reliable"].astype(bool)
    significant = data["significant"].astype(bool) & reliable
    data = data.assign(
        change=change,
        reliable=reliable,
        significant=significant,
        cell=[
            f"{_signed(t, c, decimals)}{' *' if s else ''}\nn = {_num(t, n)} / {_num(t, p)}"
            for c, s, n, p in zip(change, significant, data["n"], data["previous_n"], strict=True)
        ],
        dark=((change.abs() / span) > 0.55).fillna(False) & reliable,
        column=data["column"].astype(str),
    )
    rows = _order(data)
    columns = (
        [str(c) for c in data.sort_values("column_position")["column"].drop_duplicates()]
        if "column_position" in data
        else sorted(data["column"].unique())
    )
    data = data[
        ["touchpoint", "column", "change", "value", "previous", "n", "previous_n", "reliable",
         "significant", "cell", "dark"]
    ]  # fmt: skip
    metric_title = _metric_title(metric, t)
    by_title = breakdown_title(by, t)
    change_title = t("periods16.change_of", metric=metric_title)
    x = alt.X(
        "column:O",
        sort=columns,
        title=by_title,
        axis=alt.Axis(orient="top", labelAngle=0, labelLimit=104, labelFontSize=12),
    )
    y = alt.Y("touchpoint:O", sort=rows, title=t("common.touchpoint"),
              axis=alt.Axis(labelLimit=200, labelFontSize=12.5))  # fmt: skip
    scale = alt.Scale(
        scheme=DIVERGING_SCHEME, domain=[-span, span], domainMid=0, reverse=not higher_is_better
    )
    base = alt.Chart(data).encode(x=x, y=y)
    rects = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "change:Q",
            scale=scale,
            title=change_title,
            legend=alt.Legend(orient="right", gradientLength=180, format=_num_format(decimals)),
        ),
        opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
        tooltip=[
            alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
            alt.Tooltip("column:N", title=by_title),
            alt.Tooltip("change:Q", title=change_title, format=_num_format(decimals)),
            alt.Tooltip("value:Q", title=t("periods16.now"), format=_num_format(decimals)),
            alt.Tooltip("previous:Q", title=t("periods16.before"), format=_num_format(decimals)),
            alt.Tooltip("n:Q", title=t("periods16.n_now"), format=","),
            alt.Tooltip("previous_n:Q", title=t("periods16.n_before"), format=","),
        ],
    )
    texts = [  # Vega-Lite has no fontWeight channel: a bold layer for the significant cells
        base.transform_filter(test)
        .mark_text(lineBreak="\n", fontSize=12, lineHeight=15, fontWeight=weight)
        .encode(
            text="cell:N",
            color=alt.condition("datum.dark", alt.value("white"), alt.value("#111827")),
            opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(0.7)),
        )
        for test, weight in (("!datum.significant", "normal"), ("datum.significant", "bold"))
    ]
    subtitle = [t("periods16.heatmap_subtitle")]
    if not data["reliable"].all():
        subtitle.append(t("periods16.uncertain_note", min_n=min_n))
    chart = alt.layer(rects, *texts).properties(
        title=alt.TitleParams(
            t("periods16.heatmap_title", metric=metric_title, by=by_title.lower()),
            subtitle=subtitle,
        ),
        width=alt.Step(110),
        height=alt.Step(44),
    )
    return _finish(chart, t)
