"""The journey map (dashboards.journey_lanes): lanes stacked on one x scale of touchpoints.

A base (`_MapBase`: the rows in journey order with every lane's label text, the order and the
width) and one small pure function per lane: stage band, goal, touchpoint and channel, owner,
customers, emotion, NPS / CSAT / CES cells, pain points, comment themes and the free-text lanes
(thoughts, opportunities, ideas) kept with the journey. `journey_map()` stacks the lanes the user
chose, in their order, so a new lane is one more entry in LANES.

The map is drawn to be presented: every label is wrapped in full (never cut with an ellipsis),
each lane is as tall as its longest label, and a touchpoint's column never gets narrower than
MIN_COLUMN px; past that the map is wider than the page and scrolls.

The module is long because each of the fourteen lanes is a function here, side by side, so that
they share one base and stay alike; the score cells live in journey_cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts import journey_cells
from journeylens.charts.common import (
    _num,
    _ordered_journey,
    _pct,
    _rows,
    _stage_colour_scale,
    _stage_frame,
    wrap_full,
)
from journeylens.charts.theme import (
    BAD_COLOUR,
    COMPARE_COLOURS,
    DIVERGING_SCHEME,
    GOOD_COLOUR,
    PAIN_COLOUR,
    STAGE_TEXT,
    UNCERTAIN_OPACITY,
    Translate,
    _finish,
)

# The map's text sizes (px) and line height.
TEXT_PX = 11.5
BOLD_PX = 12.0
STAGE_PX = 13.0
LINE_PX = 14.5
MIN_COLUMN = 104  # px per touchpoint: below this the labels stop being readable
FIT_WIDTH = 820  # the plot width that, with the lane names, fills the page at 1440 px

# The lanes a user can show, in their default order (the stage band is always on top).
TEXT_LANES = ("thoughts", "opportunities", "ideas")
LANE_NAMES = (
    "goal", "touchpoint", "owner", "customers", "emotion", "nps", "csat", "ces", "pain",
    "themes", *TEXT_LANES,
)  # fmt: skip
DEFAULT_LANES = ("goal", "touchpoint", "owner", "customers", "emotion", "nps", "csat", "pain",
                 "themes")  # fmt: skip


def map_width(n_touchpoints: int) -> int:
    """The plot width: the page's width, or MIN_COLUMN per touchpoint when that is wider."""
    return max(FIT_WIDTH, MIN_COLUMN * max(n_touchpoints, 1))


@dataclass(frozen=True)
class _MapBase:
    """What every lane shares: its rows (one per touchpoint, journey order), the stages on x,
    the touchpoint order, the plot width, the translator and, when two personas are compared,
    the second persona's rows and both names."""

    data: pd.DataFrame
    stages: pd.DataFrame
    order: list[str]
    width: int
    t: Translate
    other: pd.DataFrame | None = None
    names: tuple[str, str] = ("", "")

    @property
    def band(self) -> float:
        """Width of one touchpoint's column, in px."""
        return self.width / max(len(self.order), 1)

    def line_px(self, columns: int = 1) -> float:
        """The width a label may take in `columns` touchpoint columns (the gaps left free)."""
        return max(columns * self.band - self.band * 0.08 - 4, 24.0)

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


def _column(data: pd.DataFrame, name: str) -> list[Any]:
    return list(data[name]) if name in data else [None] * len(data)


def _map_base(
    df: pd.DataFrame,
    t: Translate,
    width: int | None,
    other: pd.DataFrame | None = None,
    names: tuple[str, str] = ("", ""),
) -> _MapBase:
    """The lane rows in journey order with each touchpoint's stage and every lane's text,
    wrapped in full to the width of a touchpoint's column (a stage's name to its stage's)."""
    data = _rows(df).sort_values("position", kind="stable").reset_index(drop=True)
    order = data["touchpoint"].astype(str).tolist()
    data["touchpoint"] = data["touchpoint"].astype(str)
    stages = _stage_frame(order, data, data)
    data["stage"] = stages["stage"].to_numpy()
    data["first_of_stage"] = stages["first_of_stage"].to_numpy()
    base = _MapBase(data, stages, order, width or map_width(len(order)), t)
    line = base.line_px()

    def text(value: Any) -> str:
        return wrap_full(value, line, TEXT_PX)

    def bold(value: Any) -> str:
        return wrap_full(value, line, BOLD_PX, bold=True)

    stage_span = data.groupby("stage", sort=False)["touchpoint"].transform("size")
    reasons = [
        ", ".join(t(f"viz.pain.{r}") for r in str(rs).split(",") if r)
        for rs in _column(data, "pain_reasons")
    ]
    texts = {f"{lane}_text": [text(v) for v in _column(data, lane)] for lane in TEXT_LANES}
    data = data.assign(
        goal_text=[text(g) for g in _column(data, "goal")],
        tp_text=[
            bold(tp) + (f"\n{bold(f'({ch})')}" if ch and ch == ch else "")
            for tp, ch in zip(data["touchpoint"], _column(data, "channel"), strict=True)
        ],
        owner_text=[text(o) for o in _column(data, "owner")],
        stage_text=[
            wrap_full(s, base.line_px(int(k)) - 8, STAGE_PX, bold=True)
            for s, k in zip(data["stage"], stage_span, strict=True)
        ],
        theme_text=[text(th) for th in _column(data, "themes")],
        pain_text=[
            ("⚑\n" + bold(r)) if p else ""
            for p, r in zip(data["pain_point"].fillna(False), reasons, strict=True)
        ],
        volume_text=[_num(t, v) for v in data["volume"]],
        emotion_label=[_num(t, v, 1) for v in data["emotion_mean"]],
        y_mid=0.5,
        **texts,
    )
    if other is not None:
        other = _rows(other).assign(touchpoint=lambda d: d["touchpoint"].astype(str))
    return _MapBase(data, stages, order, base.width, t, other, names)


