"""Who may change what: the `Access` every writer of the package takes, and the one rule.

Every function that writes to the database takes the caller's `Access` as a required argument
and calls `require()` before it does anything, and `Store.write()` (the only way to open a write
transaction) checks it again. The UI only hides what a user may not do; a page, a CLI path or a
refactor that forgets the UI check is still refused here. The CLI and local mode pass `LOCAL`.

This module imports only the error base (journeylens.domain.errors, which needs only the catalogue), so
store.py (which everything else builds on) can use it; journeylens.services.access re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeylens.domain.errors import JourneyLensError

# What a read-only viewer may still write: the last-use time of the link it came with (the share
# list shows it), nothing else. Every other action needs an editor.
VIEWER_ACTIONS = frozenset({"share.record_use"})


class AccessDenied(JourneyLensError, PermissionError):
    """A viewer (or nobody) tried to change something. `key` is the i18n key of the message shown
    to the user; `action` names what was refused, for the log (which is what str() gives)."""

    hint_key = "error.hint.access"

    def __init__(self, key: str = "access.denied", action: str = "") -> None:
        super().__init__(key)
        self.action = action

    def __str__(self) -> str:
        return f"{self.key} ({self.action})" if self.action else self.key


@dataclass(frozen=True)
class Access:
    role: str  # "editor" | "viewer" | "anonymous"
    workspace_id: int | None = None  # the only workspace a viewer may see
    link_id: str | None = None  # the share link a viewer came with
    local: bool = False  # local single-user mode (or the CLI): no sign-in exists
    session_id: str | None = None  # a signed-in editor's session (ended by signing out)

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"

    def require_edit(self, action: str = "") -> None:
        if not self.can_edit:
            raise AccessDenied(action=action)

    def may_see(self, workspace_id: int) -> bool:
        if self.role == "editor":
            return True
        return self.role == "viewer" and workspace_id == self.workspace_id


LOCAL = Access(role="editor", local=True)


def require(access: object, action: str) -> Access:
    """Refuse `action` unless `access` allows it; returns the access for chaining.

    Anything but an `Access` is a programming error (a caller that was not updated, or arguments
    shifted by one), said as such rather than taken as a refusal.
    """
    if not isinstance(access, Access):
        raise TypeError(f"{action}: expected the caller's Access, got {type(access).__name__}")
    if access.can_edit:
        return access
    if access.role == "viewer" and action in VIEWER_ACTIONS:
        return access
    raise AccessDenied(action=action)
