"""Who may do what: local mode, editors with a password, and signed read-only stakeholder links.

- No editor password configured: local single-user mode, everything allowed.
- A password configured (JOURNEYLENS_EDITOR_PASSWORD or `editor_password` in
  .streamlit/secrets.toml): editors sign in; everyone else needs a share link.
- A share link carries `base64url(payload).base64url(HMAC-SHA256(secret, payload))`, the payload
  naming one workspace, an expiry and a link id. The secret is created once in a file outside the
  database. Revoking a link marks its id in the database.

Rights are checked where the action happens (`Access.require_edit()` before every write), not only
by hiding buttons.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from journeylens import sql
from journeylens.store import ROOT, Store

PASSWORD_ENV = "JOURNEYLENS_EDITOR_PASSWORD"
SECRET_ENV = "JOURNEYLENS_SECRET_FILE"
DEFAULT_SECRET = ROOT / "data" / "journeylens.secret"
TOKEN_PARAM = "share"


class AccessDenied(PermissionError):
    """A viewer tried to change something; the message is a translation key."""

    def __init__(self, key: str = "access.denied") -> None:
        super().__init__(key)
        self.key = key


class InvalidLink(ValueError):
    pass


@dataclass(frozen=True)
class Access:
    role: str  # "editor" | "viewer" | "anonymous"
    workspace_id: int | None = None  # the only workspace a viewer may see
    link_id: str | None = None
    local: bool = False

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"

    def require_edit(self) -> None:
        if not self.can_edit:
            raise AccessDenied()

    def may_see(self, workspace_id: int) -> bool:
        if self.role == "editor":
            return True
        return self.role == "viewer" and workspace_id == self.workspace_id


LOCAL = Access(role="editor", local=True)


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


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(payload: dict[str, object], secret: bytes) -> str:
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    mac = hmac.new(secret, body, hashlib.sha256).digest()
    return f"{_b64(body)}.{_b64(mac)}"


def verify(token: str, secret: bytes, now: float | None = None) -> dict[str, object]:
    """The payload of a genuine, unexpired token; InvalidLink otherwise."""
    try:
        body_text, mac_text = token.strip().split(".", 1)
        body, mac = _unb64(body_text), _unb64(mac_text)
    except (ValueError, TypeError) as exc:
        raise InvalidLink("malformed") from exc
    expected = hmac.new(secret, body, hashlib.sha256).digest()
    if not hmac.compare_digest(mac, expected):
        raise InvalidLink("signature")
    try:
        payload = json.loads(body)
        expires = float(payload["exp"])
        int(payload["ws"])
        str(payload["id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidLink("malformed") from exc
    if (now if now is not None else time.time()) > expires:
        raise InvalidLink("expired")
    return payload


def issue_link(store: Store, access: Access, workspace_id: int, days: int, note: str = "") -> str:
    """A new read-only token for one workspace (editors only)."""
    access.require_edit()
    link_id = secrets.token_hex(8)
    expires = datetime.now() + timedelta(days=days)
    with store.write() as cur:
        sql.execute(
            cur,
            "share_insert",
            link_id=link_id,
            workspace_id=workspace_id,
            expires_at=expires,
            note=note,
        )
    payload = {"ws": workspace_id, "exp": int(expires.timestamp()), "id": link_id}
    return sign(payload, server_secret())


def revoke_link(store: Store, access: Access, link_id: str) -> None:
    access.require_edit()
    with store.write() as cur:
        sql.execute(cur, "share_revoke", link_id=link_id)


def links(store: Store, workspace_id: int):  # -> pd.DataFrame
    return store.query("share_list", workspace_id=workspace_id)


def viewer_access(store: Store, token: str, now: float | None = None) -> Access:
    payload = verify(token, server_secret(), now)
    rows = store.query("share_get", link_id=str(payload["id"]))
    if rows.empty or bool(rows.iloc[0]["revoked"]):
        raise InvalidLink("revoked")
    return Access(role="viewer", workspace_id=int(payload["ws"]), link_id=str(payload["id"]))


def password_matches(given: str, configured: str) -> bool:
    return hmac.compare_digest(given.encode(), configured.encode())
