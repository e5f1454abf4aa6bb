"""The calendar periods alerts compare: week or month starts and ends, shifts, the last complete
period of the data, and their labels."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta


def period_start(d: date, grain: str) -> date:
    return d.replace(day=1) if grain == "month" else d - timedelta(days=d.weekday())


def period_end(start: date, grain: str) -> date:
    if grain == "month":
        return start.replace(day=monthrange(start.year, start.month)[1])
    return start + timedelta(days=6)


def shift(start: date, grain: str, n: int) -> date:
    """The period n periods after (n < 0: before) the one starting on start."""
    if grain == "week":
        return start + timedelta(days=7 * n)
    y, m = divmod(start.year * 12 + start.month - 1 + n, 12)
    return date(y, m + 1, 1)


def last_complete(last_day: date, grain: str) -> date:
    """The start of the latest period whose last day the data reaches."""
    start = period_start(last_day, grain)
    return start if period_end(start, grain) <= last_day else shift(start, grain, -1)


def baseline_start(current: date, grain: str, compare: str) -> date:
    if compare == "previous":
        return shift(current, grain, -1)
    return shift(current, grain, -12 if grain == "month" else -52)


def label(start: date, grain: str) -> str:
    """2026-10 for a month, 2026-W43 (ISO week) for a week."""
    if grain == "month":
        return f"{start.year:04d}-{start.month:02d}"
    iso = start.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"
