"""Message catalogues (en, vi, ro) and number formatting for the UI language.

Messages live in `catalog_*.py` modules beside this file, one per area of the app, each a dict
`MESSAGES = {key: (english, vietnamese, romanian)}`. Keys must be unique across modules.
"""

from __future__ import annotations

import importlib
import pkgutil
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


class Translator:
    """t() bound to one language, handy to pass into charts and pages."""

    def __init__(self, lang: str) -> None:
        self.lang = normalise_lang(lang)

    def __call__(self, key: str, /, **kwargs: Any) -> str:
        return t(key, self.lang, **kwargs)

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
    thousands, decimal = _SEPARATORS[normalise_lang(lang)]
    text = f"{f:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


def fmt_signed(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    text = fmt_num(value, lang, decimals)
    return f"+{text}" if value is not None and text != "–" and float(value) > 0 else text


def vega_locale(lang: str) -> dict[str, Any]:
    """A Vega format locale so chart axes and tooltips use the UI language's separators."""
    thousands, decimal = _SEPARATORS[normalise_lang(lang)]
    return {
        "number": {
            "decimal": decimal,
            "thousands": thousands,
            "grouping": [3],
            "currency": ["", ""],
        }
    }
