"""Message catalogues (en, vi, ro) and number formatting for the UI language.

Messages live in `catalog_*.py` modules beside this file, one per area of the app, each a dict
`MESSAGES = {key: (english, vietnamese, romanian)}`. Keys must be unique across modules.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

LANGS: tuple[str, ...] = ("en", "vi", "ro")
LANG_NAMES = {"en": "English", "vi": "Tiếng Việt", "ro": "Română"}
DEFAULT_LANG = "en"


@cache
def catalogue() -> dict[str, tuple[str, str, str]]:
    merged: dict[str, tuple[str, str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("catalog_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise KeyError(f"message key {key!r} defined twice ({info.name})")
            if len(texts) != len(LANGS):
                raise ValueError(f"message {key!r} needs {len(LANGS)} translations")
            merged[key] = texts
    return merged


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, /, **kwargs: Any) -> str:
    """The message for key in lang, formatted with kwargs. Unknown keys show as the key itself."""
    texts = catalogue().get(key)
    if texts is None:
        return key
    text = texts[LANGS.index(normalise_lang(lang))] or texts[0]
    return text.format(**kwargs) if kwargs else text


def plural_form(count: int, lang: str = DEFAULT_LANG) -> str:
    """The plural form of a message for count: "one" or "few" in English (one row, 2 rows);
    Romanian "one", "few" (0, 2–19 and every n whose last two digits are 1–19: 3 rânduri,
    101 rânduri) or "many" ("20 de rânduri"); Vietnamese has no plural ("few" for all but 1, its
    texts the same). Messages come as `<key>.one`, `<key>.few`, `<key>.many`."""
    count = abs(int(count))
    if count == 1:
        return "one"
    if normalise_lang(lang) == "ro" and not (count == 0 or 1 <= count % 100 <= 19):
        return "many"
    return "few"


def plural_key(key: str, count: int, lang: str = DEFAULT_LANG) -> str:
    """`<key>.<plural_form(count)>`, falling back to `<key>.few` (English needs no "many"): for
    callers that format the message themselves (safe.msg escapes its values)."""
    form = plural_form(count, lang)
    if form == "many" and f"{key}.many" not in catalogue():
        form = "few"
    return f"{key}.{form}"


def t_plural(key: str, count: int, lang: str = DEFAULT_LANG, /, **kwargs: Any) -> str:
    """t() of the message for count (plural_key)."""
    return t(plural_key(key, count, lang), lang, **kwargs)


class _FieldFormatter(string.Formatter):
    def __init__(self, field: Callable[[str], str]) -> None:
        self.field = field

    def format_field(self, value: Any, format_spec: str) -> str:
        return self.field(super().format_field(value, format_spec))


def t_fields(key: str, lang: str, field: Callable[[str], str], /, **kwargs: Any) -> str:
    """t(), with `field` applied to each formatted value but not to the message's own text: the
    way values from data are escaped for Markdown while the message keeps its emphasis."""
    texts = catalogue().get(key)
    if texts is None:
        return field(key)
    text = texts[LANGS.index(normalise_lang(lang))] or texts[0]
    return _FieldFormatter(field).format(text, **kwargs)


class Translator:
    """t() bound to one language, handy to pass into charts and pages."""

    def __init__(self, lang: str) -> None:
        self.lang = normalise_lang(lang)

    def __call__(self, key: str, /, **kwargs: Any) -> str:
        return t(key, self.lang, **kwargs)

    def plural(self, key: str, count: int, /, **kwargs: Any) -> str:
        return t_plural(key, count, self.lang, **kwargs)

    def num(self, value: float | None, decimals: int = 1) -> str:
        return fmt_num(value, self.lang, decimals)


_SEPARATORS = {"en": (",", "."), "vi": (".", ","), "ro": (".", ",")}


def fmt_num(value: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """1,234.5 in English; 1.234,5 in Vietnamese and Romanian. Missing values show as an en dash."""
    if value is None:
        return "–"
    try:
        f = float(value)
    except (TypeError, ValueError):
        return "–"
    if f != f:  # NaN
        return "–"
    f = round(f, decimals) + 0.0  # round before the sign: -0.04 shows as 0.0, never -0.0
    thousands, decimal = _SEPARATORS[normalise_lang(lang)]
    text = f"{f:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


_DATE_FORMATS = {"en": "%Y-%m-%d", "vi": "%d/%m/%Y", "ro": "%d/%m/%Y"}  # as the date picker


def fmt_date(
    value: date | datetime | None, lang: str = DEFAULT_LANG, with_time: bool = False
) -> str:
    """2026-10-31 in English; 31/10/2026 in Vietnamese and Romanian, as the sidebar's date picker
    shows dates (with_time adds 14:05:09). Missing dates show as an en dash."""
    if value is None or value != value:  # None, NaT
        return "–"
    fmt = _DATE_FORMATS[normalise_lang(lang)]
    if with_time and isinstance(value, datetime):
        fmt += " %H:%M:%S"
    return value.strftime(fmt)


def fmt_date_range(start: date | None, end: date | None, lang: str = DEFAULT_LANG) -> str:
    """'2025-05-01 – 2026-10-31'; an open end as '…'."""
    ends = (fmt_date(d, lang) if d is not None else "…" for d in (start, end))
    return " – ".join(ends)


def fmt_signed(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    text = fmt_num(value, lang, decimals)
    return f"+{text}" if value is not None and text != "–" and float(value) > 0 else text


_TIME_LOCALES: dict[str, dict[str, Any]] = {
    "en": {
        "dateTime": "%x, %X",
        "date": "%Y-%m-%d",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"],
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec"],
    },
    "vi": {  # d3-time-format's vi-VN
        "dateTime": "%a, %e %b, %Y %H:%M",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
        "shortDays": ["CN", "Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7"],
        "months": ["Tháng một", "Tháng hai", "Tháng ba", "Tháng tư", "Tháng năm", "Tháng sáu",
                   "Tháng bảy", "Tháng tám", "Tháng chín", "Tháng mười", "Tháng mười một",
                   "Tháng mười hai"],
        "shortMonths": ["Th1", "Th2", "Th3", "Th4", "Th5", "Th6", "Th7", "Th8", "Th9", "Th10",
                        "Th11", "Th12"],
    },
    "ro": {  # d3 ships no Romanian time locale
        "dateTime": "%A, %e %B %Y, %H:%M",
        "date": "%d.%m.%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["duminică", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă"],
        "shortDays": ["dum.", "lun.", "mar.", "mie.", "joi", "vin.", "sâm."],
        "months": ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie",
                   "august", "septembrie", "octombrie", "noiembrie", "decembrie"],
        "shortMonths": ["ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.",
                        "oct.", "nov.", "dec."],
    },
}  # fmt: skip


def vega_locale(lang: str) -> dict[str, Any]:
    """A Vega locale so chart axes and tooltips use the UI language's separators and month
    names."""
    thousands, decimal = _SEPARATORS[normalise_lang(lang)]
    return {
        "number": {
            "decimal": decimal,
            "thousands": thousands,
            "grouping": [3],
            "currency": ["", ""],
        },
        "time": _TIME_LOCALES[normalise_lang(lang)],
    }
