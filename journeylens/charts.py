"""Altair builders: an aggregate DataFrame (from journeylens.dashboards) in, a chart out.

Pure functions: no I/O, no Streamlit. Every builder takes a `t` translator
(journeylens.i18n.Translator) for titles and axis titles, formats numbers in the UI language and
returns a chart already configured with the `journeylens` theme plus the language's number
locale, so the app can draw it with `st.altair_chart(chart, theme=None)`. Altair's 5,000-row guard
stays on: builders pass their input rows through, so an unaggregated frame fails in to_dict().
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import altair as alt
import pandas as pd

from journeylens import metrics
from journeylens.i18n import fmt_num, vega_locale

# Okabe-Ito (colour-blind safe), reordered so the first colours contrast best on white; the
# yellow comes last. Vermilion is kept out of the category palette: it means "bad" (pain points).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
PERSONA_PALETTE = OKABE_ITO
OVERALL_COLOUR = "#0072B2"
GOOD_COLOUR = "#009E73"  # bluish green (Okabe-Ito)
BAD_COLOUR = "#D55E00"  # vermilion (Okabe-Ito)
PAIN_COLOUR = "#C8102E"
STAGE_COLOURS = ("#DCE9F5", "#FBE8CC", "#D5EFE6", "#F3DDEB", "#E2F1FA", "#EEEEEE")
STAGE_TEXT = "#1F2A37"
DIVERGING_SCHEME = "redblue"  # red = low, blue = high; ColorBrewer RdBu, colour-blind safe
FONT = "Inter, 'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
LABEL_CHARS = 18  # wrap journey-map labels at this many characters per line
MAX_LINES = 3
UNCERTAIN_OPACITY = 0.3
WIDTH = 900
JOURNEY_WIDTH = 1080  # plot area; with the lane labels the map fits a 1280 px page

Translate = Callable[..., str]


# --- theme -------------------------------------------------------------------------------------


def _base_config() -> dict[str, Any]:
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 320},
        "title": {
            "fontSize": 17,
            "fontWeight": 600,
            "anchor": "start",
            "subtitleFontSize": 12.5,
            "subtitleColor": "#4B5563",
            "offset": 12,
            "color": "#111827",
        },
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 13,
            "titleFontWeight": 600,
            "titleColor": "#374151",
            "labelColor": "#374151",
            "gridColor": "#E5E7EB",
            "domainColor": "#9CA3AF",
            "tickColor": "#9CA3AF",
            "labelLimit": 180,
        },
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12.5,
            "titleFontWeight": 600,
            "orient": "top",
            "labelLimit": 220,
        },
        "header": {"labelFontSize": 12.5, "titleFontSize": 13},
        "text": {"fontSize": 12, "color": "#111827"},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 60, "filled": True},
        "range": {
            "category": list(OKABE_ITO),
            "diverging": {"scheme": DIVERGING_SCHEME},
            "heatmap": {"scheme": "blues"},
        },
        "concat": {"spacing": 6},
    }


def theme_config(lang: str = "en") -> dict[str, Any]:
    """The journeylens theme with the UI language's number separators (vega_locale)."""
    config = _base_config()
    config["locale"] = vega_locale(lang)
    return {"config": config}


@alt.theme.register("journeylens", enable=False)
def journeylens_theme() -> alt.theme.ThemeConfig:
    return alt.theme.ThemeConfig(theme_config("en"))  # type: ignore[typeddict-item]


def _lang(t: Translate) -> str:
    return getattr(t, "lang", "en")


def _finish(chart: Any, t: Translate) -> Any:
    """Attach the theme and the language locale to a top-level chart."""
    return chart.configure(**theme_config(_lang(t))["config"])


def _num(t: Translate, value: Any, decimals: int = 0) -> str:
    text = fmt_num(metrics.finite(value), _lang(t), decimals)
    return text.replace("-", "−") if text.startswith("-") else text


def _pct(t: Translate, value: Any, decimals: int = 0) -> str:
    text = _num(t, value, decimals)
    return text if text == "–" else f"{text}%"


