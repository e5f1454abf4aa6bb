"""The KPI change: which two periods are compared, and whether their difference is more than
chance. Pure date and interval arithmetic, no queries."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.filters import Filters

COMPARE_MONTHS = 3


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def as_tuple(self) -> tuple[date, date]:
        return (self.start, self.end)


def _minus_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    m += 1
    return date(y, m, min(d.day, monthrange(y, m)[1]))


def as_date(value: object) -> date | None:
    """A date from what DuckDB returns for one (date, Timestamp, NaT or None)."""
    if value is None or value is pd.NaT:
        return None
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def comparison_periods(
    filters: Filters, first: date | None, last: date | None
) -> tuple[str, Period, Period] | None:
    """(mode, current, previous) for the KPI change, or None when there is nothing to compare.

    With a date range, the previous period is the same number of days just before it (an open
    end is closed with the first or last answer date). Without one, the last COMPARE_MONTHS
    months of data are compared with the COMPARE_MONTHS months before them (mode 'recent').
    """
    if filters.date_from or filters.date_to:
        start = filters.date_from or first
        end = filters.date_to or last
        if start is None or end is None or end < start:
            return None
        days = (end - start).days + 1
        prev_end = start - timedelta(days=1)
        return "range", Period(start, end), Period(prev_end - timedelta(days=days - 1), prev_end)
    if last is None:
        return None
    start = _minus_months(last, COMPARE_MONTHS) + timedelta(days=1)
    prev_end = start - timedelta(days=1)
    prev_start = _minus_months(start, COMPARE_MONTHS)
    return "recent", Period(start, last), Period(prev_start, prev_end)


def significant_change(cur: dict[str, Any], prev: dict[str, Any]) -> bool | None:
    """A two-sided z-test at 95% from the two intervals (their half-widths give the SEs)."""
    parts = (cur["value"], cur["low"], cur["high"], prev["value"], prev["low"], prev["high"])
    if any(p is None for p in parts):
        return None
    se_cur = (cur["high"] - cur["low"]) / (2 * metrics.Z95)
    se_prev = (prev["high"] - prev["low"]) / (2 * metrics.Z95)
    se = (se_cur**2 + se_prev**2) ** 0.5
    if se == 0:
        return cur["value"] != prev["value"]
    return abs(cur["value"] - prev["value"]) / se > metrics.Z95
