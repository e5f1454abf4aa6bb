"""Altair builders for the insights: the priority matrix, importance bars, an alert's trend.

Pure functions like the other views of journeylens.charts (same theme and helpers): an aggregate
frame from journeylens.services.insights in (one row per driver, or per period of one alert), a chart out,
themed and localised; texts come from the catalogue through `t`.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts.common import _rows, wrap
from journeylens.charts.theme import (
    BAD_COLOUR,
    GOOD_COLOUR,
    OVERALL_COLOUR,
    UNCERTAIN_OPACITY,
    WIDTH,
    _finish,
)
from journeylens.domain import metrics
from journeylens.services.insights import words
from journeylens.services.insights.alerts import AlertResult
from journeylens.services.insights.drivers import DriverResult

QUADRANT_COLOURS = {
    "fix_first": BAD_COLOUR,  # vermilion: act here
    "keep_up": GOOD_COLOUR,
    "over_served": "#56B4E9",
    "low_priority": "#E69F00",
}
NOISE_COLOUR = "#9CA3AF"
STRONG_COLOUR = "#0B4F8A"
FADED = 0.35
MATRIX_WIDTH = 760
MATRIX_HEIGHT = 440


def _quadrant_scale(t: Any) -> tuple[list[str], alt.Scale]:
    names = list(QUADRANT_COLOURS)
    labels = [t(f"ins.quadrant.{q}") for q in names]
    return labels, alt.Scale(domain=labels, range=[QUADRANT_COLOURS[q] for q in names])


def priority_matrix(result: DriverResult, t: Any) -> alt.LayerChart:
    """Importance (y, share of explained variance) against performance (x), one bubble per
    driver sized by its n and coloured by quadrant; not distinguishable = faded; drivers left
    out for too few customers at importance 0, faded, labelled with their n. Dashed rules: the
    mean importance (1/k) and the performance reference (the target where every driver has the
    same one, else each driver's target as a tick, else the mean performance)."""
    metric = result.spec.driver
    outcome = words.outcome_label(result.spec, t)
    labels, scale = _quadrant_scale(t)
    d = result.drivers
    rows = [
        {
            "driver": str(r["driver"]),
            "label": wrap(r["driver"], 22, 2),
            "importance": float(r["importance"]),
            "low": float(r["importance_low"]),
            "high": float(r["importance_high"]),
            "performance": metrics.finite(r["performance"]),
            "target": metrics.finite(r.get("target")),
            "n": int(r["n"]),
            "quadrant": t(f"ins.quadrant.{r['quadrant']}") if r["quadrant"] else "",
            "strong": bool(r["distinguishable"]),
            "faded": False,
            "share_text": words.pct(t, r["importance"]),
            "perf_text": words.performance_text(metric, r["performance"], t),
            "n_text": t("ins.line.n", n=t.num(r["n"], 0)),
        }
        for r in d.to_dict("records")
    ]
    for r in result.excluded.to_dict("records"):
        if r["reason"] != "below_min_n" or metrics.finite(r.get("performance")) is None:
            continue
        rows.append(
            {
                "driver": str(r["driver"]),
                "label": wrap(r["driver"], 22, 2) + "\n" + t("ins.line.n", n=int(r["n"])),
                "importance": 0.0,
                "low": 0.0,
                "high": 0.0,
                "performance": metrics.finite(r["performance"]),
                "target": metrics.finite(r.get("target")),
                "n": int(r["n"]),
                "quadrant": "",
                "strong": False,
                "faded": True,
                "share_text": "–",
                "perf_text": words.performance_text(metric, r["performance"], t),
                "n_text": t("ins.line.n", n=t.num(r["n"], 0)),
            }
        )
    data = pd.DataFrame(rows)
    data = data[data["performance"].notna()] if len(data) else data
    if len(data):
        data["alpha"] = [
            0.2 if f else 0.9 if s else FADED
            for f, s in zip(data["faded"], data["strong"], strict=True)
        ]
    x_title = t(f"ins.viz.performance_axis.{metric}")
    y_title = t("ins.viz.importance_axis", outcome=outcome)
    reverse = not result.higher_is_better  # worse performance always on the left
    x = alt.X(
        "performance:Q",
        title=x_title,
        scale=alt.Scale(zero=False, nice=True, padding=30, reverse=bool(reverse)),
    )
    top = max(float(data["high"].max()) if len(data) else 0.0, 0.05)
    top = min(1.0, max(top, float(data["importance"].max()) * 1.15 if len(data) else 0.05))
    y = alt.Y(
        "importance:Q",
        title=y_title,
        axis=alt.Axis(format=".0%"),
        scale=alt.Scale(domain=[0, top], nice=True),
    )
    tooltip = [
        alt.Tooltip("driver:N", title=t("ins.col.driver")),
        alt.Tooltip("share_text:N", title=t("ins.col.importance")),
        alt.Tooltip("perf_text:N", title=t("ins.col.performance")),
        alt.Tooltip("n_text:N", title=t("ins.col.n")),
        alt.Tooltip("quadrant:N", title=t("ins.col.quadrant")),
    ]
    chart = alt.Chart(data).encode(x=x, y=y)
    bubbles = chart.mark_circle(stroke="#111827", strokeWidth=0.6).encode(
        size=alt.Size(
            "n:Q", title=t("ins.col.n"), scale=alt.Scale(range=[60, 1400]), legend=None
        ),  # fmt: skip
        color=alt.condition(
            "datum.faded",
            alt.value(NOISE_COLOUR),
            alt.Color(
                "quadrant:N",
                scale=scale,
                title=t("ins.col.quadrant"),
                legend=alt.Legend(orient="top"),
            ),  # fmt: skip
        ),
        opacity=alt.Opacity("alpha:Q", scale=None, legend=None),
        tooltip=tooltip,
    )
    k = len(d)
    mean_share = 1.0 / k if k else 0.0
    named = data[data["faded"] | data["strong"] | (data["importance"] > mean_share)]
    names = (
        alt.Chart(named)
        .mark_text(align="left", dx=12, dy=-6, fontSize=11, lineBreak="\n")
        .encode(x=x, y=y, text="label:N")
    )
    layers: list[Any] = [bubbles, names]
    if k:
        # the mean share (important above it) and each touchpoint's gap to its reference
        layers.insert(
            0,
            alt.Chart(pd.DataFrame({"y": [mean_share]}))
            .mark_rule(strokeDash=[5, 4], color="#6B7280")
            .encode(y="y:Q"),
        )
        gaps = data[~data["faded"]].assign(
            reference=pd.to_numeric(d["reference"], errors="coerce").to_numpy()
        )
        layers.insert(
            0,
            alt.Chart(gaps)
            .mark_rule(strokeDash=[2, 3], color="#6B7280", strokeWidth=1.5)
            .encode(x="performance:Q", x2="reference:Q", y="importance:Q"),
        )
        layers.insert(
            0,
            alt.Chart(gaps)
            .mark_tick(color="#374151", thickness=2, size=14)
            .encode(
                x="reference:Q",
                y="importance:Q",
                tooltip=[alt.Tooltip("reference:Q", title=t("ins.viz.target"), format=".1f")],
            ),
        )
        left, right = (
            ("fix_first", "keep_up") if result.higher_is_better else ("keep_up", "fix_first")
        )
        bottom_left, bottom_right = (
            ("low_priority", "over_served") if result.higher_is_better
            else ("over_served", "low_priority")
        )  # fmt: skip
        corners = pd.DataFrame(
            {
                "text": [t(f"ins.quadrant.{q}") for q in (left, right, bottom_left, bottom_right)],
                "x": ["left", "right", "left", "right"],
                "y": ["top", "top", "bottom", "bottom"],
            }
        )
        for (xs, ys), part in corners.groupby(["x", "y"]):
            layers.append(
                alt.Chart(part)
                .mark_text(
                    align="left" if xs == "left" else "right",
                    baseline="top" if ys == "top" else "bottom",
                    fontSize=13,
                    fontWeight=600,
                    color="#9CA3AF",
                    dx=8 if xs == "left" else -8,
                    dy=8 if ys == "top" else -8,
                )
                .encode(
                    x=alt.value(0 if xs == "left" else MATRIX_WIDTH),
                    y=alt.value(0 if ys == "top" else MATRIX_HEIGHT),
                    text="text:N",
                )
            )
    out = alt.layer(*layers).properties(
        title=alt.TitleParams(
            t("ins.viz.matrix.title"), subtitle=t("ins.viz.matrix.subtitle", min_n=result.min_n)
        ),
        width=MATRIX_WIDTH,
        height=MATRIX_HEIGHT,
    )
    return _finish(out, t)


def importance_bars(result: DriverResult, t: Any) -> alt.LayerChart:
    """Horizontal bars of the shares of explained variance, largest first, with their 95%
    intervals; drivers not distinguishable from noise in grey (kept at their value)."""
    outcome = words.outcome_label(result.spec, t)
    d = result.drivers
    data = pd.DataFrame(
        {
            "driver": [wrap(x, 40, 1) for x in d["driver"]],
            "importance": d["importance"].astype(float),
            "low": d["importance_low"].astype(float),
            "high": d["importance_high"].astype(float),
            "strong": d["distinguishable"].astype(bool),
            "kind": [
                t("ins.viz.legend.distinguishable") if s else t("ins.viz.legend.noise")
                for s in d["distinguishable"]
            ],
            "text": [
                f"{words.pct(t, v)} ({words.pct(t, lo)}–{words.pct(t, hi)})"
                for v, lo, hi in zip(
                    d["importance"], d["importance_low"], d["importance_high"], strict=True
                )
            ],
            "n": d["n"].astype(int),
        }
    )
    order = data["driver"].tolist()
    kinds = [t("ins.viz.legend.distinguishable"), t("ins.viz.legend.noise")]
    y = alt.Y("driver:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    x_title = t("ins.viz.importance_axis", outcome=outcome)
    chart = alt.Chart(data).encode(y=y)
    bars = chart.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X(
            "importance:Q",
            title=x_title,
            axis=alt.Axis(format=".0%"),
            scale=alt.Scale(domain=[0, 1]),
        ),  # fmt: skip
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=kinds, range=[STRONG_COLOUR, NOISE_COLOUR]),
            title=None,
            legend=alt.Legend(orient="top"),
        ),
        tooltip=[
            alt.Tooltip("driver:N", title=t("ins.col.driver")),
            alt.Tooltip("text:N", title=t("ins.col.importance")),
            alt.Tooltip("n:Q", title=t("ins.col.n"), format=","),
        ],
    )
    whiskers = chart.mark_rule(color="#111827", strokeWidth=1.5).encode(x="low:Q", x2="high:Q")
    labels = chart.mark_text(align="left", dx=6, fontSize=11.5).encode(x="high:Q", text="text:N")
    out = alt.layer(bars, whiskers, labels).properties(
        title=alt.TitleParams(
            t("ins.viz.bars.title", outcome=outcome), subtitle=t("ins.viz.bars.subtitle")
        ),
        width=MATRIX_WIDTH - 160,
        height=alt.Step(26),
    )
    return _finish(out, t)