def _num_format(decimals: int = 0) -> str:
    return f",.{decimals}f"


# --- colours -----------------------------------------------------------------------------------


def persona_colours(personas: Sequence[str]) -> dict[str, str]:
    """A fixed colour per persona: sorted names get the palette in order, so a persona keeps its
    colour in every chart as long as the same full list (e.g. filter_options()['personas']) is
    passed, whatever the filters drop."""
    names = sorted({_plain(p) for p in personas if p is not None and str(p) != ""})
    return {p: PERSONA_PALETTE[i % len(PERSONA_PALETTE)] for i, p in enumerate(names)}


# The mapping for the personas seen so far is computed by persona_colours(); the palette order
# itself is the fixed part shared by every chart.
PERSONA_COLOURS = persona_colours


def _persona_scale(names: Sequence[str], all_personas: Sequence[str] | None) -> alt.Scale:
    mapping = persona_colours(list(all_personas or []) + list(names))
    domain = [p for p in mapping]
    return alt.Scale(domain=domain, range=[mapping[p] for p in domain])


# --- helpers -----------------------------------------------------------------------------------

# U+2028 / U+2029 are line terminators to Vega's expression parser, and JSON does not escape them:
# a touchpoint holding one, compiled into a sort order (`indexof([...], datum.x)`), stopped the
# chart with "Unexpected token ILLEGAL" in the browser, the report and every PNG/SVG/PDF export.
_VEGA_BREAKS = str.maketrans({"\u2028": " ", "\u2029": " "})


def _plain(value: Any) -> str:
    """A label as Vega can take it anywhere in a spec (data, sort orders, domains)."""
    return str(value).translate(_VEGA_BREAKS)


def _plain_column(series: pd.Series) -> pd.Series:
    return series.map(lambda v: v.translate(_VEGA_BREAKS) if isinstance(v, str) else v)


def wrap(text: Any, width: int = LABEL_CHARS, max_lines: int = MAX_LINES) -> str:
    """Wrap a label to lines of at most `width` characters, ellipsis after max_lines."""
    if text is None or (isinstance(text, float) and text != text) or text is pd.NA:
        return ""
    lines = textwrap.wrap(_plain(text), width=width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    # a single word longer than a line is cut rather than split mid-word
    return "\n".join(line if len(line) <= width else line[: width - 1] + "…" for line in lines)


def _order(df: pd.DataFrame, col: str = "touchpoint") -> list[str]:
    """Touchpoints in journey order (by position when present, else as they come)."""
    if df.empty:
        return []
    if "position" in df:
        df = df.sort_values("position", kind="stable")
    return [_plain(v) for v in dict.fromkeys(df[col].tolist())]


def _ordered_journey(df: pd.DataFrame) -> bool:
    """Whether the touchpoints' order says something about the journey (a journey definition or
    the customers' order in the events): only then are they joined by a line. Touchpoints that
    only appear in answers (order_source 'answers') are drawn as separate points."""
    if "order_source" not in df or df.empty:
        return True
    return str(df["order_source"].iloc[0]) != "answers"


def _rows(df: pd.DataFrame) -> pd.DataFrame:
    """A JSON-friendly copy: pandas NA -> None, nullable ints/floats -> float."""
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.BooleanDtype):
            out[col] = out[col].astype(object).where(out[col].notna(), None)
        elif pd.api.types.is_extension_array_dtype(
            out[col].dtype
        ) and pd.api.types.is_numeric_dtype(out[col].dtype):
            out[col] = out[col].astype("float64")
        elif out[col].dtype == object and any(isinstance(v, Decimal) for v in out[col]):
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
        elif out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = _plain_column(out[col])
    return out


def _metric_title(metric: str, t: Translate) -> str:
    return t("metric.emotion") if metric == "emotion" else t(f"metric.{metric}")


# --- KPI trend ---------------------------------------------------------------------------------


