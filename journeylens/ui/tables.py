"""Tables as a reader in any language sees them: numbers and dates in the UI language, missing
values as a dash, headers in words.

Streamlit draws numbers as 16451 whatever the language (the charts beside them say 16,451 or
16.451), a missing cell as the English word "None" and a column under its DataFrame name; every
st.dataframe of the app goes through `dataframe` so none of that reaches the screen.

Numbers are shown through a pandas Styler's display values: the browser draws the text, while the
cell keeps its number, so a click on the header still sorts 9,000 before 16,451. The data handed
to CSV downloads is the caller's frame, untouched.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from journeylens.i18n import fmt_date, fmt_num

MISSING = "–"  # the same mark fmt_num gives a missing number
MAX_DECIMALS = 4  # as many as Streamlit shows by default
# Above this many cells the table is drawn as it comes (Styler renders every cell in Python).
MAX_STYLED_CELLS = 100_000


def dataframe(
    data: Any,
    *,
    lang: str,
    labels: Mapping[str, str] | None = None,
    plain: Collection[str] = (),
    **kwargs: Any,
) -> Any:
    """st.dataframe with numbers and dates written for `lang` (16,451 / 16.451), missing cells
    drawn as a dash and, given `labels` (column -> header), the headers in the UI language; an
    explicit column_config for a column wins over its label.

    Columns in `plain` (identifiers, a file's own values) are numbers without thousands
    separators. A column_config format of the caller wins over the language's (Streamlit draws a
    formatted column from its format)."""
    if labels:
        config: dict[str, Any] = dict(labels)
        config.update(kwargs.pop("column_config", None) or {})
        kwargs["column_config"] = config
    kwargs.setdefault("placeholder", MISSING)
    return st.dataframe(styled(data, lang, plain), **kwargs)


def styled(data: Any, lang: str, plain: Collection[str] = ()) -> Any:
    """A pandas Styler that writes every cell of a DataFrame as `lang` writes it; other data, and
    frames too big or with repeated labels for a Styler, as they are."""
    if not isinstance(data, pd.DataFrame) or data.empty:
        return data
    if data.size > MAX_STYLED_CELLS or not (data.columns.is_unique and data.index.is_unique):
        return data
    formatters = {col: _formatter(data[col], lang, col in plain) for col in data.columns}
    return data.style.format(formatters, na_rep=MISSING)


def _formatter(column: pd.Series, lang: str, plain: bool) -> Callable[[Any], str]:
    kind = column.dtype.kind
    if kind == "b":
        return _text
    if kind in "iuf":
        decimals = _decimals(column) if kind == "f" else 0
        return lambda v: _number(v, lang, decimals, plain)
    if kind == "M":
        with_time = _has_time(column)
        return lambda v: _when(v, lang, with_time)
    return lambda v: _cell(v, lang, plain)


def _decimals(column: pd.Series) -> int:
    """The fewest decimals (up to MAX_DECIMALS) that show every value of the column."""
    values = column.dropna()
    values = values[values.abs() < 1e15]
    for d in range(MAX_DECIMALS):
        if ((values.round(d) - values).abs() < 0.5 * 10**-MAX_DECIMALS).all():
            return d
    return MAX_DECIMALS


def _has_time(column: pd.Series) -> bool:
    values = column.dropna()
    return bool(len(values)) and bool((values != values.dt.normalize()).any())


def _number(value: Any, lang: str, decimals: int, plain: bool) -> str:
    text = fmt_num(value, lang, decimals)
    if plain and text != MISSING:
        thousands = fmt_num(1000, lang, 0)[1]
        text = text.replace(thousands, "")
    return text


def _when(value: Any, lang: str, with_time: bool) -> str:
    if value is None or pd.isna(value):
        return MISSING
    return fmt_date(value, lang, with_time=with_time)


def _cell(value: Any, lang: str, plain: bool) -> str:
    """A cell of a column of mixed values (an uploaded file's, a list of issues)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Real):
        if value != value:  # NaN
            return MISSING
        decimals = 0 if float(value).is_integer() else _decimals(pd.Series([float(value)]))
        return _number(value, lang, decimals, plain)
    if isinstance(value, datetime | date):
        return _when(
            value, lang, isinstance(value, datetime) and value.time() != datetime.min.time()
        )
    return _text(value)


def _text(value: Any) -> str:
    try:
        if pd.isna(value):
            return MISSING
    except (TypeError, ValueError):  # a list in a cell
        pass
    return str(value)
