"""The calendar periods of the alerts: the last complete period, baselines, labels."""

from __future__ import annotations

from datetime import date

import pytest

from journeylens.services.insights import periods


@pytest.mark.parametrize(
    ("last_day", "grain", "current", "previous", "year_ago"),
    [
        (date(2026, 10, 31), "month", date(2026, 10, 1), date(2026, 9, 1), date(2025, 10, 1)),
        (date(2026, 10, 30), "month", date(2026, 9, 1), date(2026, 8, 1), date(2025, 9, 1)),
        (date(2026, 1, 31), "month", date(2026, 1, 1), date(2025, 12, 1), date(2025, 1, 1)),
        (date(2024, 2, 29), "month", date(2024, 2, 1), date(2024, 1, 1), date(2023, 2, 1)),
        (date(2026, 11, 1), "week", date(2026, 10, 26), date(2026, 10, 19), date(2025, 10, 27)),
        (date(2026, 10, 31), "week", date(2026, 10, 19), date(2026, 10, 12), date(2025, 10, 20)),
    ],
)
def test_last_complete_period_and_baselines(last_day, grain, current, previous, year_ago):
    start = periods.last_complete(last_day, grain)
    assert start == current
    assert periods.baseline_start(start, grain, "previous") == previous
    assert periods.baseline_start(start, grain, "year") == year_ago


def test_period_labels():
    assert periods.label(date(2026, 10, 1), "month") == "2026-10"
    assert periods.label(date(2026, 10, 19), "week") == "2026-W43"
    assert periods.period_end(date(2024, 2, 1), "month") == date(2024, 2, 29)
