"""Altair builders for paths, attribution and comment themes: aggregates in, charts out.

Same rules as the other views of journeylens.charts (same theme and number locale): pure
functions, explicit field types, at most a few thousand rows. Altair has no Sankey mark, so the
flow is drawn from the computed layout of journeylens/domain/flows.py: `mark_rect` nodes and
`mark_area` bands (a few points per link along a smooth curve).
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts.common import _num, wrap
from journeylens.charts.theme import BAD_COLOUR, GOOD_COLOUR, OKABE_ITO, Translate, _finish
from journeylens.domain.attribution_models import MODELS
from journeylens.domain.flows import LEFT, OTHER, Dfg, Flow, layout

NODE_COLOUR = "#0B4F8A"
OTHER_COLOUR = "#9CA3AF"
LEFT_COLOUR = "#E8A27C"
BAND_COLOUR = "#7FA7CF"
MODEL_COLOURS = dict(zip(MODELS, OKABE_ITO, strict=False))


def _label(t: Translate, tp: str) -> str:
    if tp == OTHER:
        return t("paths.other")
    if tp == LEFT:
        return t("paths.left")
    return tp


# --- flow (Sankey) -------------------------------------------------------------------------------


def sankey(
    flow: Flow,
    t: Translate,
    width: int = 880,
    height: int = 420,
    title: str | None = None,
    subtitle: str | None = None,
    scale_total: int | None = None,
    finish: bool = True,
) -> Any:
    """The flow as a Sankey: one column per step, node height = customers."""
    rects, bands = layout(flow, width=width - 190, height=height, scale_total=scale_total)
    kind = {OTHER: "other", LEFT: "left"}
    rects = rects.assign(
        kind=[kind.get(tp, "touchpoint") for tp in rects["touchpoint"]],
        label=[
            f"{wrap(_label(t, tp), 24, 1)} · {_num(t, n)}"
            for tp, n in zip(rects["touchpoint"], rects["customers"], strict=True)
        ],
        name=[_label(t, tp) for tp in rects["touchpoint"]],
        ymid=(rects["y0"] + rects["y1"]) / 2,
    )
    bands = bands.assign(
        kind=["left" if b == LEFT else "flow" for b in bands["to"]],
        source=[_label(t, a) for a in bands["from"]],
        target=[_label(t, b) for b in bands["to"]],
    )
    x = alt.Scale(domain=[0, width - 150], nice=False)
    y = alt.Scale(domain=[height + 10, -10], nice=False)
    colours = alt.Scale(
        domain=["touchpoint", "other", "left", "flow"],
        range=[NODE_COLOUR, OTHER_COLOUR, LEFT_COLOUR, BAND_COLOUR],
    )
    band_layer = (
        alt.Chart(bands)
        .mark_area(opacity=0.45, interpolate="linear")
        .encode(
            x=alt.X("x:Q", scale=x, axis=None),
            y=alt.Y("y0:Q", scale=y, axis=None),
            y2="y1:Q",
            detail="link:N",
            color=alt.Color("kind:N", scale=colours, legend=None),
            tooltip=[
                alt.Tooltip("source:N", title=t("paths.col.from")),
                alt.Tooltip("target:N", title=t("paths.col.to")),
                alt.Tooltip("customers:Q", title=t("common.customers"), format=","),
            ],
        )
    )
    node_layer = (
        alt.Chart(rects)
        .mark_rect()
        .encode(
            x=alt.X("x0:Q", scale=x, axis=None),
            x2="x1:Q",
            y=alt.Y("y0:Q", scale=y, axis=None),
            y2="y1:Q",
            color=alt.Color("kind:N", scale=colours, legend=None),
            tooltip=[
                alt.Tooltip("step:Q", title=t("paths.col.step")),
                alt.Tooltip("name:N", title=t("common.touchpoint")),
                alt.Tooltip("customers:Q", title=t("common.customers"), format=","),
            ],
        )
    )
    text_layer = (
        alt.Chart(rects)
        .mark_text(align="left", dx=4, fontSize=11, baseline="middle", color="#111827")
        .encode(
            x=alt.X("x1:Q", scale=x, axis=None),
            y=alt.Y("ymid:Q", scale=y, axis=None),
            text="label:N",
        )
    )
    chart = alt.layer(band_layer, node_layer, text_layer).properties(
        width=width,
        height=height + 20,
        title=alt.TitleParams(title or t("paths.flow.title"), subtitle=subtitle or ""),
    )
    return _finish(chart, t) if finish else chart


def sankey_pair(flow: Flow, t: Translate, width: int = 560, height: int = 360) -> Any:
    """Converters next to non-converters, on one scale (node heights comparable)."""
    conv, rest = flow.groups["converted"], flow.groups["not_converted"]
    total = max(
        int(conv.nodes.groupby("step")["customers"].sum().max() or 0) if len(conv.nodes) else 0,
        int(rest.nodes.groupby("step")["customers"].sum().max() or 0) if len(rest.nodes) else 0,
        1,
    )
    parts = [
        sankey(
            f,
            t,
            width=width,
            height=height,
            title=t(key, n=_num(t, f.present(1))),
            scale_total=total,
            finish=False,
        )
        for f, key in ((conv, "paths.flow.converters"), (rest, "paths.flow.non_converters"))
    ]
    return _finish(alt.hconcat(*parts, spacing=30), t)


# --- directly-follows graph ----------------------------------------------------------------------


def dfg_matrix(dfg: Dfg, t: Translate, max_touchpoints: int = 25) -> Any:
    """From x to: how often the column's touchpoint directly follows the row's (with the
    starts as a first row and the ends as a last column)."""
    start, end = t("paths.dfg.start"), t("paths.dfg.end")
    activity: dict[str, int] = {}
    for r in dfg.edges.itertuples(index=False):
        activity[r.source] = activity.get(r.source, 0) + int(r.count)
        activity[r.target] = activity.get(r.target, 0) + int(r.count)
    for tp, n in {**dfg.start, **dfg.end}.items():
        activity[tp] = activity.get(tp, 0) + int(n)
    order = sorted(activity, key=lambda k: (-activity[k], k))[:max_touchpoints]
    keep = set(order)
    rows = [
        {"source": r.source, "target": r.target, "count": int(r.count),
         "median": r.median_seconds, "kind": "edge"}
        for r in dfg.edges.itertuples(index=False)
        if r.source in keep and r.target in keep
    ]  # fmt: skip
    rows += [
        {"source": start, "target": tp, "count": n, "median": None, "kind": "start"}
        for tp, n in dfg.start.items()
        if tp in keep
    ]
    rows += [
        {"source": tp, "target": end, "count": n, "median": None, "kind": "end"}
        for tp, n in dfg.end.items()
        if tp in keep
    ]
    data = pd.DataFrame(rows, columns=["source", "target", "count", "median", "kind"])
    data["median_text"] = [_duration(t, v) for v in data["median"]]
    data["count_text"] = [_num(t, v) for v in data["count"]]
    y_order = [start, *order]
    x_order = [*order, end]
    size = max(len(order), 1)
    cell = max(18, min(42, int(760 / (size + 1))))
    base = alt.Chart(data).encode(
        x=alt.X(
            "target:N",
            sort=x_order,
            title=t("paths.dfg.to"),
            axis=alt.Axis(labelAngle=-40, labelLimit=160, orient="top"),
        ),
        y=alt.Y("source:N", sort=y_order, title=t("paths.dfg.from"), axis=alt.Axis(labelLimit=200)),
    )
    rects = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "count:Q",
            scale=alt.Scale(scheme="blues", type="sqrt"),
            title=t("paths.dfg.count"),
        ),
        tooltip=[
            alt.Tooltip("source:N", title=t("paths.dfg.from")),
            alt.Tooltip("target:N", title=t("paths.dfg.to")),
            alt.Tooltip("count:Q", title=t("paths.dfg.count"), format=","),
            alt.Tooltip("median_text:N", title=t("paths.dfg.median")),
        ],
    )
    text = base.mark_text(fontSize=9.5).encode(
        text="count_text:N",
        color=alt.condition(
            alt.datum.count > float(data["count"].max() or 0) * 0.45,
            alt.value("white"),
            alt.value("#111827"),
        ),
    )
    chart = alt.layer(rects, text).properties(
        width=cell * (size + 1),
        height=cell * (size + 1),
        title=alt.TitleParams(t("paths.dfg.title"), subtitle=t("paths.dfg.subtitle")),
    )
    return _finish(chart, t)


def _duration(t: Translate, seconds: Any) -> str:
    if seconds is None or seconds != seconds:
        return "–"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return t(f"duration.{unit}", v=_num(t, seconds / size, 1))
    return t("duration.s", v=_num(t, seconds, 0))


# --- attribution -------------------------------------------------------------------------------


def attribution_models(table: pd.DataFrame, t: Translate, unit: str = "conversions") -> Any:
    """Grouped bars: each touchpoint's credit under every model (conversions or value)."""
    suffix = "_value" if unit == "value" else ""
    order = table.sort_values("markov" + suffix, ascending=False)["touchpoint"].tolist()
    rows = [
        {"touchpoint": r["touchpoint"], "model": t(f"attribution.model.{m}"), "key": m,
         "credit": float(r[m + suffix]), "text": _num(t, r[m + suffix], 1)}
        for r in table.to_dict("records")
        for m in MODELS
    ]  # fmt: skip
    data = pd.DataFrame(rows, columns=["touchpoint", "model", "key", "credit", "text"])
    names = [t(f"attribution.model.{m}") for m in MODELS]
    colour = alt.Color(
        "model:N",
        sort=names,
        scale=alt.Scale(domain=names, range=[MODEL_COLOURS[m] for m in MODELS]),
        title=t("attribution.model"),
    )
    title = t("attribution.chart.value" if unit == "value" else "attribution.chart.conversions")
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(
                "touchpoint:N",
                sort=order,
                title=t("common.touchpoint"),
                axis=alt.Axis(labelLimit=260),
            ),  # fmt: skip
            yOffset=alt.YOffset("model:N", sort=names),
            x=alt.X("credit:Q", title=title, axis=alt.Axis(format=",.0f")),
            color=colour,
            tooltip=[
                alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
                alt.Tooltip("model:N", title=t("attribution.model")),
                alt.Tooltip("text:N", title=title),
            ],
        )
        .properties(
            width=640,
            height=alt.Step(7),
            title=alt.TitleParams(title, subtitle=t("attribution.chart.subtitle")),
        )
    )
    return _finish(chart, t)


