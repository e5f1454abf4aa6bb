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

log = logging.getLogger("journeylens")


def message_for(exc: BaseException, t: Translator) -> str:
    if isinstance(exc, AccessDenied):
        return t(exc.key)
    for attr in ("text", "message"):  # IngestError / FunnelError carry their own translations
        text_of = getattr(exc, attr, None)
        if callable(text_of):
            return str(text_of(t.lang))
    if isinstance(exc, StoreError | ValueError):
        return str(exc)
    if isinstance(exc, duckdb.Error):
        return t("error.database", message=str(exc).splitlines()[0][:300])
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