def alert_trend(
    series: pd.DataFrame,
    alert: dict[str, Any],
    result: AlertResult,
    t: Any,
    min_n: int = metrics.DEFAULT_MIN_N,
) -> alt.LayerChart:
    """One alerted touchpoint × metric per period: the line with its 95% band, the two compared
    periods as large points, faded points below min_n, the CSAT target as a dashed rule."""
    metric = alert["metric"]
    grain = result.spec.period
    data = _rows(series)
    data = data.assign(
        label=[words.metric_value(metric, v, t) for v in data["value"]],
        compared=data["role"].isin(["current", "baseline"]),
        when=[words.period_text(pd.Timestamp(p).date(), grain, t) for p in data["period"]],
    )[["period", "value", "low", "high", "n", "reliable", "label", "compared", "when"]]
    name = words.metric_text(metric, t, alert.get("next_touchpoint"))
    x_title = t("common.week") if grain == "week" else t("common.month")
    x = alt.X("period:T", title=x_title, axis=alt.Axis(format="%b %Y" if grain == "month"
                                                       else "%d %b", labelAngle=0, grid=False))  # fmt: skip
    colour = BAD_COLOUR if alert.get("direction") == "worse" else GOOD_COLOUR
    chart = alt.Chart(data).encode(x=x)
    band = chart.mark_area(opacity=0.16, color=OVERALL_COLOUR).encode(
        y=alt.Y("low:Q", title=name, scale=alt.Scale(zero=False, nice=True)), y2="high:Q"
    )
    line = chart.mark_line(color=OVERALL_COLOUR).encode(y="value:Q")
    tooltip = [
        alt.Tooltip("when:N", title=x_title),
        alt.Tooltip("label:N", title=name),
        alt.Tooltip("n:Q", title=t("common.answers"), format=","),
    ]
    points = chart.mark_point(filled=True, size=55, color=OVERALL_COLOUR).encode(
        y="value:Q",
        opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
        tooltip=tooltip,
    )
    compared = (
        alt.Chart(data[data["compared"]])
        .mark_point(filled=True, size=190, color=colour, stroke="#111827", strokeWidth=1)
        .encode(x=x, y="value:Q", tooltip=tooltip)
    )
    labels = (
        alt.Chart(data[data["compared"]])
        .mark_text(dy=-16, fontSize=12, fontWeight=600)
        .encode(x=x, y="value:Q", text="label:N")
    )
    layers: list[Any] = [band, line, points, compared, labels]
    target = metrics.finite(alert.get("target"))
    if (
        target is None
        and metric == "csat"
        and "target" in series
        and series["target"].notna().any()
    ):
        target = metrics.finite(series["target"].dropna().iloc[0])
    if target is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"y": [target]}))
            .mark_rule(strokeDash=[6, 4], color="#6B7280")
            .encode(y="y:Q")
        )
    out = alt.layer(*layers).properties(
        title=alt.TitleParams(
            t("ins.viz.trend.title", touchpoint=alert["touchpoint"], metric=name),
            subtitle=t("ins.viz.trend.subtitle", grain=t(f"ins.grain.{grain}"), min_n=min_n),
        ),
        width=WIDTH - 160,
        height=240,
    )
    return _finish(out, t)
