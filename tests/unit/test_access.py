"""Share tokens: signed, expiring, revocable, one workspace; viewers cannot write."""

import pytest

from journeylens import access as acc
from journeylens.permissions import LOCAL


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
