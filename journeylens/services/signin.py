"""Editor sign-in for team mode: throttled password checks and sessions that outlive a tab.

- `sign_in()` checks the password through a `Throttle`: after too many failures from one client
  (per client) or from everyone together (overall) within the window, every attempt is refused
  without looking at the password until the oldest failure ages out, so guessing cannot go on
  at full speed, and each failure and each refusal is logged.
- A successful sign-in starts a session: a row in `editor_sessions` and a cookie value
  `base64url(payload).base64url(HMAC)` naming it, signed with a key derived from the server
  secret (so a share token is never a session token, nor the reverse) and expiring after
  JOURNEYLENS_SESSION_HOURS. Only an id that is in the table, not ended and not expired lets
  its holder in; signing out ends it, so a copied cookie stops working at once.
- The browser gets the cookie as an HttpOnly cookie from an HTTP route (journeylens.ui.session):
  the script hands it a one-time `ticket()`, exchanged once within a minute, so the cookie value
  never passes through page JavaScript.

Nothing here imports streamlit; the throttle and the tickets live in this process's memory.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from journeylens.domain.errors import JourneyLensError
from journeylens.domain.permissions import Access, require
from journeylens.services import access as acc
from journeylens.storage import queries
from journeylens.storage.store import Store

log = logging.getLogger("journeylens.services.signin")

COOKIE = "journeylens_session"
SESSION_HOURS_ENV = "JOURNEYLENS_SESSION_HOURS"
MAX_FAILURES_ENV = "JOURNEYLENS_SIGNIN_MAX_FAILURES"
MAX_FAILURES_TOTAL_ENV = "JOURNEYLENS_SIGNIN_MAX_FAILURES_TOTAL"
WINDOW_ENV = "JOURNEYLENS_SIGNIN_WINDOW_MINUTES"
DEFAULT_SESSION_HOURS = 12.0
DEFAULT_MAX_FAILURES = 5
DEFAULT_MAX_FAILURES_TOTAL = 50
DEFAULT_WINDOW_MINUTES = 15.0
TICKET_SECONDS = 60.0
_SESSION_CONTEXT = b"journeylens editor session v1"


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        log.warning("%s=%r is not a number; using %s", name, raw, default)
        return default
    return value if value > 0 else default


def session_seconds() -> int:
    return int(_env_number(SESSION_HOURS_ENV, DEFAULT_SESSION_HOURS) * 3600)


class SignInRefused(JourneyLensError):
    """A sign-in that did not succeed. `key` and `params` make the message (i18n), which says what
    to do (type the password again, or wait so many minutes)."""


@dataclass
class Throttle:
    """Failed sign-ins per client and overall, in a sliding window."""

    max_per_client: int = DEFAULT_MAX_FAILURES
    max_total: int = DEFAULT_MAX_FAILURES_TOTAL
    window_seconds: float = DEFAULT_WINDOW_MINUTES * 60
    clock: Callable[[], float] = time.monotonic
    _by_client: dict[str, deque[float]] = field(default_factory=dict)
    _all: deque[float] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_env(cls) -> Throttle:
        return cls(
            max_per_client=int(_env_number(MAX_FAILURES_ENV, DEFAULT_MAX_FAILURES)),
            max_total=int(_env_number(MAX_FAILURES_TOTAL_ENV, DEFAULT_MAX_FAILURES_TOTAL)),
            window_seconds=_env_number(WINDOW_ENV, DEFAULT_WINDOW_MINUTES) * 60,
        )

    def _expire(self, now: float) -> None:
        cutoff = now - self.window_seconds
        while self._all and self._all[0] <= cutoff:
            self._all.popleft()
        for client in list(self._by_client):
            times = self._by_client[client]
            while times and times[0] <= cutoff:
                times.popleft()
            if not times:
                del self._by_client[client]

    def wait(self, client: str) -> float:
        """Seconds until `client` may try again (0: now)."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            waits = [0.0]
            mine = self._by_client.get(client)
            if mine and len(mine) >= self.max_per_client:
                waits.append(mine[-self.max_per_client] + self.window_seconds - now)
            if len(self._all) >= self.max_total:
                waits.append(self._all[-self.max_total] + self.window_seconds - now)
            return max(waits)

    def failed(self, client: str) -> tuple[int, int]:
        """Count a failure; returns (this client's, everyone's) failures in the window."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            self._by_client.setdefault(client, deque()).append(now)
            self._all.append(now)
            return len(self._by_client[client]), len(self._all)

    def succeeded(self, client: str) -> None:
        """A right password clears that client's own count (not the overall one)."""
        with self._lock:
            self._by_client.pop(client, None)


