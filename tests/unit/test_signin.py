"""Editor sign-in: the throttle (per client and overall), sessions that outlive a tab and end on
sign-out, and the one-time tickets that hand a session cookie to the browser."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest

from journeylens.domain.permissions import LOCAL, Access
from journeylens.services import access as acc
from journeylens.services import signin

PASSWORD = "correct horse"


@pytest.fixture(autouse=True)
def _secret(tmp_path, monkeypatch):
    monkeypatch.setenv(acc.SECRET_ENV, str(tmp_path / "secret"))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def throttle(clock: Clock, per_client: int = 3, total: int = 5) -> signin.Throttle:
    return signin.Throttle(
        max_per_client=per_client, max_total=total, window_seconds=600, clock=clock
    )


def attempt(store, th, client: str, password: str) -> str:
    """'ok', 'wrong' or 'throttled'."""
    try:
        signin.sign_in(store, password, PASSWORD, client, throttle=th)
    except signin.SignInRefused as exc:
        return {"access.wrong_password": "wrong", "access.throttled": "throttled"}[exc.key]
    return "ok"


def test_a_client_is_throttled_after_its_failures_even_with_the_right_password(store, clock):
    th = throttle(clock)
    assert [attempt(store, th, "10.0.0.1", "guess") for _ in range(3)] == ["wrong"] * 3
    # the right password is not even checked while the client is throttled
    assert attempt(store, th, "10.0.0.1", PASSWORD) == "throttled"
    assert attempt(store, th, "10.0.0.2", PASSWORD) == "ok"  # other clients are not affected
    clock.now += 599
    assert attempt(store, th, "10.0.0.1", PASSWORD) == "throttled"
    clock.now += 2  # the oldest failure has left the 10-minute window
    assert attempt(store, th, "10.0.0.1", PASSWORD) == "ok"


def test_the_wait_is_said_in_minutes(store, clock):
    th = throttle(clock, per_client=1)
    attempt(store, th, "a", "guess")
    clock.now += 30
    with pytest.raises(signin.SignInRefused) as refused:
        signin.sign_in(store, PASSWORD, PASSWORD, "a", throttle=th)
    assert refused.value.params == {"minutes": 10}  # 570 s, rounded up
    assert th.wait("a") == pytest.approx(570)


def test_failures_from_many_clients_throttle_everyone(store, clock):
    """An attacker spreading guesses over addresses still meets the overall limit."""
    th = throttle(clock, per_client=3, total=5)
    outcomes = [attempt(store, th, f"10.0.0.{i}", "guess") for i in range(5)]
    assert outcomes == ["wrong"] * 5
    assert attempt(store, th, "192.168.1.9", PASSWORD) == "throttled"  # a new client too
    clock.now += 601
    assert attempt(store, th, "192.168.1.9", PASSWORD) == "ok"


def test_a_right_password_clears_only_that_clients_count(store, clock):
    th = throttle(clock, per_client=3, total=100)
    attempt(store, th, "a", "guess")
    attempt(store, th, "a", "guess")
    assert attempt(store, th, "a", PASSWORD) == "ok"
    assert [attempt(store, th, "a", "guess") for _ in range(3)] == ["wrong"] * 3
    assert attempt(store, th, "a", PASSWORD) == "throttled"


def test_failures_and_refusals_are_logged(store, clock, caplog):
    th = throttle(clock, per_client=1)
    with caplog.at_level(logging.WARNING, logger="journeylens.services.signin"):
        attempt(store, th, "10.1.2.3", "guess")
        attempt(store, th, "10.1.2.3", PASSWORD)
    messages = [r.getMessage() for r in caplog.records]
    assert any("failed editor sign-in from client 10.1.2.3" in m for m in messages), messages
    assert any("refused for client 10.1.2.3: throttled" in m for m in messages), messages
    assert not any(PASSWORD in m or "guess" in m for m in messages)  # never the passwords


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(signin.MAX_FAILURES_ENV, "2")
    monkeypatch.setenv(signin.MAX_FAILURES_TOTAL_ENV, "7")
    monkeypatch.setenv(signin.WINDOW_ENV, "3")
    monkeypatch.setenv(signin.SESSION_HOURS_ENV, "0.5")
    th = signin.Throttle.from_env()
    assert (th.max_per_client, th.max_total, th.window_seconds) == (2, 7, 180)
    assert signin.session_seconds() == 1800
    monkeypatch.setenv(signin.SESSION_HOURS_ENV, "soon")
    assert signin.session_seconds() == 12 * 3600  # a bad value falls back, with a warning


def test_a_session_cookie_opens_until_sign_out(store):
    editor, cookie = signin.sign_in(store, PASSWORD, PASSWORD, "a", throttle=signin.Throttle())
    assert editor.can_edit and editor.session_id
    again = signin.session_access(store, cookie)
    assert again == Access(role="editor", session_id=editor.session_id)
    signin.end_session(store, again)
    assert signin.session_access(store, cookie) is None  # a copy of the cookie stops too
    assert signin.session_by_id(store, editor.session_id) is None


def test_a_session_expires(store, monkeypatch):
    monkeypatch.setenv(signin.SESSION_HOURS_ENV, "1")
    _editor, cookie = signin.sign_in(store, PASSWORD, PASSWORD, "a", throttle=signin.Throttle())
    later = (datetime.now() + timedelta(hours=1, minutes=1)).timestamp()
    assert signin.session_access(store, cookie, now=later) is None  # the signed expiry
    with store.write(LOCAL) as cur:  # and the stored one, on its own
        cur.execute("UPDATE editor_sessions SET expires_at = TIMESTAMP '2020-01-01'")
    assert signin.session_access(store, cookie) is None


def test_forged_and_borrowed_cookies_open_nothing(store):
    _editor, cookie = signin.sign_in(store, PASSWORD, PASSWORD, "a", throttle=signin.Throttle())
    body, mac = cookie.split(".")
    ws = store.ensure_workspace(LOCAL, "Bank")
    share = acc.issue_link(store, LOCAL, ws.workspace_id, 7)
    for bad in (
        body + "." + ("A" if mac[0] != "A" else "B") + mac[1:],  # tampered
        share,  # a share token is not a session (another key)
        acc.sign({"sid": "0" * 32, "exp": 2_000_000_000}, acc.server_secret()),
        acc.sign({"sid": "0" * 32, "exp": 2_000_000_000}, signin._session_key()),  # no such row
        cookie + " ",
        "",
        None,
    ):
        assert signin.session_access(store, bad) is None, bad
    with pytest.raises(acc.InvalidLink):
        acc.viewer_access(store, cookie)  # nor is a session cookie a share link


def test_a_viewer_cannot_end_an_editors_session(store):
    editor, cookie = signin.sign_in(store, PASSWORD, PASSWORD, "a", throttle=signin.Throttle())
    with pytest.raises(acc.AccessDenied):
        signin.end_session(store, Access(role="viewer", session_id=editor.session_id))
    assert signin.session_access(store, cookie) is not None


def test_a_ticket_is_redeemed_once_and_expires(clock):
    first = signin.ticket("cookie-1", clock=clock)
    assert signin.redeem(first, clock=clock) == "cookie-1"
    assert signin.redeem(first, clock=clock) is None  # used
    stale = signin.ticket("cookie-2", clock=clock)
    clock.now += signin.TICKET_SECONDS + 1
    assert signin.redeem(stale, clock=clock) is None
    assert signin.redeem("made-up", clock=clock) is None
