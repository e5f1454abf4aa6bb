"""Tables as a reader in any language sees them: missing values as a dash, headers in words.

Streamlit draws a missing cell as the English word "None" and a column under its DataFrame name;
every st.dataframe of the app goes through `dataframe` so neither reaches the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

MISSING = "–"  # the same mark fmt_num gives a missing number


def dataframe(data: Any, *, labels: Mapping[str, str] | None = None, **kwargs: Any) -> Any:
    """st.dataframe with missing cells drawn as a dash and, given `labels` (column -> header),
    the headers in the UI language; an explicit column_config for a column wins over its label."""
    if labels:
        config: dict[str, Any] = dict(labels)
        config.update(kwargs.pop("column_config", None) or {})
        kwargs["column_config"] = config
    kwargs.setdefault("placeholder", MISSING)
    return st.dataframe(data, **kwargs)
