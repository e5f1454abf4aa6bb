"""A table a manager edits in the browser (the journey definition, the personas): what a blank
cell is, the cleaning every such table gets before it is checked, and one checking problem."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Problem:
    """One validation problem: the (1-based) table row, the column and an i18n key."""

    row: int
    column: str
    key: str


def blank(value: object) -> bool:
    return (
        value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""
    )


def clean(df: pd.DataFrame, columns: Sequence[str], text: Sequence[str]) -> pd.DataFrame:
    """Trim the text columns, drop fully empty rows (the editor's spare line), keep `columns`."""
    out = df.reindex(columns=list(columns)).copy()
    for col in text:
        out[col] = [None if blank(v) else str(v).strip() for v in out[col]]
    keep = [not all(blank(v) for v in row) for row in out.itertuples(index=False)]
    return out[keep].reset_index(drop=True)
