"""A page of verbatims, drawn the same way on the Comments and Heatmap pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from journeylens.ui import tables
from journeylens.ui.view import View

COLUMNS = (
    "submitted_at",
    "touchpoint",
    "persona",
    "segment",
    "channel",
    "nps",
    "csat",
    "ces",
    "comment",
)


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
    tables.dataframe(
        shown,
        lang=t.lang,
        hide_index=True,
        column_config={t("ccol.comment"): st.column_config.TextColumn(width="large")},
    )
