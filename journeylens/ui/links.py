"""Hand-written links: a code in the URL (`lang=vi`, `metric=csat`) becomes the visible label.

A widget bound to the URL (`bind="query-params"`) writes and reads its *visible label* there
(`lang=Tiếng Việt`, `metric=CSAT %`). Streamlit seeds the widget from the URL of the session's
first run and drops a value that is not one of the labels, so a link typed with a code would open
the right view once and then lose the code from the address bar: a copy of that link opens the
default view. Before the widget is first drawn, the code is swapped for its label in the URL and
the run starts again, so the widget is seeded from its own label and keeps it in the URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException


def adopt_code(
    key: str,
    code: str | list[str],
    label: str | list[str],
    navigate: Callable[[], Any] | None = None,
) -> None:
    """Replace `key=code` in the URL by `key=label` and rerun (before the widget under key exists).

    A rerun keeps the page only once st.navigation has run in this run: code that runs before
    the app's navigation (the sidebar) passes `navigate`, which declares the pages first.
    Once the widget is bound (a later run of the same session) the URL is the widget's to change:
    the code then only sets the widget's value, as before.
    """
    try:
        st.query_params[key] = label
    except StreamlitAPIException:  # already bound: the widget owns the parameter
        if key not in st.session_state:
            st.session_state[key] = code
        return
    if navigate is not None:
        navigate()
    st.rerun()
