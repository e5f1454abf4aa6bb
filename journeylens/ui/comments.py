"""A page of verbatims, drawn the same way on the Comments and Heatmap pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from journeylens.ui import tables
from journeylens.ui.view import View

# The comment comes right after its date, then the scores it explains: at 1,440 px the table
# shows about 950 px, and a comment in the last column was cut to its first words.
COLUMNS = (
    "submitted_at",
    "comment",
    "nps",
    "csat",
    "ces",
    "touchpoint",
    "persona",
    "segment",
    "channel",
)
# Rows tall enough for three lines, so a long comment wraps in its (large, 400 px) column; the
# browser wraps text only in rows taller than 4rem. Pages of short comments keep one-line rows.
WRAPPED_ROW_PX = 72
WRAPPED_ROWS_SHOWN = 8  # the table's height with wrapped rows, then it scrolls
ONE_LINE_CHARS = 55  # about what 400 px hold


def row_height(page: pd.DataFrame) -> int | None:
    if "comment" not in page.columns or page.empty:
        return None
    longest = page["comment"].dropna().astype(str).str.len().max()
    return WRAPPED_ROW_PX if longest == longest and longest > ONE_LINE_CHARS else None


def comments_table(view: View, page: pd.DataFrame) -> None:
    t = view.t
    shown = page[[c for c in COLUMNS if c in page.columns]].rename(
        columns={
            "submitted_at": t("ccol.date"),
            "touchpoint": t("ccol.touchpoint"),
            "persona": t("ccol.persona"),
            "segment": t("ccol.segment"),
            "channel": t("ccol.channel"),
            "nps": t("ccol.nps"),
            "csat": t("ccol.csat"),
            "ces": t("ccol.ces"),
            "comment": t("ccol.comment"),
        }
    )
    rows = row_height(page)
    tables.dataframe(
        shown,
        lang=t.lang,
        hide_index=True,
        row_height=rows,
        height=36 + rows * min(len(page), WRAPPED_ROWS_SHOWN) if rows else "auto",
        column_config={t("ccol.comment"): st.column_config.TextColumn(width="large")},
    )
