"""The emotion curve (dashboards.emotion_curve) and two personas' curves compared."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts.common import (
    _num,
    _order,
    _ordered_journey,
    _persona_scale,
    _rows,
    _stage_frame,
)
from journeylens.charts.theme import (
    LABEL_CHARS,
    OVERALL_COLOUR,
    PAIN_COLOUR,
    STAGE_COLOURS,
    STAGE_TEXT,
    WIDTH,
    Translate,
    _finish,
)


def _source_subtitle(df: pd.DataFrame, t: Translate) -> str:
    counts = {
        s: float(df[f"src_{s}"].sum()) if f"src_{s}" in df else 0.0
        for s in ("emotion", "csat", "nps")
    }
    if not any(counts.values()) and "emotion_source" in df:
        for s in df["emotion_source"].dropna():
            counts[s] = counts.get(s, 0) + 1
    used = [s for s, c in counts.items() if c > 0]
    if len(used) == 1:
        return t(f"viz.emotion.source_{used[0]}")
    if not used:
        return t("viz.emotion.source_emotion")
    return t("viz.emotion.source_mixed")


def emotion_curve(
    df: pd.DataFrame,
    t: Translate,
    stages_df: pd.DataFrame | None = None,
    personas: Sequence[str] | None = None,
    threshold: float | None = None,
    title: str | None = None,
    series_title: str | None = None,
) -> alt.LayerChart:
    """Mean emotion per touchpoint (dashboards.emotion_curve): a monotone line per persona (or
    per value of a file's column, named series_title; or one overall line), its 95% band, a zero
    rule, stage rectangles behind, pain points in red.

    stages_df (touchpoint, stage[, position]) fixes the x order and the stage bands, e.g. the
    frame from dashboards.touchpoint_metrics(); personas is the full persona list so colours stay
    fixed across charts.
    """
    data = _rows(df)
    if "persona" not in data:
        data["persona"] = None
    overall = data["persona"].isna().all()
    data["series"] = t("viz.overall") if overall else data["persona"].astype(str)
    order = _order(stages_df) if stages_df is not None and not stages_df.empty else _order(data)
    order += [tp for tp in _order(data) if tp not in order]
    if "pain_point" not in data:
        data["pain_point"] = data["emotion_mean"] < threshold if threshold is not None else False
    data = data.assign(
        label=[_num(t, v, 1) for v in data["emotion_mean"]],
        pain_point=data["pain_point"].fillna(False).astype(bool),
    )
    keep = ["touchpoint", "series", "emotion_mean", "emotion_low", "emotion_high", "n", "label",
            "pain_point"]  # fmt: skip
    if "n" not in data:
        data["n"] = data.get("n_emotion", 0)
    data = data[keep]
    series = list(dict.fromkeys(data["series"]))
    colour_scale = (
        alt.Scale(domain=series, range=[OVERALL_COLOUR])
        if overall
        else _persona_scale(series, personas)
    )
    title_tp = t("common.touchpoint")
    emo_title = t("metric.emotion")
    band = WIDTH / max(len(order), 1)
    x = alt.X(
        "touchpoint:O",
        sort=order,
        scale=alt.Scale(domain=order, paddingInner=0, paddingOuter=0),
        title=title_tp,
        axis=alt.Axis(
            labelAngle=0,
            labelLimit=max(band - 4, 40),
            labelFontSize=11,
            labelExpr=_wrap_expr(max(6, min(LABEL_CHARS, int(band / 6.4)))),
        ),
    )
    y_scale = alt.Scale(domain=[-2.2, 2.2], nice=False)
    stage_frame = _stage_frame(order, stages_df, data)
    stage_frame["y_top"] = 2.2
    stage_frame["y_bottom"] = -2.2
    stage_frame["fill"] = [
        STAGE_COLOURS[i % len(STAGE_COLOURS)] for i in stage_frame["stage_index"]
    ]
    stage_rects = (
        alt.Chart(stage_frame)
        .mark_rect(opacity=0.75)
        .encode(
            x=x,
            y=alt.Y(
                "y_bottom:Q",
                scale=y_scale,
                title=emo_title,
                axis=alt.Axis(values=[-2, -1, 0, 1, 2], format="+,.0f"),
            ),
            y2="y_top:Q",
            fill=alt.Fill("fill:N", scale=None, legend=None),
        )
    )
    stage_labels = (
        alt.Chart(stage_frame[stage_frame["first_of_stage"]])
        .mark_text(
            align="left", baseline="top", dx=6, dy=4, fontWeight=600, color=STAGE_TEXT, fontSize=12
        )  # fmt: skip
        .encode(x=alt.X("touchpoint:O", sort=order, bandPosition=0), y="y_top:Q", text="stage:N")
    )
    zero = alt.Chart(data).mark_rule(color="#374151", strokeDash=[4, 3]).encode(y=alt.datum(0))
    series_title = series_title or t("common.persona")

    def colour(_legend: bool = True) -> alt.Color:
        # The same legend on every layer (Vega-Lite merges them; a None would hide it).
        legend = (
            None
            if overall
            else alt.Legend(symbolType="stroke", symbolStrokeWidth=4, symbolOpacity=1)
        )
        return alt.Color("series:N", scale=colour_scale, title=series_title, legend=legend)

    base = alt.Chart(data).encode(x=alt.X("touchpoint:O", sort=order))
    band = base.mark_area(opacity=0.16, interpolate="monotone").encode(
        y="emotion_low:Q", y2="emotion_high:Q", color=colour(False)
    )
    line = base.mark_line(interpolate="monotone").encode(
        y="emotion_mean:Q", color=colour(not overall)
    )
    tooltip = [
        alt.Tooltip("touchpoint:N", title=title_tp),
        alt.Tooltip("series:N", title=series_title),
        alt.Tooltip("label:N", title=emo_title),
        alt.Tooltip("n:Q", title=t("common.answers"), format=","),
    ]
    points = base.mark_point(size=55, filled=True).encode(
        y="emotion_mean:Q", color=colour(False), tooltip=tooltip
    )
    pains = data[data["pain_point"]].copy()
    # A label below the lowest pain point of a touchpoint and one above the highest (middle ones
    # of three or more personas would collide: their values are in the tooltip).
    rank = pains.groupby("touchpoint")["emotion_mean"].rank(method="first")
    pains["lowest"] = rank == 1
    pains["highest"] = (rank == pains.groupby("touchpoint")["emotion_mean"].transform("size")) & (
        rank > 1
    )
    pain_points = (
        alt.Chart(pains)
        .mark_point(size=170, filled=True, color=PAIN_COLOUR, stroke="white", strokeWidth=1.5)
        .encode(x=alt.X("touchpoint:O", sort=order), y="emotion_mean:Q", tooltip=tooltip)
    )
    pain_text = {"color": PAIN_COLOUR, "fontWeight": 700, "fontSize": 12}
    pain_below = (
        alt.Chart(pains[pains["lowest"]])
        .mark_text(dy=17, **pain_text)
        .encode(x=alt.X("touchpoint:O", sort=order), y="emotion_mean:Q", text="label:N")
    )
    pain_above = (
        alt.Chart(pains[pains["highest"]])
        .mark_text(dy=-16, **pain_text)
        .encode(x=alt.X("touchpoint:O", sort=order), y="emotion_mean:Q", text="label:N")
    )
    layers: list[Any] = [stage_rects, stage_labels, zero]
    if threshold is not None:
        layers.append(
            alt.Chart(data)
            .mark_rule(color=PAIN_COLOUR, strokeDash=[2, 3], opacity=0.6)
            .encode(y=alt.datum(threshold))
        )
    if _ordered_journey(df):
        layers += [band, line]
    else:  # no journey order: each touchpoint on its own, with its interval as a bar
        layers.append(
            base.mark_rule(strokeWidth=2, opacity=0.5).encode(
                y="emotion_low:Q", y2="emotion_high:Q", color=colour(False)
            )
        )
    layers += [points, pain_points, pain_below, pain_above]
    subtitle = [_source_subtitle(df, t)]
    if data["pain_point"].any():
        subtitle.append(
            t("viz.emotion.pain_note", threshold=_num(t, threshold, 1))
            if threshold is not None
            else t("viz.lane.pain")
        )
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(title or t("viz.emotion.title"), subtitle=subtitle),
        width=WIDTH,
        height=340,
    )
    return _finish(chart, t)


def _wrap_expr(width: int = 14) -> str:
    """A Vega expression that wraps an axis label into lines of about `width` characters."""
    return (
        f"length(datum.label) > {width} ? "
        f"split(replace(datum.label, /(.{{1,{width}}})(\\s+|$)/g, '$1\\n'), '\\n')"
        " : datum.label"
    )


def persona_compare(
    df_a: pd.DataFrame,
    df_b: pd.DataFrame,
    t: Translate,
    names: tuple[str, str] | None = None,
    stages_df: pd.DataFrame | None = None,
    personas: Sequence[str] | None = None,
    threshold: float | None = None,
) -> alt.LayerChart:
    """The emotion curves of two personas in one chart (frames from dashboards.emotion_curve,
    by_persona=True, each narrowed to one persona, or names given for overall frames)."""
    frames = []
    for i, frame in enumerate((df_a, df_b)):
        f = frame.copy()
        if names is not None:
            f["persona"] = names[i]
        frames.append(f)
    both = pd.concat(frames, ignore_index=True)
    labels = [str(p) for p in dict.fromkeys(both["persona"].dropna())]
    a, b = (labels + ["", ""])[:2] if names is None else names
    return emotion_curve(
        both,
        t,
        stages_df=stages_df,
        personas=personas,
        threshold=threshold,
        title=t("viz.emotion.compare_title", a=a, b=b),
    )
