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


# --- Comparing two calendar periods (the overview's and the heatmap's period control) ----------

# "none" keeps today's views; the others compare the period that holds the data's last date with
# the one before it. "This" is the last answer date in the filtered data, never the wall clock.
PERIOD_MODES = ("none", "month", "quarter", "days30")


def _month_end(d: date) -> date:
    return date(d.year, d.month, monthrange(d.year, d.month)[1])


def _same_day_months_before(d: date, months: int) -> date:
    """d moved back `months` months: the same day, clipped to that month's length (30 March ->
    29 February 2024); the last day of a month goes to the last day of that month (30 April ->
    31 March), so a whole month is compared with a whole month."""
    if d == _month_end(d):
        return _month_end(_minus_months(d, months))
    return _minus_months(d, months)


def compare_periods(mode: str, last: date | None) -> tuple[Period, Period] | None:
    """(current, previous) for a period mode, anchored on `last` (the filtered data's last
    answer date), or None for "none" or no dated answers.

    - month: the month of `last` up to `last`, vs the same days of the month before;
    - quarter: the quarter of `last` up to `last`, vs the same days of that quarter a year before;
    - days30: the 30 days ending on `last`, vs the 30 days before them.
    "The same days" ends on the same day of the month (clipped to the shorter month), or on the
    month's last day when `last` is one: a complete period is compared with a complete period.
    """
    if last is None or mode not in PERIOD_MODES or mode == "none":
        return None
    if mode == "month":
        start = last.replace(day=1)
        return Period(start, last), Period(
            _minus_months(start, 1), _same_day_months_before(last, 1)
        )
    if mode == "quarter":
        start = date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
        return Period(start, last), Period(
            _minus_months(start, 12), _same_day_months_before(last, 12)
        )
    return (
        Period(last - timedelta(days=29), last),
        Period(last - timedelta(days=59), last - timedelta(days=30)),
    )


def kpi_changes(
    now: dict[str, Any], before: dict[str, Any], names: tuple[str, ...] = ("nps", "csat", "ces")
) -> dict[str, dict[str, Any]]:
    """The change of each KPI between two kpis() results (one per period, each under its own
    dates): {metric: {value, low, high, n (the current period's), previous, previous_n, change,
    significant (significant_change of the two 95% intervals; None without both values)}}."""
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        cur, prev = now[name], before[name]
        change = (
            cur["value"] - prev["value"]
            if cur["value"] is not None and prev["value"] is not None
            else None
        )
        out[name] = {
            "value": cur["value"],
            "low": cur["low"],
            "high": cur["high"],
            "n": cur["n"],
            "previous": prev["value"],
            "previous_n": prev["n"],
            "change": change,
            "significant": significant_change(cur, prev) if change is not None else None,
        }
    return out


def cell_changes(now: pd.DataFrame, before: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The change of each heatmap cell (dashboards.heatmap of the current and of the previous
    period): one row per touchpoint x column found in either, with position, column_position,
    value (current), previous, change (current - previous, NaN unless both have answers), n and
    previous_n, reliable (both periods have at least min_n answers) and significant
    (significant_change of the two 95% intervals, only for reliable cells)."""
    keys = ["touchpoint", "column"]
    cols = [*keys, "position", "column_position", "value", "low", "high", "n"]
    empty = pd.DataFrame(columns=cols)
    a = now[cols] if len(now) else empty
    b = before[cols] if len(before) else empty
    a = a.assign(column=a["column"].astype(str))
    b = b.assign(column=b["column"].astype(str))
    df = a.merge(b, on=keys, how="outer", suffixes=("", "_prev"))
    for col in ("position", "column_position"):
        df[col] = df[col].combine_first(df[f"{col}_prev"])
    df["n"] = df["n"].fillna(0).astype("int64")
    df["previous_n"] = df["n_prev"].fillna(0).astype("int64")
    value = pd.to_numeric(df["value"], errors="coerce")
    previous = pd.to_numeric(df["value_prev"], errors="coerce")
    df["value"], df["previous"] = value, previous
    df["change"] = value - previous
    df["reliable"] = (df["n"] >= min_n) & (df["previous_n"] >= min_n)

    def test(row: pd.Series) -> bool:
        if not row["reliable"] or pd.isna(row["change"]):
            return False
        cur = {k: metrics.finite(row[k]) for k in ("value", "low", "high")}
        prev = {k: metrics.finite(row[f"{k}_prev"]) for k in ("value", "low", "high")}
        return bool(significant_change(cur, prev))

    df["significant"] = [test(r) for _, r in df.iterrows()] if len(df) else []
    df["significant"] = df["significant"].astype(bool)
    out = df[
        ["position", "touchpoint", "column", "column_position", "value", "previous", "change",
         "n", "previous_n", "reliable", "significant"]
    ]  # fmt: skip
    return out.sort_values(["position", "column_position"]).reset_index(drop=True)
