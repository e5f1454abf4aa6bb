"""View state ⇄ URL query parameters.

Widgets bind themselves to the URL (`bind="query-params"`), using the keys below as parameter
names, so a copied URL reproduces the view. This module holds the key names and the checks that turn
stale or malformed values from an old link into defaults plus a visible notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

# Global (sidebar) keys
LANG = "lang"
WORKSPACE = "ws"
DATE_RANGE = "dates"
PERSONA = "persona"
SEGMENT = "segment"
CHANNEL = "channel"
STAGE = "stage"
EXTRA = "col"  # the extra columns of the user's files: repeated column=value choices
# Page controls. Each page has its own keys: two widgets of different pages sharing one
# parameter would hand each other values they cannot show.
METRIC = "metric"  # heatmap
BREAKDOWN = "by"  # heatmap columns
TREND_METRIC = "trend"  # overview
GRAIN = "grain"
KPI_PERIODS = "kperiods"  # overview: compare this month / quarter / 30 days with the one before
HEAT_PERIODS = "hperiods"  # heatmap: the same, as a heatmap of the change
SPLIT = "split"  # funnel breakdown
FUNNEL_GRAIN = "fgrain"  # funnel: conversion by week or month
LINES = "lines"  # emotion curve mode
VERSUS = "vs"  # journey map: second persona
JOURNEY_PERSONA = "jp"
JOURNEY_LANES = "lanes"  # journey map: the lanes shown, in order
EXCLUDE_STEPS = "ex_steps"
STEPS = "steps"
WINDOW = "window"
STRICT = "strict"
EXCLUDE = "exclude"
SEARCH = "q"
TOUCHPOINT = "tp"
PAGE_NO = "page_no"
COMPARE = "compare"
CELL = "cell"
# paths, attribution and comment themes pages
PATH_VIEW = "pview"
PATH_FROM = "pfrom"
PATH_STEPS = "psteps"
PATH_TOP = "ptop"
PATH_REPEATS = "prep"
ATTR_SOURCE = "asrc"
ATTR_CONVERSION = "aconv"
ATTR_HALF_LIFE = "ahalf"
ATTR_UNIT = "aunit"
THEME_TOUCHPOINT = "ttp"
THEME_BY = "tby"

GLOBAL_KEYS = (LANG, WORKSPACE, DATE_RANGE, PERSONA, SEGMENT, CHANNEL, STAGE, EXTRA)


# Controls a link set that were dropped on the rerun that adopted the rest (widgets.check_param):
# reported by the next run's notices.
RESET_PENDING = "_jl_reset_pending"


@dataclass
class Notices:
    """Names of URL parameters whose values were not usable and fell back to defaults."""

    reset: list[str] = field(default_factory=list)

    def add(self, name: str) -> None:
        if name not in self.reset:
            self.reset.append(name)


def as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def check_choice(
    url: Mapping[str, str | list[str]], key: str, options: Iterable[str], notices: Notices
) -> None:
    """Note a parameter with a value (any of its values) that is not among the current options."""
    values = as_list(url.get(key))
    allowed = set(options)
    if values and any(v not in allowed for v in values if v != ""):
        notices.add(key)


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None


def check_dates(
    url: Mapping[str, str | list[str]],
    notices: Notices,
    first: date | None = None,
    last: date | None = None,
) -> None:
    """Malformed dates, or dates outside the data, are replaced by the full range: say so."""
    values = [v for v in as_list(url.get(DATE_RANGE)) if v]
    parsed = [parse_date(v) for v in values]
    if (
        any(p is None for p in parsed)
        or first
        and last
        and any(p < first or p > last for p in parsed if p)
    ):
        notices.add(DATE_RANGE)
