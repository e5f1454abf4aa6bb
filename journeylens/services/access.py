"""Who may do what: local mode, editors with a password, and signed read-only stakeholder links.

- No editor password configured: local single-user mode, everything allowed.
- A password configured (JOURNEYLENS_EDITOR_PASSWORD or `editor_password` in
  .streamlit/secrets.toml): editors sign in (journeylens.services.signin); everyone else needs a share link.
- A share link carries `base64url(payload).base64url(HMAC-SHA256(secret, payload))`, the payload
  naming one workspace, an expiry and a link id. The secret is created once in a file outside the
  database. Revoking a link marks its id in the database. Tokens are parsed strictly: only the
  exact text this module signs is accepted, not a re-encoding of it.

Rights are checked where the action happens: every writer takes the caller's `Access`
(journeylens.domain.permissions, re-exported here) and refuses a viewer, whatever the UI showed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import time
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

from journeylens.domain.errors import JourneyLensError
from journeylens.domain.permissions import LOCAL, Access, AccessDenied, require
from journeylens.storage import queries
from journeylens.storage.store import ROOT, Store

__all__ = [
    "LOCAL",
    "Access",
    "AccessDenied",
    "InvalidLink",
    "issue_link",
    "link_count",
    "links",
    "record_use",
    "revoke_all",
    "revoke_link",
    "sign",
    "verify",
    "verify_signed",
    "viewer_access",
]

PASSWORD_ENV = "JOURNEYLENS_EDITOR_PASSWORD"
SECRET_ENV = "JOURNEYLENS_SECRET_FILE"
DEFAULT_SECRET = ROOT / "data" / "journeylens.secret"
TOKEN_PARAM = "share"


class InvalidLink(JourneyLensError, ValueError):
    """A share link (or session cookie) that is malformed, forged, expired or revoked. The user is
    shown access.invalid_body, which says what to do; `reason` is for the log (and is str())."""

    def __init__(self, reason: str) -> None:
        super().__init__("access.invalid_body")
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def secret_path() -> Path:
    return Path(os.environ.get(SECRET_ENV) or DEFAULT_SECRET)


def server_secret(path: Path | None = None) -> bytes:
    """Created once with 256 random bits; kept in a file only the server user can read."""
    path = path or secret_path()
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(value)
    return value


MAX_DAYS = 90
MAX_NOTE = 200
# The exact shape sign() produces: two unpadded base64url parts joined by one dot, nothing else.
_TOKEN = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """Strict: the alphabet only, no padding, and canonical (re-encoding gives the same text, so
    a part whose unused low bits were changed is refused too)."""
    if len(text) % 4 == 1:
        raise ValueError("impossible base64 length")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except binascii.Error as exc:
        raise ValueError(str(exc)) from exc
    if _b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


def sign(payload: dict[str, object], secret: bytes) -> str:
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    mac = hmac.new(secret, body, hashlib.sha256).digest()
    return f"{_b64(body)}.{_b64(mac)}"


def verify_signed(token: str, key: bytes, now: float | None = None) -> dict[str, object]:
    """The payload of a genuine, unexpired token signed with `key`; InvalidLink otherwise.

    Only the exact text sign() produced is accepted: no surrounding spaces, no padding, no
    characters outside base64url (a lenient decoder would skip `!!` and strip `==`).
    """
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise InvalidLink("malformed")
    body_text, mac_text = token.split(".")
    try:
        body, mac = _unb64(body_text), _unb64(mac_text)
    except ValueError as exc:
        raise InvalidLink("malformed") from exc
    expected = hmac.new(key, body, hashlib.sha256).digest()
    if not hmac.compare_digest(mac, expected):
        raise InvalidLink("signature")
    try:
        payload = json.loads(body)
        expires = float(payload["exp"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidLink("malformed") from exc
    if not isinstance(payload, dict):
        raise InvalidLink("malformed")
    if (now if now is not None else time.time()) > expires:
        raise InvalidLink("expired")
    return payload


def verify(token: str, secret: bytes, now: float | None = None) -> dict[str, object]:
    """The payload of a genuine, unexpired share token; InvalidLink otherwise."""
    payload = verify_signed(token, secret, now)
    try:
        int(payload["ws"])  # type: ignore[call-overload]
        str(payload["id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidLink("malformed") from exc
    return payload


def issue_link(store: Store, access: Access, workspace_id: int, days: int, note: str = "") -> str:
    """A new read-only token for one workspace (editors only), valid 1 to 90 days."""
    require(access, "share.issue")
    if not 1 <= int(days) <= MAX_DAYS:
        raise ValueError(f"A share link is valid for 1 to {MAX_DAYS} days, not {days}.")
    note = (note or "").strip()[:MAX_NOTE]
    link_id = secrets.token_hex(8)
    expires = datetime.now() + timedelta(days=int(days))
    with store.write(access, "share.issue") as cur:
        queries.share_insert(
            cur, link_id=link_id, workspace_id=workspace_id, expires_at=expires, note=note
        )
    payload = {"ws": workspace_id, "exp": int(expires.timestamp()), "id": link_id}
    return sign(payload, server_secret())


def revoke_link(store: Store, access: Access, link_id: str) -> None:
    require(access, "share.revoke")
    with store.write(access, "share.revoke") as cur:
        queries.share_revoke(cur, link_id=link_id)


def revoke_all(store: Store, access: Access, workspace_id: int) -> int:
    """Revoke every link of a workspace not revoked yet; returns how many that was."""
    require(access, "share.revoke")
    with store.write(access, "share.revoke") as cur:
        revoked = queries.share_revoke_all(cur, workspace_id=workspace_id)
    return len(revoked)


def record_use(store: Store, access: Access, now: datetime | None = None) -> None:
    """Note that a viewer opened the app with its link (the share list shows the last use).

    The one write a viewer may make, and only to the link it came with.
    """
    require(access, "share.record_use")
    if access.link_id is None:
        return
    with store.write(access, "share.record_use") as cur:
        queries.share_touch(cur, link_id=access.link_id, now=now or datetime.now())


def link_count(store: Store, workspace_id: int) -> int:
    return int(store.query(queries.share_count, workspace_id=workspace_id).iloc[0, 0])


def links(
    store: Store, workspace_id: int, *, offset: int = 0, limit: int | None = None
) -> pd.DataFrame:
    """The workspace's links, newest first, with their note, expiry, last use and a status
    (active / expired / revoked); `offset` and `limit` page through them."""
    df = store.query(queries.share_list, workspace_id=workspace_id, offset=int(offset), limit=limit)
    now = pd.Timestamp(datetime.now())
    df["status"] = [
        "revoked" if revoked else ("expired" if expires < now else "active")
        for revoked, expires in zip(df["revoked"], df["expires_at"], strict=True)
    ]
    return df


def viewer_access(store: Store, token: str, now: float | None = None) -> Access:
    payload = verify(token, server_secret(), now)
    rows = store.query(queries.share_get, link_id=str(payload["id"]))
    if rows.empty or bool(rows.iloc[0]["revoked"]):
        raise InvalidLink("revoked")
    if int(rows.iloc[0]["workspace_id"]) != int(payload["ws"]):
        raise InvalidLink("signature")
    return Access(role="viewer", workspace_id=int(payload["ws"]), link_id=str(payload["id"]))


def password_matches(given: str, configured: str) -> bool:
    return hmac.compare_digest(given.encode(), configured.encode())
