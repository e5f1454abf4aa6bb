"""Share tokens: signed, expiring, revocable, one workspace; viewers cannot write."""

import base64
from datetime import datetime

import pandas as pd
import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import access as acc


@pytest.fixture(autouse=True)
def secret_file(tmp_path, monkeypatch):
    monkeypatch.setenv(acc.SECRET_ENV, str(tmp_path / "server.secret"))


def test_secret_is_created_once_and_private(tmp_path):
    first = acc.server_secret()
    assert len(first) == 32
    assert acc.server_secret() == first
    assert (acc.secret_path().stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda tok: tok, None),
        (lambda tok: tok[:-2] + ("AA" if tok[-2:] != "AA" else "BB"), "signature"),
        (lambda tok: "x" + tok, "signature|malformed"),
        (lambda tok: "garbage", "malformed"),
        (lambda tok: tok.split(".")[0], "malformed"),
    ],
)
def test_verify(mutate, reason):
    secret = acc.server_secret()
    token = acc.sign({"ws": 3, "exp": 2_000_000_000, "id": "abc"}, secret)
    if reason is None:
        assert acc.verify(mutate(token), secret, now=1_900_000_000)["ws"] == 3
    else:
        with pytest.raises(acc.InvalidLink, match=reason):
            acc.verify(mutate(token), secret, now=1_900_000_000)


def test_a_token_signed_for_one_workspace_cannot_be_edited_to_another():
    secret = acc.server_secret()
    token = acc.sign({"ws": 3, "exp": 2_000_000_000, "id": "abc"}, secret)
    forged_body = acc._b64(b'{"exp":2000000000,"id":"abc","ws":4}')
    with pytest.raises(acc.InvalidLink):
        acc.verify(forged_body + "." + token.split(".")[1], secret, now=1)


def test_expiry_is_enforced():
    secret = acc.server_secret()
    token = acc.sign({"ws": 1, "exp": 1000, "id": "a"}, secret)
    assert acc.verify(token, secret, now=1000)
    with pytest.raises(acc.InvalidLink, match="expired"):
        acc.verify(token, secret, now=1001)


def test_issue_use_and_revoke(store):
    ws = store.ensure_workspace(LOCAL, "Bank")
    other = store.ensure_workspace(LOCAL, "Other")
    token = acc.issue_link(store, acc.LOCAL, ws.workspace_id, days=7, note="board")
    viewer = acc.viewer_access(store, token)
    assert viewer.role == "viewer" and viewer.may_see(ws.workspace_id)
    assert not viewer.may_see(other.workspace_id)
    with pytest.raises(acc.AccessDenied):
        viewer.require_edit()
    with pytest.raises(acc.AccessDenied):
        acc.issue_link(store, viewer, ws.workspace_id, days=7)
    links = acc.links(store, ws.workspace_id)
    assert list(links["note"]) == ["board"]
    acc.revoke_link(store, acc.LOCAL, viewer.link_id)
    with pytest.raises(acc.InvalidLink, match="revoked"):
        acc.viewer_access(store, token)


def test_password_check():
    assert acc.password_matches("s3cret", "s3cret")
    assert not acc.password_matches("s3cret ", "s3cret")


def _reencoded(tok: str) -> list[tuple[str, str]]:
    body, mac = tok.split(".")
    return [
        (tok + "!!", "junk after the signature"),
        (tok + "==", "padding"),
        (f"{body}==.{mac}", "padding inside"),
        (" " + tok, "leading space"),
        (tok + " ", "trailing space"),
        (tok + "\n", "trailing newline"),
        (f"{body}.{mac[:10]}!{mac[10:]}", "a character outside base64url"),
        (f"{body}..{mac}", "two dots"),
        (tok.replace("-", "+").replace("_", "/"), "standard base64 alphabet"),
        (f"{body}.{mac}.{mac}", "three parts"),
    ]


def test_tokens_are_parsed_strictly():
    """Only the exact text sign() produced opens a view: a lenient decoder would skip `!!`,
    strip `==` and spaces, and accept the same link in many spellings."""
    secret = acc.server_secret()
    token = acc.sign({"ws": 3, "exp": 2_000_000_000, "id": "abc"}, secret)
    assert acc.verify(token, secret, now=1)["ws"] == 3
    for variant, what in _reencoded(token):
        if variant == token:  # a token with neither "-" nor "_" has no standard-alphabet twin
            continue
        with pytest.raises(acc.InvalidLink, match="malformed"):
            acc.verify(variant, secret, now=1)
            pytest.fail(f"accepted with {what}")


