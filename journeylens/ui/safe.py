"""The one way data- and URL-derived text reaches Streamlit's Markdown (see journeylens.domain.markup).

- `md(text)`: a plain string (a caption built from filter values, a workspace name) escaped.
- `msg(t, key, **params)`: a translated message whose values are escaped and whose own Markdown
  (the bold in "… workspace **{name}**") is kept.
- journeylens.ui.errors (message_for, hint_for) builds its error texts with these.

Plain-text elements need none of this (st.dataframe cells and headers, st.code, selectbox and
multiselect options, chart titles and tooltips, download file names): escaping them would show
the backslashes.
"""

from __future__ import annotations

from typing import Any

from journeylens.domain.markup import escape_markdown
from journeylens.i18n import Translator, t_fields


def md(text: object) -> str:
    return escape_markdown(text)


def msg(t: Translator, key: str, /, **params: Any) -> str:
    return t_fields(key, t.lang, escape_markdown, **params)
