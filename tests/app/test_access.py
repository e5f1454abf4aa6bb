"""Who may do what: local mode, team mode with an editor password, read-only share links."""

from __future__ import annotations

import time

import pytest

from journeylens import access as acc
from journeylens import ingest
from journeylens.i18n import t
from journeylens.permissions import LOCAL
from journeylens.store import Store

from .conftest import DEMO_WS, count, infos, no_problems, warnings

PASSWORD = "correct horse battery staple"


def _buttons(at) -> list[str]:
    return [b.label for b in at.button] + [b.label for b in at.get("form_submit_button")]


# --- local mode ---------------------------------------------------------------------------------


def test_local_mode_can_create_a_workspace(db, app):
    at = app("data")
    box = next(x for x in at.text_input if x.label == t("data.workspace_name"))
    box.input("Second journey")
    next(b for b in at.button if b.label == t("data.workspace_create")).click().run()
    no_problems(at)
    assert t("data.workspace_created", name="Second journey") in [s.value for s in at.success]
    assert "Second journey" in at.selectbox(key="ws").options
    assert at.selectbox(key="ws").value == "Second journey"  # selected for the next upload


def test_local_mode_can_delete_a_dataset(db, app):
    at = app("data")
    assert count("SELECT count(*) FROM responses") > 0
    chooser = next(s for s in at.selectbox if s.label == t("data.delete_dataset"))
    responses_id = count("SELECT dataset_id FROM datasets WHERE kind = 'responses'")
    chooser.set_value(responses_id)
    next(c for c in at.checkbox if c.form_id == "delete_dataset").check()
    next(
        b
        for b in at.button
        if b.form_id == "delete_dataset" and b.label == t("data.delete_dataset")
    ).click().run()
    no_problems(at)
    assert t("data.deleted", id=responses_id) in [s.value for s in at.success]
    assert count("SELECT count(*) FROM responses") == 0
    assert count("SELECT count(*) FROM events") > 0  # exactly that dataset's rows


def test_local_mode_edits_the_journey(db, app):
    at = app("journey")
    assert len(at.data_editor) == 1
    assert t("journeypage.save") in _buttons(at)


def test_local_mode_needs_no_sign_in(db, app):
    at = app()
    no_problems(at)
    assert at.title[0].value == t("overview.title")
    assert t("access.sign_in") not in [x.value for x in at.title]
    assert not [c for c in at.sidebar.caption if c.value == t("access.editor_badge")]


# --- team mode ----------------------------------------------------------------------------------


@pytest.fixture
def team(db, monkeypatch):
    monkeypatch.setenv(acc.PASSWORD_ENV, PASSWORD)
    return db


@pytest.mark.parametrize("page", ["overview", "data", "journey"])
def test_team_mode_shows_only_the_sign_in_form(team, app, page):
    at = app(page)
    no_problems(at)
    assert [x.value for x in at.title] == [t("access.sign_in")]
    assert [x.label for x in at.text_input] == [t("access.password")]
    assert not at.metric
    assert not at.file_uploader
    assert not at.data_editor
    assert not at.get("vega_lite_chart")
    assert not at.multiselect  # no filters either
    assert [s.label for s in at.selectbox] == [t("sidebar.language")]


def _sign_in(at, password: str):
    at.text_input[0].input(password)
    next(b for b in at.button if b.label == t("access.sign_in_button")).click()
    return at.run()


def test_team_mode_wrong_password(team, app):
    at = _sign_in(app(), "guess")
    assert not at.exception
    assert [e.value for e in at.error] == [t("access.wrong_password")]
    assert [x.value for x in at.title] == [t("access.sign_in")]
    assert not at.metric


def test_team_mode_right_password_opens_the_app(team, app):
    at = _sign_in(app(), PASSWORD)
    no_problems(at)
    assert at.title[0].value == t("overview.title")
    assert len(at.metric) == 3
    assert t("access.editor_badge") in [c.value for c in at.sidebar.caption]
    at.switch_page("pages/data.py").run()
    no_problems(at)
    assert len(at.file_uploader) == 1
    # Sign out: back to the form.
    at.button(key="sign_out").click().run()
    assert [x.value for x in at.title] == [t("access.sign_in")]


# --- viewers ------------------------------------------------------------------------------------


@pytest.fixture
def two_workspaces(team):
    """The demo plus a second workspace with 2 answers of its own."""
    with Store(team) as store:
        other = store.ensure_workspace(LOCAL, "Other team")
        payload = (
            b"Date,Touchpoint,NPS,Comment\n"
            b"2026-01-05,Secret step,10,only for the other team\n"
            b"2026-01-06,Secret step,0,x\n"
        )
        prepared = ingest.prepare(payload, "other.csv", store=store)
        mapping = {"submitted_at": "Date", "touchpoint": "Touchpoint", "nps": "NPS"}
        ingest.load(store, LOCAL, other, prepared, mapping | {"comment": "Comment"}, "responses")
    return team


def _link(db, workspace: str, days: int = 7) -> str:
    with Store(db) as store:
        ws = store.require_workspace(workspace)
        return acc.issue_link(store, acc.LOCAL, ws.workspace_id, days, "for the board")


def _badge(at) -> list[str]:
    return [i.value for i in at.sidebar.info]


