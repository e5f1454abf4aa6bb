"""Turn exceptions into a message a manager can act on; never show a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import RerunException, StopException

from journeylens.access import AccessDenied
from journeylens.i18n import Translator
from journeylens.store import StoreError
from journeylens.ui import safe

log = logging.getLogger("journeylens")


def message_for(exc: BaseException, t: Translator) -> str:
    """The message for exc in the UI language, as Markdown for st.error: the values it quotes
    (a file name, a cell, the text of a URL parameter) are escaped, never rendered."""
    if isinstance(exc, AccessDenied):
        return t(exc.key)
    # IngestError (code, params) and FunnelError (key, kwargs) carry their message and values
    code, params = getattr(exc, "code", None), getattr(exc, "params", None)
    if isinstance(code, str) and isinstance(params, dict):
        return safe.msg(t, f"ingest.{code}", **params)
    key, kwargs = getattr(exc, "key", None), getattr(exc, "kwargs", None)
    if isinstance(key, str) and isinstance(kwargs, dict):
        return safe.msg(t, key, **kwargs)
    for attr in ("text", "message"):  # other errors with their own translations
        text_of = getattr(exc, attr, None)
        if callable(text_of):
            return safe.md(text_of(t.lang))
    if isinstance(exc, StoreError | ValueError):
        return safe.md(exc)
    if isinstance(exc, duckdb.Error):
        return safe.msg(t, "error.database", message=str(exc).splitlines()[0][:300])
    return t("error.generic", message=type(exc).__name__)


@contextmanager
def shown_as_message(t: Translator) -> Iterator[None]:
    """Run a block; if it fails, show a clear error box instead of Streamlit's traceback."""
    try:
        yield
    except (RerunException, StopException):
        raise
    except Exception as exc:  # noqa: BLE001 - the user must never see a raw traceback
        log.exception("error while rendering a view")
        st.error(message_for(exc, t), icon=":material/error:")