# --- lanes -------------------------------------------------------------------------------------


def _lane_axis(title: str) -> dict[str, Any]:
    """A lane's name, written left of it, horizontally."""
    return {
        "title": title,
        "titleAngle": 0,
        "titleAlign": "right",
        "titleBaseline": "middle",
        "titleX": -26,
        "titleLimit": 0,
    }


def _mid_y(title: str) -> alt.Y:
    """A lane without a y scale of its own: everything at mid height, the lane's name as title."""
    axis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, **_lane_axis(title))
    return alt.Y("y_mid:Q", scale=alt.Scale(domain=[0, 1]), axis=axis)


def lines(texts: Any) -> int:
    """The most lines any of the texts wraps to."""
    return max((str(x).count("\n") + 1 for x in texts if x), default=1)


def _text_lane(b: _MapBase, field: str, title: str, **mark: Any) -> alt.Chart:
    """A lane of wrapped text, as tall as its longest label: no `limit`, so nothing is cut."""
    params = {"lineBreak": "\n", "fontSize": 11.5, "baseline": "middle", **mark}
    height = int(lines(b.data[field]) * LINE_PX + 12)
    lane = alt.Chart(b.data).mark_text(**params).encode(x=b.x(), y=_mid_y(title), text=f"{field}:N")
    return lane.properties(width=b.width, height=height)


def _stage_lane(b: _MapBase) -> alt.LayerChart:
    """One rect per touchpoint (contiguous within a stage) and the stage's full name at its
    start, wrapped to the stage's width."""
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
        .transform_calculate(y0="0.04", y1="0.96")
    )
    names = (
        alt.Chart(b.data[b.data["first_of_stage"]])
        .mark_text(
            align="left",
            dx=8,
            fontWeight=700,
            fontSize=13,
            color=STAGE_TEXT,
            lineBreak="\n",
            baseline="middle",
        )  # fmt: skip
        .encode(
            x=alt.X("touchpoint:O", sort=b.order, bandPosition=0, scale=scale, axis=None),
            y=_mid_y(b.t("viz.lane.stage")),
            text="stage_text:N",
        )
    )
    height = int(lines(b.data["stage_text"]) * 16 + 18)
    return alt.layer(rects, names).properties(width=b.width, height=height)


def _goal_lane(b: _MapBase) -> alt.Chart:
    title = b.t("viz.lane.goal")
    return _text_lane(b, "goal_text", title, fontStyle="italic", color="#374151")


def _touchpoint_lane(b: _MapBase) -> alt.Chart:
    title = b.t("viz.lane.touchpoint")
    return _text_lane(b, "tp_text", title, fontWeight=700, fontSize=12)


def _owner_lane(b: _MapBase) -> alt.Chart:
    return _text_lane(b, "owner_text", b.t("viz.lane.owner"), color="#374151")


def _free_text_lane(lane: str) -> Callable[[_MapBase], alt.Chart]:
    def draw(b: _MapBase) -> alt.Chart:
        return _text_lane(b, f"{lane}_text", b.t(f"viz.lane.{lane}"), color="#1F2A37")

    return draw


def _pain_lane(b: _MapBase) -> alt.Chart:
    title = b.t("viz.lane.pain")
    return _text_lane(b, "pain_text", title, color=PAIN_COLOUR, fontWeight=700)


def _themes_lane(b: _MapBase) -> alt.Chart:
    return _text_lane(b, "theme_text", b.t("viz.lane.themes"), color="#374151")


