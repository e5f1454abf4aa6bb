"""The journey map (dashboards.journey_lanes): lanes stacked on one x scale of touchpoints.

A base (`_MapBase`: the rows in journey order with every lane's label text, the order and the
width) and one small pure function per lane, top to bottom: stage band, goal, touchpoint and
channel, owner, volume bars, emotion line, NPS/CSAT cells, pain-point flags and comment themes.
`journey_map()` only stacks them, so a new lane is one more function in LANES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts.common import (
    _num,
    _ordered_journey,
    _pct,
    _rows,
    _stage_colour_scale,
    _stage_frame,
    wrap,
)
from journeylens.charts.theme import (
    BAD_COLOUR,
    DIVERGING_SCHEME,
    GOOD_COLOUR,
    JOURNEY_WIDTH,
    LABEL_CHARS,
    PAIN_COLOUR,
    STAGE_TEXT,
    UNCERTAIN_OPACITY,
    Translate,
    _finish,
)
from journeylens.domain import metrics


@dataclass(frozen=True)
class _MapBase:
    """What every lane shares: its rows (one per touchpoint, journey order), the stages on x,
    the touchpoint order, the plot width and the translator."""

    data: pd.DataFrame
    stages: pd.DataFrame
    order: list[str]
    width: int
    t: Translate

    @property
    def band(self) -> float:
        """Width of one touchpoint's column, in px."""
        return self.width / max(len(self.order), 1)

    def x(self) -> alt.X:
        """The x channel every lane but the stage band shares."""
        scale = alt.Scale(domain=self.order, paddingInner=0.08, paddingOuter=0.04)
        return alt.X("touchpoint:O", sort=self.order, scale=scale, title=None, axis=None)

    def tooltip(self) -> list[alt.Tooltip]:
        t = self.t
        return [
            alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
            alt.Tooltip("stage:N", title=t("common.stage")),
            alt.Tooltip("n:Q", title=t("common.answers"), format=","),
        ]


def _map_base(df: pd.DataFrame, t: Translate, width: int) -> _MapBase:
    """The lane rows in journey order with each touchpoint's stage and every lane's text,
    wrapped to the width of a touchpoint's column."""
    data = _rows(df).sort_values("position", kind="stable").reset_index(drop=True)
    order = data["touchpoint"].astype(str).tolist()
    data["touchpoint"] = data["touchpoint"].astype(str)
    stages = _stage_frame(order, data, data)
    data["stage"] = stages["stage"].to_numpy()
    data["first_of_stage"] = stages["first_of_stage"].to_numpy()
    band = width / max(len(order), 1)
    chars = max(8, min(LABEL_CHARS, int(band * 0.9 / 5.9)))  # regular 11.5 px text
    bold = max(7, min(LABEL_CHARS, int(band * 0.9 / 6.8)))  # bold 12 px text
    stage_span = data.groupby("stage", sort=False)["touchpoint"].transform("size")
    reasons = [
        ", ".join(t(f"viz.pain.{r}") for r in str(rs).split(",") if r)
        for rs in data.get("pain_reasons", pd.Series([""] * len(data)))
    ]
    channel = data["channel"] if "channel" in data else pd.Series([None] * len(data))
    data = data.assign(
        goal_text=[wrap(g, chars, 4) for g in data.get("goal", [None] * len(data))],
        tp_text=[
            wrap(tp, bold, 3) + (f"\n({wrap(ch, chars, 1)})" if ch and ch == ch else "")
            for tp, ch in zip(data["touchpoint"], channel, strict=True)
        ],
        owner_text=[wrap(o, chars, 2) for o in data.get("owner", [None] * len(data))],
        stage_text=[
            wrap(s, max(bold, int(k * band * 0.9 / 7.8)), 1)
            for s, k in zip(data["stage"], stage_span, strict=True)
        ],
        theme_text=[wrap(th, chars, 3) for th in data.get("themes", [""] * len(data))],
        pain_text=[
            ("⚑\n" + wrap(r, bold, 4)) if p else ""
            for p, r in zip(data["pain_point"].fillna(False), reasons, strict=True)
        ],
        volume_text=[_num(t, v) for v in data["volume"]],
        emotion_label=[_num(t, v, 1) for v in data["emotion_mean"]],
        y_mid=0.5,
    )
    return _MapBase(data=data, stages=stages, order=order, width=width, t=t)


# --- lanes -------------------------------------------------------------------------------------


def _lane_axis(title: str) -> dict[str, Any]:
    """A lane's name, written left of it, horizontally."""
    return {
        "title": title,
        "titleAngle": 0,
        "titleAlign": "right",
        "titleBaseline": "middle",
        "titleX": -26,
    }


