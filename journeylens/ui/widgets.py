"""Small drawing helpers shared by pages: charts, empty states, captions, downloads."""

from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from journeylens.ui.frame import View


def chart(obj: alt.TopLevelMixin, caption: str | None = None) -> None:
    """Charts carry the JourneyLens theme themselves; Streamlit must not restyle them."""
    st.altair_chart(obj, theme=None, width="stretch")
    if caption:
        st.caption(caption)


def notices(view: View) -> None:
    if view.notices.reset:
        st.warning(view.t("filter.reset_notice", names=", ".join(view.notices.reset)))


def needs_data(view: View) -> bool:
    """Draw the empty state and return True when there is nothing to show yet."""
    if view.workspace is None or not view.has_data():
        st.info(view.t("state.empty_workspace"), icon=":material/upload_file:")
        return True
    return False


def no_match(view: View, frame: Any) -> bool:
    if frame is None or len(frame) == 0:
        st.info(view.t("state.no_match"), icon=":material/filter_alt_off:")
        return True
    return False
