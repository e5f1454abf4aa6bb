"""Turn exceptions into a message a manager can act on: what went wrong, then what to do about
it; never a traceback.

Every user-facing error derives from journeylens.domain.errors.JourneyLensError and carries its message
key, values and hint key; both are read from the catalogue in the UI language. DuckDB's own
errors get a message and a hint by kind (out of memory: narrow the filters; I/O, such as a
lock: try again), anything else a generic message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import RerunException, StopException

from journeylens.domain.errors import JourneyLensError
from journeylens.i18n import Translator
from journeylens.ui import safe

log = logging.getLogger("journeylens")


def message_for(exc: BaseException, t: Translator) -> str:
    """The message for exc in the UI language, as Markdown for st.error: the values it quotes
    (a file name, a cell, the text of a URL parameter) are escaped, never rendered."""
    if isinstance(exc, JourneyLensError):
        return safe.msg(t, exc.key, **exc.params_in(t.lang))
    if isinstance(exc, ValueError):  # e.g. journey.save's count of problems
        return safe.md(exc)
    if isinstance(exc, duckdb.Error):
        return safe.msg(t, "error.database", message=str(exc).splitlines()[0][:300])
    return t("error.generic", message=type(exc).__name__)


def hint_for(exc: BaseException, t: Translator) -> str | None:
    """What to do about exc, as Markdown, or None when its message says it already."""
    if isinstance(exc, JourneyLensError):
        return safe.msg(t, exc.hint_key, **exc.params_in(t.lang)) if exc.hint_key else None
    if isinstance(exc, ValueError):
        return None
    if isinstance(exc, duckdb.OutOfMemoryException):
        return t("error.hint.memory")
    if isinstance(exc, duckdb.IOException):  # a lock held for a moment, a full disk
        return t("error.hint.try_again")
    return t("error.hint.report")


def show_error(
    exc: BaseException, t: Translator, *, icon: str | None = None, box: Any = st
) -> None:
    """The error box with the message, and the hint below it (a caption, so the box says only
    what went wrong)."""
    box.error(message_for(exc, t), icon=icon)
    hint = hint_for(exc, t)
    if hint:
        box.caption(f":material/lightbulb: {hint}")


@contextmanager
def shown_as_message(t: Translator) -> Iterator[None]:
    """Run a block; if it fails, show a clear error box instead of Streamlit's traceback."""
    try:
        yield
    except (RerunException, StopException):
        raise
    except Exception as exc:  # noqa: BLE001 - the user must never see a raw traceback
        log.exception("error while rendering a view")
        show_error(exc, t, icon=":material/error:")