def _mid_y(title: str) -> alt.Y:
    """A lane without a y scale of its own: everything at mid height, the lane's name as title."""
    axis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, **_lane_axis(title))
    return alt.Y("y_mid:Q", scale=alt.Scale(domain=[0, 1]), axis=axis)


def _text_lane(b: _MapBase, field: str, title: str, height: int, **mark: Any) -> alt.Chart:
    params = {
        "lineBreak": "\n",
        "fontSize": 11.5,
        "baseline": "middle",
        "limit": max(b.band - 4, 30),
        **mark,
    }
    lane = alt.Chart(b.data).mark_text(**params).encode(x=b.x(), y=_mid_y(title), text=f"{field}:N")
    return lane.properties(width=b.width, height=height)


def _stage_lane(b: _MapBase) -> alt.LayerChart:
    """One rect per touchpoint (contiguous within a stage) and the stage's name at its start."""
    scale = alt.Scale(domain=b.order, paddingInner=0, paddingOuter=0.04)
    rects = (
        alt.Chart(b.data)
        .mark_rect(stroke="white", strokeWidth=0)
        .encode(
            x=alt.X("touchpoint:O", sort=b.order, scale=scale, title=None, axis=None),
            y=alt.Y("y0:Q", scale=alt.Scale(domain=[0, 1]), axis=None),
            y2="y1:Q",
            color=alt.Color("stage:N", scale=_stage_colour_scale(b.stages), legend=None),
            tooltip=b.tooltip(),
        )
        .transform_calculate(y0="0.08", y1="0.92")
    )
    names = (
        alt.Chart(b.data[b.data["first_of_stage"]])
        .mark_text(align="left", dx=8, fontWeight=700, fontSize=13, color=STAGE_TEXT)
        .encode(
            x=alt.X("touchpoint:O", sort=b.order, bandPosition=0, scale=scale, axis=None),
            y=_mid_y(b.t("viz.lane.stage")),
            text="stage_text:N",
        )
    )
    return alt.layer(rects, names).properties(width=b.width, height=36)


def _goal_lane(b: _MapBase) -> alt.Chart:
    title = b.t("viz.lane.goal")
    return _text_lane(b, "goal_text", title, 62, fontStyle="italic", color="#374151")


def _touchpoint_lane(b: _MapBase) -> alt.Chart:
    title = b.t("viz.lane.touchpoint")
    return _text_lane(b, "tp_text", title, 64, fontWeight=700, fontSize=12)


def _owner_lane(b: _MapBase) -> alt.Chart:
    return _text_lane(b, "owner_text", b.t("viz.lane.owner"), 34, color="#374151")


