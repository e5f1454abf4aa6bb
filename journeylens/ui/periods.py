"""The period comparison of the overview and the heatmap: the control, the two periods it
queries and the sentence that names them.

"This month" (quarter, 30 days) is the one holding the last answer date in the filtered data,
never today's date: an export from last quarter still compares its own last month.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from journeylens.i18n import fmt_date, fmt_date_range, fmt_signed
from journeylens.services.dashboards.period import PERIOD_MODES, Period, compare_periods
from journeylens.ui import widgets
from journeylens.ui.view import View


@dataclass(frozen=True)
class Comparison:
    mode: str
    current: Period
    previous: Period
    last: date


def control(view: View, where: Any, key: str) -> str:
    """The period control (bound to the URL under key); returns its mode code."""
    return widgets.pick_one(view, where, key, "periods16.label", PERIOD_MODES, "periods16.mode")


def comparison(view: View, mode: str) -> Comparison | None:
    """The two periods of mode, anchored on the last answer date under the view's filters; None
    for "none" or when no answer is dated."""
    if mode == "none":
        return None
    last = view.query("response_dates")["last"]
    pair = compare_periods(mode, last)
    if pair is None or last is None:
        return None
    return Comparison(mode, pair[0], pair[1], last)


def caption(view: View, cmp: Comparison, n: int | None = None) -> str:
    """Which two periods are compared and what they are anchored on, then the other filters (the
    date range is replaced by the periods) and n."""
    t = view.t
    text = t(
        f"periods16.caption.{cmp.mode}",
        current=fmt_date_range(*cmp.current.as_tuple(), t.lang),
        previous=fmt_date_range(*cmp.previous.as_tuple(), t.lang),
    )
    text += " " + t("periods16.anchor", last=fmt_date(cmp.last, t.lang))
    others = replace(view.filters, date_from=None, date_to=None).caption(t)
    text += " · " + others
    if n is not None:
        text += " · " + t("common.n", n=t.num(n, 0))
    return text


def signed(value: float | None, lang: str, decimals: int) -> str:
    """A change with its sign, "+4.2" or "−4.2": the minus sign (U+2212) of the charts' labels,
    not the ASCII hyphen."""
    text = fmt_signed(value, lang, decimals)
    return "\u2212" + text[1:] if text.startswith("-") else text


def delta_style(value: float | None, decimals: int, coloured: bool = True) -> dict[str, str]:
    """st.metric's delta_color and delta_arrow for a change shown by signed(): Streamlit reads a
    delta's direction from a leading ASCII hyphen, which signed() no longer writes."""
    if value is None or round(float(value), decimals) == 0:
        return {"delta_color": "gray", "delta_arrow": "off"}
    falls = float(value) < 0
    colour = ("red" if falls else "green") if coloured else "gray"
    return {"delta_color": colour, "delta_arrow": "down" if falls else "up"}


def delta(view: View, change: dict[str, Any], decimals: int) -> tuple[str | None, dict[str, str]]:
    """The tile's delta text and st.metric style: "+4.2 · significant" (coloured) or "−1.0 (not
    significant)" (grey); None without a value in both periods."""
    if change["change"] is None:
        return None, {"delta_color": "off"}
    text = signed(change["change"], view.lang, decimals)
    style = delta_style(change["change"], decimals, coloured=bool(change["significant"]))
    if change["significant"]:
        return view.t("periods16.significant", change=text), style
    return view.t("periods16.not_significant", change=text), style