def kpi_trend(
    df: pd.DataFrame, metric: str, t: Translate, grain: str = "month", min_n: int = 30
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
        reliable=data[cols["n"]] >= min_n,
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


# --- funnel ------------------------------------------------------------------------------------


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


# --- emotion curve -----------------------------------------------------------------------------


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


def _stage_frame(order: list[str], stages: pd.DataFrame | None, df: pd.DataFrame) -> pd.DataFrame:
    """touchpoint -> stage for every touchpoint on the x axis, plus each stage's first touchpoint."""
    source = stages if stages is not None and "stage" in stages else df
    mapping: dict[str, str] = {}
    if "stage" in source:
        for tp, st in zip(source["touchpoint"], source["stage"], strict=True):
            if st is not None and st == st and str(tp) not in mapping:
                mapping[str(tp)] = str(st)
    rows = [{"touchpoint": tp, "stage": mapping.get(tp, "")} for tp in order]
    out = pd.DataFrame(rows, columns=["touchpoint", "stage"])
    out["first_of_stage"] = out["stage"].ne(out["stage"].shift())
    stage_names = list(dict.fromkeys(out["stage"]))
    out["stage_index"] = [stage_names.index(s) for s in out["stage"]]
    return out


def _stage_colour_scale(stage_frame: pd.DataFrame) -> alt.Scale:
    names = list(dict.fromkeys(stage_frame["stage"]))
    return alt.Scale(
        domain=names, range=[STAGE_COLOURS[i % len(STAGE_COLOURS)] for i in range(len(names))]
    )


def emotion_curve(
    df: pd.DataFrame,
    t: Translate,
    stages_df: pd.DataFrame | None = None,
    personas: Sequence[str] | None = None,
    threshold: float | None = None,
    title: str | None = None,
) -> alt.LayerChart:
    """Mean emotion per touchpoint (dashboards.emotion_curve): a monotone line per persona (or
    one overall line), its 95% band, a zero rule, stage rectangles behind, pain points in red.

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
    series_title = t("common.persona")

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


# --- heatmap -----------------------------------------------------------------------------------


def heatmap(
    df: pd.DataFrame,
    metric: str,
    t: Translate,
    min_n: int = 30,
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
    reliable = data["reliable"].astype(bool) if "reliable" in data else data["n"] >= min_n
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
    by_title = t("common.month") if by == "month" else t(f"common.{by}")
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


# --- journey map -------------------------------------------------------------------------------

_LANE_LABEL_WIDTH = 120


def _lane_axis(title: str) -> dict[str, Any]:
    return {
        "title": title,
        "titleAngle": 0,
        "titleAlign": "right",
        "titleBaseline": "middle",
        "titleX": -26,
    }


def journey_map(
    df: pd.DataFrame,
    t: Translate,
    width: int = JOURNEY_WIDTH,
    threshold: float = -0.5,
    volume_drop: float = 0.25,
) -> alt.VConcatChart:
    """The journey map (dashboards.journey_lanes): a vconcat of lanes sharing one x scale of
    touchpoints in journey order: stage band, goal, touchpoint and channel, owner, volume bars,
    emotion line, NPS/CSAT cells, pain-point flags and comment themes."""
    data = _rows(df).sort_values("position", kind="stable").reset_index(drop=True)
    order = data["touchpoint"].astype(str).tolist()
    data["touchpoint"] = data["touchpoint"].astype(str)
    stage_frame = _stage_frame(order, data, data)
    data["stage"] = stage_frame["stage"].to_numpy()
    data["first_of_stage"] = stage_frame["first_of_stage"].to_numpy()
    band = width / max(len(order), 1)
    chars = max(8, min(LABEL_CHARS, int(band * 0.9 / 5.9)))  # regular 11.5 px text
    bold = max(7, min(LABEL_CHARS, int(band * 0.9 / 6.8)))  # bold 12 px text
    stage_span = data.groupby("stage", sort=False)["touchpoint"].transform("size")
    reasons = [
        ", ".join(t(f"viz.pain.{r}") for r in str(rs).split(",") if r)
        for rs in data.get("pain_reasons", pd.Series([""] * len(data)))
    ]
    channel = data["channel"] if "channel" in data else pd.Series([None] * len(data))
    volume_source = (
        str(data["volume_source"].iloc[0]) if "volume_source" in data and len(data) else "events"
    )
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
    x_scale = alt.Scale(domain=order, paddingInner=0.08, paddingOuter=0.04)

    def x_enc(axis: bool = False, **kw: Any) -> alt.X:
        return alt.X(
            "touchpoint:O",
            sort=order,
            scale=x_scale,
            title=None,
            axis=alt.Axis(labels=False, ticks=False, domain=False) if axis else None,
            **kw,
        )

    def text_lane(field: str, title: str, height: int, **mark: Any) -> alt.LayerChart:
        params = {
            "lineBreak": "\n",
            "fontSize": 11.5,
            "baseline": "middle",
            "limit": max(band - 4, 30),
            **mark,
        }
        y = alt.Y("y_mid:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(
            labels=False, ticks=False, domain=False, grid=False, **_lane_axis(title)))  # fmt: skip
        lane = alt.Chart(data).mark_text(**params).encode(x=x_enc(), y=y, text=f"{field}:N")
        return lane.properties(width=width, height=height)

    tooltip = [
        alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
        alt.Tooltip("stage:N", title=t("common.stage")),
        alt.Tooltip("n:Q", title=t("common.answers"), format=","),
    ]
    # stage header band: one rect per touchpoint (contiguous within a stage) + stage name
    stage_y = alt.Y("y_mid:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(
        labels=False, ticks=False, domain=False, grid=False,
        **_lane_axis(t("viz.lane.stage"))))  # fmt: skip
    stage_band = alt.layer(
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=0)
        .encode(
            x=alt.X(
                "touchpoint:O",
                sort=order,
                scale=alt.Scale(domain=order, paddingInner=0, paddingOuter=0.04),
                title=None,
                axis=None,
            ),  # fmt: skip
            y=alt.Y("y0:Q", scale=alt.Scale(domain=[0, 1]), axis=None),
            y2="y1:Q",
            color=alt.Color("stage:N", scale=_stage_colour_scale(stage_frame), legend=None),
            tooltip=tooltip,
        )
        .transform_calculate(y0="0.08", y1="0.92"),
        alt.Chart(data[data["first_of_stage"]])
        .mark_text(align="left", dx=8, fontWeight=700, fontSize=13, color=STAGE_TEXT)
        .encode(
            x=alt.X(
                "touchpoint:O",
                sort=order,
                bandPosition=0,
                scale=alt.Scale(domain=order, paddingInner=0, paddingOuter=0.04),
                axis=None,
            ),  # fmt: skip
            y=stage_y,
            text="stage_text:N",
        ),
    ).properties(width=width, height=36)

    goal = text_lane("goal_text", t("viz.lane.goal"), 62, fontStyle="italic", color="#374151")
    touch = text_lane("tp_text", t("viz.lane.touchpoint"), 64, fontWeight=700, fontSize=12)
    owner = text_lane("owner_text", t("viz.lane.owner"), 34, color="#374151")

    vol_title = t("viz.lane.volume" if volume_source == "events" else "viz.lane.volume_answers")
    vmax = float(pd.to_numeric(data["volume"], errors="coerce").max() or 0) or 1.0
    vol_y = alt.Y("volume:Q", scale=alt.Scale(domain=[0, vmax * 1.3]),
                  axis=alt.Axis(labels=False, ticks=False, domain=False, grid=False,
                                **_lane_axis(vol_title)))  # fmt: skip
    volume = alt.layer(
        alt.Chart(data)
        .mark_bar(color="#7FA7CF", size=28, cornerRadiusEnd=2)
        .encode(
            x=x_enc(),
            y=vol_y,
            tooltip=[*tooltip, alt.Tooltip("volume:Q", title=vol_title, format=",")],
        ),  # fmt: skip
        alt.Chart(data)
        .mark_text(baseline="bottom", dy=-3, fontSize=11.5)
        .encode(x=x_enc(), y="volume:Q", text="volume_text:N"),
    ).properties(width=width, height=70)

    emo = data[data["emotion_mean"].notna()]
    emo_y = alt.Y("emotion_mean:Q", scale=alt.Scale(domain=[-2, 2], nice=False),
                  axis=alt.Axis(values=[-2, 0, 2], grid=False, labelFontSize=10,
                                **_lane_axis(t("viz.lane.emotion"))))  # fmt: skip
    positive = "datum.emotion_mean >= 0"
    emotion_line = (
        [
            alt.Chart(emo)
            .mark_line(color="#6B7280", interpolate="monotone", strokeWidth=2)
            .encode(x=x_enc(), y=emo_y)
        ]
        if _ordered_journey(data)
        else []
    )
    emotion = alt.layer(
        alt.Chart(data).mark_rule(color="#6B7280", strokeDash=[4, 3]).encode(y=alt.datum(0)),
        *emotion_line,
        alt.Chart(emo)
        .mark_point(filled=True, size=110, opacity=1)
        .encode(
            x=x_enc(),
            y="emotion_mean:Q",
            color=alt.condition(positive, alt.value(GOOD_COLOUR), alt.value(BAD_COLOUR)),
            shape=alt.condition(positive, alt.value("triangle-up"), alt.value("triangle-down")),
            tooltip=[*tooltip, alt.Tooltip("emotion_label:N", title=t("metric.emotion"))],
        ),
        alt.Chart(emo)
        .mark_text(dy=-13, fontSize=11)
        .encode(x=x_enc(), y="emotion_mean:Q", text="emotion_label:N"),
    ).properties(width=width, height=110)

    cells = _metric_cells(data, t)
    cell_y = alt.Y("metric:N", sort=[t("metric.nps"), t("metric.csat")],
                   axis=alt.Axis(ticks=False, domain=False, labelFontSize=11.5,
                                 title=None, labelPadding=8))  # fmt: skip
    metric_lane = alt.layer(
        alt.Chart(cells)
        .mark_rect(stroke="white", strokeWidth=2, cornerRadius=3)
        .encode(
            x=x_enc(),
            y=cell_y,
            color=alt.Color(
                "score:Q",
                scale=alt.Scale(scheme=DIVERGING_SCHEME, domain=[-1, 1], domainMid=0),
                legend=None,
            ),  # fmt: skip
            opacity=alt.condition("datum.reliable", alt.value(1.0), alt.value(UNCERTAIN_OPACITY)),
            tooltip=[
                alt.Tooltip("touchpoint:N", title=t("common.touchpoint")),
                alt.Tooltip("metric:N", title=t("metric.choose")),
                alt.Tooltip("text:N", title=t("viz.value")),
            ],
        ),
        alt.Chart(cells)
        .mark_text(fontSize=12, fontWeight=600)
        .encode(
            x=x_enc(),
            y=cell_y,
            text="text:N",
            color=alt.condition("datum.dark", alt.value("white"), alt.value("#111827")),
        ),
    ).properties(width=width, height=56)

    pain = text_lane("pain_text", t("viz.lane.pain"), 74, color=PAIN_COLOUR, fontWeight=700)
    themes = text_lane("theme_text", t("viz.lane.themes"), 52, color="#374151")

    lanes = [stage_band, goal, touch, owner, volume, emotion, metric_lane, pain, themes]
    threshold_text = _num(t, threshold, 1)
    drop_text = _pct(t, 100 * volume_drop)
    chart = alt.vconcat(*lanes, spacing=4).properties(
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
            value = metrics.finite(getattr(r, metric))
            target = metrics.finite(getattr(r, "target_csat", None)) if metric == "csat" else None
            centre = target if target is not None else mid
            if value is None:
                score = None
            elif value >= centre:
                score = (value - centre) / max(hi - centre, 1e-9)
            else:
                score = (value - centre) / max(centre - lo, 1e-9)
            reliable = bool(getattr(r, f"{metric}_reliable", True))
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