def _volume_lane(b: _MapBase) -> alt.LayerChart:
    """Bars of customers (events) or of answers, whichever the volume was counted from."""
    data = b.data
    source = (
        str(data["volume_source"].iloc[0]) if "volume_source" in data and len(data) else "events"
    )
    title = b.t("viz.lane.volume" if source == "events" else "viz.lane.volume_answers")
    vmax = float(pd.to_numeric(data["volume"], errors="coerce").max() or 0) or 1.0
    axis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, **_lane_axis(title))
    y = alt.Y("volume:Q", scale=alt.Scale(domain=[0, vmax * 1.3]), axis=axis)
    bars = (
        alt.Chart(data)
        .mark_bar(color="#7FA7CF", size=28, cornerRadiusEnd=2)
        .encode(
            x=b.x(),
            y=y,
            tooltip=[*b.tooltip(), alt.Tooltip("volume:Q", title=title, format=",")],
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(baseline="bottom", dy=-3, fontSize=11.5)
        .encode(x=b.x(), y="volume:Q", text="volume_text:N")
    )
    return alt.layer(bars, labels).properties(width=b.width, height=70)


def _emotion_lane(b: _MapBase) -> alt.LayerChart:
    """Mean emotion per touchpoint: green triangles up from zero, red down, joined by a line
    only when the touchpoints' order is the journey's."""
    t = b.t
    emo = b.data[b.data["emotion_mean"].notna()]
    axis = alt.Axis(values=[-2, 0, 2], grid=False, labelFontSize=10,
                    **_lane_axis(t("viz.lane.emotion")))  # fmt: skip
    y = alt.Y("emotion_mean:Q", scale=alt.Scale(domain=[-2, 2], nice=False), axis=axis)
    positive = "datum.emotion_mean >= 0"
    line = (
        [
            alt.Chart(emo)
            .mark_line(color="#6B7280", interpolate="monotone", strokeWidth=2)
            .encode(x=b.x(), y=y)
        ]
        if _ordered_journey(b.data)
        else []
    )
    return alt.layer(
        alt.Chart(b.data).mark_rule(color="#6B7280", strokeDash=[4, 3]).encode(y=alt.datum(0)),
        *line,
        alt.Chart(emo)
        .mark_point(filled=True, size=110, opacity=1)
        .encode(
            x=b.x(),
            y="emotion_mean:Q",
            color=alt.condition(positive, alt.value(GOOD_COLOUR), alt.value(BAD_COLOUR)),
            shape=alt.condition(positive, alt.value("triangle-up"), alt.value("triangle-down")),
            tooltip=[*b.tooltip(), alt.Tooltip("emotion_label:N", title=t("metric.emotion"))],
        ),
        alt.Chart(emo)
        .mark_text(dy=-13, fontSize=11)
        .encode(x=b.x(), y="emotion_mean:Q", text="emotion_label:N"),
    ).properties(width=b.width, height=110)


def _metric_lane(b: _MapBase) -> alt.LayerChart:
    """NPS and CSAT cells per touchpoint, coloured by their distance to the midpoint (CSAT: the
    touchpoint's target); faded below min n."""
    t = b.t
    cells = _metric_cells(b.data, t)
    axis = alt.Axis(ticks=False, domain=False, labelFontSize=11.5, title=None, labelPadding=8)
    y = alt.Y("metric:N", sort=[t("metric.nps"), t("metric.csat")], axis=axis)
    scale = alt.Scale(scheme=DIVERGING_SCHEME, domain=[-1, 1], domainMid=0)
    rects = (
        alt.Chart(cells)
        .mark_rect(stroke="white", strokeWidth=2, cornerRadius=3)
        .encode(
            x=b.x(),
            y=y,
            color=alt.Color("score:Q", scale=scale, legend=None),
            opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
            tooltip=[
                alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
                alt.Tooltip("metric:N", title=t("metric.choose")),
                alt.Tooltip("text:N", title=t("viz.value")),
            ],
        )
    )
    text = (
        alt.Chart(cells)
        .mark_text(fontSize=12, fontWeight=600)
        .encode(
            x=b.x(),
            y=y,
            text="text:N",
            color=alt.condition("datum.dark", alt.value("white"), alt.value("#111827")),
        )
    )
    return alt.layer(rects, text).properties(width=b.width, height=56)


def _pain_lane(b: _MapBase) -> alt.Chart:
    title = b.t("viz.lane.pain")
    return _text_lane(b, "pain_text", title, 74, color=PAIN_COLOUR, fontWeight=700)


def _themes_lane(b: _MapBase) -> alt.Chart:
    return _text_lane(b, "theme_text", b.t("viz.lane.themes"), 52, color="#374151")


LANES: tuple[Callable[[_MapBase], Any], ...] = (
    _stage_lane,
    _goal_lane,
    _touchpoint_lane,
    _owner_lane,
    _volume_lane,
    _emotion_lane,
    _metric_lane,
    _pain_lane,
    _themes_lane,
)


def journey_map(
    df: pd.DataFrame,
    t: Translate,
    width: int = JOURNEY_WIDTH,
    threshold: float = -0.5,
    volume_drop: float = 0.25,
) -> alt.VConcatChart:
    """The journey map: LANES stacked top to bottom, sharing one x scale of touchpoints in
    journey order; the subtitle says when a touchpoint counts as a pain point."""
    base = _map_base(df, t, width)
    threshold_text = _num(t, threshold, 1)
    drop_text = _pct(t, 100 * volume_drop)
    chart = alt.vconcat(*(lane(base) for lane in LANES), spacing=4).properties(
        title=alt.TitleParams(
            t("viz.journey.title"),
            subtitle=t("viz.journey.subtitle", threshold=threshold_text, drop=drop_text),
        )
    )
    chart = chart.resolve_scale(color="independent", x="shared")
    return _finish(chart, t)


def _metric_cells(data: pd.DataFrame, t: Translate) -> pd.DataFrame:
    """Long frame of NPS / CSAT cells with a score normalised to -1..+1 around the midpoint."""
    rows = []
    for metric in ("nps", "csat"):
        lo, mid, hi = metrics.METRIC_DOMAINS[metric]
        for r in data.itertuples(index=False):
            cols = metrics.METRIC_COLUMNS[metric]
            value = metrics.finite(getattr(r, cols["value"]))
            target = metrics.finite(getattr(r, "target_csat", None)) if metric == "csat" else None
            centre = target if target is not None else mid
            if value is None:
                score = None
            elif value >= centre:
                score = (value - centre) / max(hi - centre, 1e-9)
            else:
                score = (value - centre) / max(centre - lo, 1e-9)
            reliable = bool(getattr(r, cols["reliable"], True))
            rows.append(
                {
                    "touchpoint": r.touchpoint,
                    "metric": t(f"metric.{metric}"),
                    "score": score,
                    "text": _num(t, value) if value is not None else "–",
                    "reliable": reliable,
                    "dark": score is not None and abs(score) > 0.55 and reliable,
                }
            )
    return pd.DataFrame(rows, columns=["touchpoint", "metric", "score", "text", "reliable", "dark"])