def _persona_rows(b: _MapBase, columns: list[str]) -> pd.DataFrame:
    """Both personas' rows of `columns` (long, with a `who` column), in journey order; the first
    persona only when nothing is compared."""
    first = b.data[["touchpoint", *columns]].assign(who=b.names[0])
    if b.other is None:
        return first
    keep = b.other[b.other["touchpoint"].isin(b.order)]
    second = keep.reindex(columns=["touchpoint", *columns]).assign(who=b.names[1])
    return pd.concat([first, second], ignore_index=True)


def _who_colour(b: _MapBase, legend: bool = True) -> alt.Color:
    """The two compared personas' colours; the legend is drawn once, above the customers lane."""
    names = list(b.names)
    scale = alt.Scale(domain=names, range=[COMPARE_COLOURS[0], COMPARE_COLOURS[1]])
    shown = alt.Legend(title=None, orient="top") if legend else None
    return alt.Color("who:N", scale=scale, legend=shown)


def _volume_lane(b: _MapBase) -> alt.LayerChart:
    """Bars of customers (events) or of answers, whichever the volume was counted from; side by
    side per touchpoint when two personas are compared."""
    data = _persona_rows(b, ["volume", "volume_source", "stage", "n"])
    data["volume_text"] = [_num(b.t, v) for v in data["volume"]]
    source = (
        str(data["volume_source"].iloc[0]) if "volume_source" in data and len(data) else "events"
    )
    title = b.t("viz.lane.volume" if source == "events" else "viz.lane.volume_answers")
    vmax = float(pd.to_numeric(data["volume"], errors="coerce").max() or 0) or 1.0
    axis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, **_lane_axis(title))
    y = alt.Y("volume:Q", scale=alt.Scale(domain=[0, vmax * 1.3]), axis=axis)
    paired = b.other is not None
    offset = {"xOffset": alt.XOffset("who:N", sort=list(b.names))} if paired else {}
    colour = {"color": _who_colour(b)} if paired else {}
    bars = (
        alt.Chart(data)
        .mark_bar(color="#7FA7CF", size=min(28, b.band * (0.36 if paired else 0.6)))
        .encode(
            x=b.x(),
            y=y,
            tooltip=[*b.tooltip(), alt.Tooltip("volume:Q", title=title, format=",")],
            **offset,
            **colour,
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(baseline="bottom", dy=-3, fontSize=10.5 if paired else 11.5)
        .encode(x=b.x(), y="volume:Q", text="volume_text:N", **offset)
    )
    return alt.layer(bars, labels).properties(width=b.width, height=76)


def _emotion_lane(b: _MapBase) -> alt.LayerChart:
    """Mean emotion per touchpoint: green triangles up from zero, red down, joined by a line
    only when the touchpoints' order is the journey's; one line per persona when compared."""
    t = b.t
    rows = _persona_rows(b, ["emotion_mean", "stage", "n"])
    rows["emotion_label"] = [_num(t, v, 1) for v in rows["emotion_mean"]]
    emo = rows[rows["emotion_mean"].notna()]
    axis = alt.Axis(values=[-2, 0, 2], grid=False, labelFontSize=10,
                    **_lane_axis(t("viz.lane.emotion")))  # fmt: skip
    y = alt.Y("emotion_mean:Q", scale=alt.Scale(domain=[-2, 2], nice=False), axis=axis)
    positive = "datum.emotion_mean >= 0"
    paired = b.other is not None
    line_colour = {"color": _who_colour(b, legend=False)} if paired else {}
    line = (
        [
            alt.Chart(emo)
            .mark_line(color="#6B7280", interpolate="monotone", strokeWidth=2)
            .encode(x=b.x(), y=y, detail="who:N", **line_colour)
        ]
        if _ordered_journey(b.data)
        else []
    )
    return alt.layer(
        alt.Chart(b.data).mark_rule(color="#6B7280", strokeDash=[4, 3]).encode(y=alt.datum(0)),
        *line,
        alt.Chart(emo)
        .mark_point(filled=True, size=110 if not paired else 70, opacity=1)
        .encode(
            x=b.x(),
            y="emotion_mean:Q",
            color=_who_colour(b, legend=False)
            if paired
            else alt.condition(positive, alt.value(GOOD_COLOUR), alt.value(BAD_COLOUR)),
            shape=alt.condition(positive, alt.value("triangle-up"), alt.value("triangle-down")),
            tooltip=[
                *b.tooltip(),
                *([alt.Tooltip("who:N", title=t("journeypage.persona"))] if paired else []),
                alt.Tooltip("emotion_label:N", title=t("metric.emotion")),
            ],
        ),
        *(
            []
            if paired  # two labels per touchpoint overlap: the values are in the tooltips
            else [
                alt.Chart(emo)
                .mark_text(dy=-13, fontSize=11)
                .encode(x=b.x(), y="emotion_mean:Q", text="emotion_label:N")
            ]
        ),
    ).properties(width=b.width, height=110)


def _metric_lane(b: _MapBase, metric: str) -> alt.LayerChart:
    """One metric's cells per touchpoint, coloured by their distance to the midpoint (CSAT: the
    touchpoint's target); faded below min n. Compared, a row per persona and a row of their
    difference, framed and starred where it is more than chance."""
    t = b.t
    label = t(f"metric.{metric}")
    if b.other is None:
        rows = [label]
        cells = journey_cells.metric_cells(b.data, t, metric, label)
        axis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, **_lane_axis(label))
    else:
        rows = [f"{label} · {b.names[0]}", f"{label} · {b.names[1]}", f"Δ {label}"]
        second = b.other[b.other["touchpoint"].isin(b.order)].copy()
        if "target_csat" in b.data:
            second["target_csat"] = second["touchpoint"].map(
                b.data.set_index("touchpoint")["target_csat"]
            )
        cells = pd.concat(
            [
                journey_cells.metric_cells(b.data, t, metric, rows[0]),
                journey_cells.metric_cells(second, t, metric, rows[1]),
                journey_cells.difference_cells(b.data, b.other, b.order, t, metric, rows[2]),
            ],
            ignore_index=True,
        )
        axis = alt.Axis(ticks=False, domain=False, labelFontSize=11.5, labelPadding=8,
                        labelLimit=0, title=None)  # fmt: skip
    y = alt.Y("row:N", sort=rows, axis=axis)
    scale = alt.Scale(scheme=DIVERGING_SCHEME, domain=[-1, 1], domainMid=0)
    rects = (
        alt.Chart(cells)
        .mark_rect(strokeWidth=2, cornerRadius=3)
        .encode(
            x=b.x(),
            y=y,
            color=alt.Color("score:Q", scale=scale, legend=None),
            stroke=alt.condition("datum.significant", alt.value("#111827"), alt.value("white")),
            opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
            tooltip=[
                alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
                alt.Tooltip("row:N", title=t("metric.choose")),
                alt.Tooltip("text:N", title=t("viz.value")),
            ],
        )
    )
    text = (
        alt.Chart(cells)
        .mark_text(fontSize=12)
        .encode(
            x=b.x(),
            y=y,
            text="text:N",
            color=alt.condition("datum.dark", alt.value("white"), alt.value("#111827")),
        )
    )
    return alt.layer(rects, text).properties(width=b.width, height=28 * len(rows))


