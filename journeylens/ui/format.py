"""Formatting of durations and percentages for tables, in the UI language."""

from __future__ import annotations

from journeylens.i18n import Translator


def duration(t: Translator, seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "–"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return t(f"duration.{unit}", v=t.num(seconds / size, 1))
    return t("duration.s", v=t.num(seconds, 0))


def percent(t: Translator, fraction: float | None, decimals: int = 1) -> str:
    if fraction is None or fraction != fraction:
        return "–"
    return t.num(100 * fraction, decimals) + "%"