def test_viewer_sees_one_workspace_read_only(two_workspaces, app):
    token = _link(two_workspaces, DEMO_WS)
    at = app(share=token)
    no_problems(at)
    assert _badge(at) == [t("access.viewer_badge", workspace=DEMO_WS)]
    assert at.selectbox(key="ws").options == [DEMO_WS]
    assert len(at.metric) == 3
    assert not [b for b in at.button if b.key == "share_create"]  # cannot issue links
    # Filters still work for a viewer.
    at = app(share=token, persona="Home mover")
    assert at.multiselect(key="persona").value == ["Home mover"]


def test_viewer_data_page_has_no_uploader(two_workspaces, app):
    at = app("data", share=_link(two_workspaces, DEMO_WS))
    no_problems(at)
    assert not at.file_uploader
    assert t("access.denied") in infos(at)
    assert t("data.workspace_create") not in _buttons(at)
    assert t("data.delete_workspace") not in _buttons(at)
    assert t("data.demo_reset") not in _buttons(at)


def test_viewer_sees_no_delete_dataset_button(two_workspaces, app):
    at = app("data", share=_link(two_workspaces, DEMO_WS))
    assert t("data.delete_dataset") not in _buttons(at)


def test_viewer_delete_is_refused_and_nothing_is_lost(two_workspaces, app):
    at = app("data", share=_link(two_workspaces, DEMO_WS))
    before = count("SELECT count(*) FROM responses")
    forms = [b for b in at.button if b.form_id == "delete_dataset"]
    if not forms:  # the button is hidden: nothing a viewer can press
        return
    next(c for c in at.checkbox if c.form_id == "delete_dataset").check()
    forms[0].click().run()
    assert not at.exception
    assert t("access.denied") in [e.value for e in at.error]
    assert count("SELECT count(*) FROM responses") == before


def test_viewer_journey_definition_is_a_read_only_table(two_workspaces, app):
    at = app("journey", share=_link(two_workspaces, DEMO_WS))
    no_problems(at)
    assert not at.data_editor
    assert t("journeypage.save") not in _buttons(at)
    tables = [d.value for d in at.dataframe if d.editing_mode == "read_only"]
    assert any(len(x) == 13 and "touchpoint" in x.columns for x in tables)
    assert t("access.denied") in [c.value for c in at.main.caption]


def test_viewer_cannot_reach_another_workspace_through_the_url(two_workspaces, app):
    token = _link(two_workspaces, DEMO_WS)
    at = app(share=token, ws="Other team", q="other team")
    no_problems(at)
    assert at.selectbox(key="ws").value == DEMO_WS
    assert warnings(at) == [t("filter.reset_notice", names="ws")]
    assert at.metric[0].value != "0.0"  # the demo's NPS, not the other team's
    at.switch_page("pages/comments.py").run()
    no_problems(at)
    assert at.selectbox(key="ws").value == DEMO_WS
    assert t("commentspage.none") in infos(at)  # the other team's comment is not found
    assert all("only for the other team" not in str(d.value) for d in at.dataframe)


def test_viewer_of_the_small_workspace_sees_only_its_numbers(two_workspaces, app):
    at = app(share=_link(two_workspaces, "Other team"), ws=DEMO_WS)
    no_problems(at)
    assert at.selectbox(key="ws").options == ["Other team"]
    assert _badge(at) == [t("access.viewer_badge", workspace="Other team")]
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("metric.nps")] == "0.0"  # one promoter, one detractor: not the demo's NPS
    assert any(c.value.startswith("n = 2 ·") for c in at.main.caption)


def test_viewer_link_survives_a_page_switch(two_workspaces, app):
    token = _link(two_workspaces, DEMO_WS)
    at = app(share=token)
    at.switch_page("pages/data.py").run()
    assert at.query_params.get("share") == token
    assert not at.file_uploader
    assert _badge(at) == [t("access.viewer_badge", workspace=DEMO_WS)]


# --- bad links ----------------------------------------------------------------------------------


def _tampered(token: str) -> str:
    body, mac = token.split(".")
    return body + "." + ("A" if mac[0] != "A" else "B") + mac[1:]


def _expired(db) -> str:
    token = _link(db, DEMO_WS)
    payload = acc.verify(token, acc.server_secret())
    payload["exp"] = int(time.time()) - 60
    return acc.sign(payload, acc.server_secret())


def _revoked(db) -> str:
    token = _link(db, DEMO_WS)
    link_id = str(acc.verify(token, acc.server_secret())["id"])
    with Store(db) as store:
        acc.revoke_link(store, acc.LOCAL, link_id)
    return token


def _forged(db) -> str:
    """The payload of a real link pointed at another workspace, signed without the server secret."""
    token = _link(db, DEMO_WS)
    payload = acc.verify(token, acc.server_secret())
    return acc.sign(dict(payload, ws=int(payload["ws"]) + 1), b"\x00" * 32)


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda db: _tampered(_link(db, DEMO_WS)), id="tampered-signature"),
        pytest.param(_forged, id="forged-payload"),
        pytest.param(_expired, id="expired"),
        pytest.param(_revoked, id="revoked"),
        pytest.param(lambda db: "not-a-token", id="garbage"),
    ],
)
@pytest.mark.parametrize("page", ["overview", "data"])
def test_bad_link_is_refused(two_workspaces, app, make_token, page):
    token = make_token(two_workspaces)
    at = app(page, share=token)
    assert not at.exception
    assert [x.value for x in at.title] == [t("access.invalid_title")]
    assert [e.value for e in at.error] == [t("access.invalid_body")]
    assert not at.metric
    assert not at.file_uploader
    assert not at.multiselect
    assert not [s for s in at.selectbox if s.key == "ws"]
