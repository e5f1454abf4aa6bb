"""The one base of the errors a user can act on: what went wrong, then what to do about it.

Every user-facing error of the package derives from `JourneyLensError`: `key` is the i18n key of
the message, `params` the values it quotes (a file name, a touchpoint, a number), `hint_key` the
key of what to do next, or None when the message already says it. journeylens.ui.errors shows
both from the catalogue in the UI language, with the values escaped; `str()` is the English
message, for the CLI and the log. Errors that are bugs rather than something a user can fix
(sql.QueryError: a malformed query file) stay plain exceptions and show as a generic error.

It imports only the catalogue, so the bottom layer (store, permissions) can raise these too.
"""

from __future__ import annotations

from typing import Any

from journeylens.i18n import DEFAULT_LANG, t


class JourneyLensError(Exception):
    """A message key with its values, and the key of the hint (class default, or per error)."""

    hint_key: str | None = None

    def __init__(self, key: str, /, *, hint_key: str | None = None, **params: Any) -> None:
        self.key = key
        self.params: dict[str, Any] = params
        if hint_key is not None:
            self.hint_key = hint_key
        super().__init__(self.text(DEFAULT_LANG))

    def params_in(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The values as a reader of `lang` sees them: a subclass whose values are internal names
        (a field such as `submitted_at`) gives their words here."""
        return self.params

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """What went wrong, in `lang`."""
        return t(self.key, lang, **self.params_in(lang))

    def hint(self, lang: str = DEFAULT_LANG) -> str | None:
        """What to do about it, in `lang` (None: the message says it)."""
        return t(self.hint_key, lang, **self.params_in(lang)) if self.hint_key else None


class InsightError(JourneyLensError, ValueError):
    """Bad insight input (a page's setting or a link's parameter): ``key`` and ``params`` give the
    message in any UI language."""

    hint_key = "error.hint.settings"
