"""Helpers every view shares: numbers in the UI language, labels Vega can take, journey order,
persona and stage colours, and a JSON-friendly copy of the input rows.

Kept apart from the views so that a label or a number looks the same in every chart.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import altair as alt
import pandas as pd

from journeylens.charts import text_width
from journeylens.charts.theme import (
    LABEL_CHARS,
    MAX_LINES,
    PERSONA_PALETTE,
    STAGE_COLOURS,
    Translate,
    _lang,
)
from journeylens.domain import metrics
from journeylens.i18n import fmt_num

# --- numbers -----------------------------------------------------------------------------------


def _num(t: Translate, value: Any, decimals: int = 0) -> str:
    text = fmt_num(metrics.finite(value), _lang(t), decimals)
    return text.replace("-", "−") if text.startswith("-") else text


def _pct(t: Translate, value: Any, decimals: int = 0) -> str:
    text = _num(t, value, decimals)
    return text if text == "–" else f"{text}%"


def _num_format(decimals: int = 0) -> str:
    return f",.{decimals}f"


def _metric_title(metric: str, t: Translate) -> str:
    return t("metric.emotion") if metric == "emotion" else t(f"metric.{metric}")


# --- labels ------------------------------------------------------------------------------------

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


def wrap_full(text: Any, max_px: float, size: float, bold: bool = False) -> str:
    """Wrap a label to lines no wider than `max_px` when drawn at `size` px, in full: a word
    wider than a line is split across lines (after a hyphen where it has one), never cut."""
    if text is None or (isinstance(text, float) and text != text) or text is pd.NA:
        return ""
    return "\n".join(text_width.wrap_px(_plain(text), max_px, size, bold))


# --- rows --------------------------------------------------------------------------------------


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


# --- journey order and stages ------------------------------------------------------------------


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


# --- persona colours ---------------------------------------------------------------------------


def persona_colours(personas: Sequence[str]) -> dict[str, str]:
    """A fixed colour per persona: sorted names get the palette in order, so a persona keeps its
    colour in every chart as long as the same full list (e.g. filter_options()['personas']) is
    passed, whatever the filters drop."""
    names = sorted({_plain(p) for p in personas if p is not None and str(p) != ""})
    return {p: PERSONA_PALETTE[i % len(PERSONA_PALETTE)] for i, p in enumerate(names)}


def _persona_scale(names: Sequence[str], all_personas: Sequence[str] | None) -> alt.Scale:
    mapping = persona_colours(list(all_personas or []) + list(names))
    domain = [p for p in mapping]
    return alt.Scale(domain=domain, range=[mapping[p] for p in domain])