# --- comment themes ------------------------------------------------------------------------------


def themes_bars(low: pd.DataFrame, high: pd.DataFrame, t: Translate, names: tuple[str, str]) -> Any:
    """Two bar charts of z-scores: the unhappy group's distinctive terms and the happy group's."""
    parts = []
    for frame, name, colour in ((low, names[0], BAD_COLOUR), (high, names[1], GOOD_COLOUR)):
        data = pd.DataFrame(
            {
                "term": [str(x) for x in frame.get("shown", [])],
                "z": [abs(float(z)) for z in frame.get("z", [])],
                "count": [int(c) for c in frame.get("count", [])],
            }
        )
        data["z_text"] = [_num(t, z, 1) for z in data["z"]]
        bars = (
            alt.Chart(data)
            .mark_bar(color=colour)
            .encode(
                y=alt.Y(
                    "term:N", sort=data["term"].tolist(), title=None, axis=alt.Axis(labelLimit=200)
                ),  # fmt: skip
                x=alt.X("z:Q", title=t("themes.z"), scale=alt.Scale(domainMin=0)),
                tooltip=[
                    alt.Tooltip("term:N", title=t("themes.term")),
                    alt.Tooltip("z_text:N", title=t("themes.z")),
                    alt.Tooltip("count:Q", title=t("themes.count"), format=","),
                ],
            )
        )
        labels = bars.mark_text(align="left", dx=3, fontSize=11).encode(text="count:Q")
        parts.append(
            alt.layer(bars, labels).properties(
                width=330, height=alt.Step(20), title=alt.TitleParams(name)
            )
        )
    chart = alt.hconcat(*parts, spacing=40).properties(
        title=alt.TitleParams(t("themes.chart.title"), subtitle=t("themes.chart.subtitle"))
    )
    return _finish(chart, t)