THROTTLE = Throttle.from_env()


def _session_key() -> bytes:
    return hmac.new(acc.server_secret(), _SESSION_CONTEXT, hashlib.sha256).digest()


def sign_in(
    store: Store,
    given: str,
    configured: str,
    client: str,
    *,
    throttle: Throttle | None = None,
) -> tuple[Access, str]:
    """Check the password for `client` (throttled, logged); start a session.

    Returns the editor's access and the session cookie value; SignInRefused otherwise
    (`access.wrong_password`, or `access.throttled` with the minutes to wait).
    """
    throttle = throttle or THROTTLE
    wait = throttle.wait(client)
    if wait > 0:
        log.warning("sign-in refused for client %s: throttled for %.0f s more", client, wait)
        raise SignInRefused("access.throttled", minutes=max(1, int(-(-wait // 60))))
    if not acc.password_matches(given, configured):
        mine, total = throttle.failed(client)
        log.warning(
            "failed editor sign-in from client %s (%d from it, %d overall in the last %.0f min)",
            client,
            mine,
            total,
            throttle.window_seconds / 60,
        )
        raise SignInRefused("access.wrong_password")
    throttle.succeeded(client)
    session_id = secrets.token_hex(16)
    editor = Access(role="editor", session_id=session_id)
    seconds = session_seconds()
    expires = datetime.now() + timedelta(seconds=seconds)
    with store.write(editor, "session.start") as cur:
        queries.session_insert(cur, session_id=session_id, expires_at=expires, client=client[:200])
    log.info("editor signed in from client %s (session %s…)", client, session_id[:8])
    payload = {"sid": session_id, "exp": int(time.time()) + seconds}
    return editor, acc.sign(payload, _session_key())


def session_access(store: Store, cookie: str | None, now: float | None = None) -> Access | None:
    """The editor a session cookie (or a session id kept by the tab) stands for, or None."""
    if not cookie:
        return None
    try:
        payload = acc.verify_signed(cookie, _session_key(), now)
        session_id = str(payload["sid"])
    except (acc.InvalidLink, KeyError):
        return None
    return session_by_id(store, session_id)


def session_by_id(store: Store, session_id: str | None) -> Access | None:
    """The editor of a live session (in the table, not ended, not expired), or None."""
    if not session_id:
        return None
    rows = store.query(queries.session_get, session_id=session_id, now=datetime.now())
    if rows.empty:
        return None
    return Access(role="editor", session_id=session_id)


def end_session(store: Store, access: Access) -> None:
    """Sign out: the session (and any copy of its cookie) stops working now."""
    require(access, "session.end")
    if access.session_id is None:
        return
    with store.write(access, "session.end") as cur:
        queries.session_end(cur, session_id=access.session_id, now=datetime.now())
    log.info("editor signed out (session %s…)", access.session_id[:8])


# --- one-time tickets: the script's hand-over of a cookie to the HTTP route ----------------------

_tickets: dict[str, tuple[str, float]] = {}
_tickets_lock = threading.Lock()


def ticket(cookie: str, clock: Callable[[], float] = time.monotonic) -> str:
    """A one-time, short-lived ticket that the route exchanges for `cookie`."""
    value = secrets.token_urlsafe(32)
    with _tickets_lock:
        now = clock()
        for key in [k for k, (_c, until) in _tickets.items() if until < now]:
            del _tickets[key]
        _tickets[value] = (cookie, now + TICKET_SECONDS)
    return value


def redeem(value: str, clock: Callable[[], float] = time.monotonic) -> str | None:
    """The cookie a ticket stands for, once; None for an unknown, used or stale ticket."""
    with _tickets_lock:
        found = _tickets.pop(value, None)
    if found is None or found[1] < clock():
        return None
    return found[0]