def test_a_non_canonical_last_character_is_refused():
    """A 32-byte MAC is 43 base64url characters whose last one carries 2 unused bits: changing
    only those bits decodes to the same bytes, and must not make a second valid spelling."""
    secret = acc.server_secret()
    token = acc.sign({"ws": 3, "exp": 2_000_000_000, "id": "abc"}, secret)
    body, mac = token.split(".")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(mac[-1])
    sibling = alphabet[last ^ 1]  # differs in an unused low bit
    variant = f"{body}.{mac[:-1]}{sibling}"
    assert acc._b64(base64.urlsafe_b64decode(variant.split(".")[1] + "=")) == mac  # same bytes
    with pytest.raises(acc.InvalidLink, match="malformed"):
        acc.verify(variant, secret, now=1)


def test_every_link_is_listed_page_by_page_and_revoke_all_closes_them(store):
    """22 links: every one is on some page (not only the newest 20) and revoke_all closes all,
    the oldest included."""
    ws = store.ensure_workspace(LOCAL, "Bank")
    other = store.ensure_workspace(LOCAL, "Other")
    tokens = [acc.issue_link(store, LOCAL, ws.workspace_id, 7, f"person {i}") for i in range(22)]
    kept = acc.issue_link(store, LOCAL, other.workspace_id, 7, "other team")
    assert acc.link_count(store, ws.workspace_id) == 22
    pages = [acc.links(store, ws.workspace_id, offset=o, limit=10) for o in (0, 10, 20)]
    assert [len(p) for p in pages] == [10, 10, 2]
    notes = [n for p in pages for n in p["note"]]
    assert sorted(notes) == sorted(f"person {i}" for i in range(22))
    assert set(pages[2]["status"]) == {"active"}
    assert acc.revoke_all(store, LOCAL, ws.workspace_id) == 22
    for token in tokens:
        with pytest.raises(acc.InvalidLink, match="revoked"):
            acc.viewer_access(store, token)
    assert acc.viewer_access(store, kept).workspace_id == other.workspace_id  # other workspace
    assert set(acc.links(store, ws.workspace_id)["status"]) == {"revoked"}
    assert acc.revoke_all(store, LOCAL, ws.workspace_id) == 0


def test_links_show_note_expiry_last_use_and_status(store):
    ws = store.ensure_workspace(LOCAL, "Bank")
    token = acc.issue_link(store, LOCAL, ws.workspace_id, 30, "  board meeting  ")
    acc.issue_link(store, LOCAL, ws.workspace_id, 1, "")
    row = acc.links(store, ws.workspace_id).set_index("note").loc["board meeting"]
    assert pd.isna(row["last_used_at"])
    assert row["status"] == "active"
    days = (row["expires_at"] - pd.Timestamp.now()).total_seconds() / 86400
    assert 29.9 < days <= 30
    when = datetime(2026, 3, 4, 5, 6, 7)
    acc.record_use(store, acc.viewer_access(store, token), now=when)
    row = acc.links(store, ws.workspace_id).set_index("note").loc["board meeting"]
    assert row["last_used_at"] == pd.Timestamp(when)


def test_an_expired_link_is_listed_as_expired(store):
    ws = store.ensure_workspace(LOCAL, "Bank")
    acc.issue_link(store, LOCAL, ws.workspace_id, 1, "old")
    with store.write(LOCAL) as cur:
        cur.execute("UPDATE share_links SET expires_at = TIMESTAMP '2020-01-01'")
    assert list(acc.links(store, ws.workspace_id)["status"]) == ["expired"]


@pytest.mark.parametrize("days", [0, 91, -1])
def test_link_lifetime_is_bounded(store, days):
    ws = store.ensure_workspace(LOCAL, "Bank")
    with pytest.raises(ValueError):
        acc.issue_link(store, LOCAL, ws.workspace_id, days)
    assert acc.link_count(store, ws.workspace_id) == 0