LANES: dict[str, Callable[[_MapBase], Any]] = {
    "goal": _goal_lane,
    "touchpoint": _touchpoint_lane,
    "owner": _owner_lane,
    "customers": _volume_lane,
    "emotion": _emotion_lane,
    "nps": lambda b: _metric_lane(b, "nps"),
    "csat": lambda b: _metric_lane(b, "csat"),
    "ces": lambda b: _metric_lane(b, "ces"),
    "pain": _pain_lane,
    "themes": _themes_lane,
    **{lane: _free_text_lane(lane) for lane in TEXT_LANES},
}


def journey_map(
    df: pd.DataFrame,
    t: Translate,
    width: int | None = None,
    threshold: float = -0.5,
    volume_drop: float = 0.25,
    lanes: tuple[str, ...] | list[str] = DEFAULT_LANES,
    other: pd.DataFrame | None = None,
    names: tuple[str, str] = ("", ""),
) -> alt.VConcatChart:
    """The journey map: the stage band, then `lanes` in the given order, sharing one x scale of
    touchpoints in journey order; the subtitle says when a touchpoint counts as a pain point.

    With `other` (a second persona's lanes) the customers, emotion and score lanes show both
    personas, named by `names`, and mark the score differences that are more than chance."""
    base = _map_base(df, t, width, other, names)
    threshold_text = _num(t, threshold, 1)
    drop_text = _pct(t, 100 * volume_drop)
    chosen = [LANES[name](base) for name in dict.fromkeys(lanes) if name in LANES]
    subtitle = [t("viz.journey.subtitle", threshold=threshold_text, drop=drop_text)]
    if other is not None:
        subtitle.append(t("viz.journey.compare_note", a=names[0], b=names[1]))
    chart = alt.vconcat(_stage_lane(base), *chosen, spacing=6).properties(
        title=alt.TitleParams(t("viz.journey.title"), subtitle=subtitle)
    )
    chart = chart.resolve_scale(color="independent", x="shared")
    return _finish(chart, t)
