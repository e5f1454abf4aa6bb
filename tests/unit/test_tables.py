"""journeylens.ui.tables.styled: every cell written as the UI language writes it."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from journeylens.ui.tables import MISSING, styled


def _cells(frame: pd.DataFrame, lang: str, plain=()) -> list[list[str]]:
    st = styled(frame, lang, plain)
    return [
        [cell["display_value"] for cell in row[1:]] for row in st._translate(False, False)["body"]
    ]


def test_numbers_dates_and_gaps_per_language():
    frame = pd.DataFrame(
        {
            "count": [16451, 7],
            "score": [8.0, None],
            "share": [1234.5, 0.25],
            "id": [12345, 2],
            "when": [datetime(2026, 10, 31, 11, 37, 15), None],
            "name": ["a", None],
        }
    )
    assert _cells(frame, "en", plain=["id"]) == [
        ["16,451", "8", "1,234.50", "12345", "2026-10-31 11:37:15", "a"],
        ["7", MISSING, "0.25", "2", MISSING, MISSING],
    ]
    assert _cells(frame, "vi", plain=["id"])[0] == [
        "16.451", "8", "1.234,50", "12345", "31/10/2026 11:37:15", "a"
    ]  # fmt: skip


def test_other_data_is_left_as_it_is():
    assert styled([1, 2], "en") == [1, 2]
    empty = pd.DataFrame()
    assert styled(empty, "en") is empty
