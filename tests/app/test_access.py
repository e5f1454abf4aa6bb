"""Who may do what: local mode, team mode with an editor password, read-only share links."""

from __future__ import annotations

import time

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t
from journeylens.services import access as acc
from journeylens.services import ingest
from journeylens.storage import queries
from journeylens.storage.store import Store
from tests.conftest import shown

from .conftest import DEMO_WS, count, infos, no_problems, store_of, warnings

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


@pytest.fixture(autouse=True)
def fresh_throttle(monkeypatch):
    """Each test counts its own failed sign-ins (the throttle is per process)."""
    from journeylens.services import signin

    monkeypatch.setattr(signin, "THROTTLE", signin.Throttle())
    return signin


def test_sign_out_ends_the_session_for_good(team, app):
    at = _sign_in(app(), PASSWORD)
    assert count("SELECT count(*) FROM editor_sessions WHERE ended_at IS NULL") == 1
    at.button(key="sign_out").click().run()
    assert [x.value for x in at.title] == [t("access.sign_in")]
    assert count("SELECT count(*) FROM editor_sessions WHERE ended_at IS NULL") == 0
    at.run()  # a rerun of the same tab does not sign it back in
    assert [x.value for x in at.title] == [t("access.sign_in")]


def test_the_sign_in_reopens_the_link_it_interrupted(team, app):
    """The sign-in remembers the page and query string the link asked for and reopens them,
    whatever happened to the address meanwhile. (Streamlit kept them in every browser flow
    tried, see tests/e2e/test_access.py; AppTest keeps them between runs, so this test empties
    the address by hand, as a browser that lost it would.)"""
    at = app("funnel", window="7d", persona="Home mover")
    assert [x.value for x in at.title] == [t("access.sign_in")]
    at.query_params.clear()
    at.switch_page("pages/overview.py").run()  # on the default page, no query string
    assert [x.value for x in at.title] == [t("access.sign_in")]
    at = _sign_in(at, PASSWORD)
    no_problems(at)
    assert at.title[0].value == t("funnelpage.title")
    assert at.text_input(key="window").value == "7d"
    assert at.multiselect(key="persona").value == ["Home mover"]


def test_failed_sign_ins_are_throttled_per_client(team, app, monkeypatch, fresh_throttle):
    monkeypatch.setattr(fresh_throttle, "THROTTLE", fresh_throttle.Throttle(max_per_client=2))
    at = app()
    for _ in range(2):
        at = _sign_in(at, "guess")
        assert [e.value for e in at.error] == [t("access.wrong_password")]
    at = _sign_in(at, PASSWORD)  # the right password, but too late
    assert [e.value for e in at.error] == [t("access.throttled", minutes=15)]
    assert not at.metric
    assert count("SELECT count(*) FROM editor_sessions") == 0


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
    return [shown(i.value) for i in at.sidebar.info]


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


@pytest.fixture
def ui_forgets_to_hide(monkeypatch):
    """Pages that draw every editing control whoever looks, as a refactor that lost the UI's
    check would: a viewer's press must then be refused by the package itself."""
    from journeylens.ui.view import View

    monkeypatch.setattr(View, "shows_editing", property(lambda self: True))


def _tables() -> tuple[int, ...]:
    return tuple(
        count(f"SELECT count(*) FROM {table}")  # our own table names
        for table in ("responses", "events", "touchpoints", "datasets", "workspaces")
    ) + (
        count("SELECT sum(min_n) FROM workspaces"),
        count("SELECT count(*) FROM workspaces WHERE mask_pii"),
    )


def _press_delete_dataset(at):
    next(c for c in at.checkbox if c.form_id == "delete_dataset").check()
    return next(
        b
        for b in at.button
        if b.form_id == "delete_dataset" and b.label == t("data.delete_dataset")
    ).click()


def _press_delete_workspace(at):
    next(c for c in at.checkbox if c.form_id == "delete_workspace").check()
    return next(b for b in at.button if b.form_id == "delete_workspace").click()


def _press_demo_reset(at):
    return at.button(key="demo_reset").click()


def _press_settings_save(at):
    form = next(b for b in at.button if b.form_id and b.form_id.startswith("settings_"))
    next(n for n in at.number_input if n.label == t("settings.min_n")).set_value(3)
    next(c for c in at.checkbox if c.label == t("settings.mask_pii")).check()
    return form.click()


def _press_create_workspace(at):
    next(x for x in at.text_input if x.label == t("data.workspace_name")).input("Intruder")
    return next(b for b in at.button if b.label == t("data.workspace_create")).click()


UI_WRITERS = {
    "delete dataset": _press_delete_dataset,
    "delete workspace": _press_delete_workspace,
    "reinstall the demo": _press_demo_reset,
    "save settings": _press_settings_save,
    "create a workspace": _press_create_workspace,
}


@pytest.mark.parametrize("action", sorted(UI_WRITERS))
def test_viewer_press_is_refused_below_the_ui_and_nothing_changes(
    two_workspaces, app, ui_forgets_to_hide, action
):
    at = app("data", share=_link(two_workspaces, DEMO_WS))
    assert not at.exception
    before = _tables()
    UI_WRITERS[action](at).run()  # the control is drawn: this press reaches the package
    assert not at.exception
    assert t("access.denied") in [e.value for e in at.error]
    assert _tables() == before
    assert _badge(at) == [t("access.viewer_badge", workspace=DEMO_WS)]  # still a viewer


def test_viewer_journey_save_is_refused_below_the_ui(two_workspaces, app, ui_forgets_to_hide):
    at = app("journey", share=_link(two_workspaces, DEMO_WS))
    (editor,) = at.data_editor  # drawn for the viewer: the page "forgot" to hide it
    before = _tables(), count("SELECT sum(hash(touchpoint, stage, step_order)) FROM touchpoints")
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0]}
    at.button(key="journey_save").click().run()
    assert not at.exception
    assert t("access.denied") in [e.value for e in at.error]
    after = _tables(), count("SELECT sum(hash(touchpoint, stage, step_order)) FROM touchpoints")
    assert after == before


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


# --- the list of issued links -------------------------------------------------------------------


def _issue_many(db, n: int) -> list[tuple[str, str]]:
    """n links on the demo, oldest first: (note, token)."""
    out = []
    with Store(db) as store:
        ws = store.require_workspace(DEMO_WS)
        for i in range(n):
            note = f"person {i:02d}"
            out.append((note, acc.issue_link(store, acc.LOCAL, ws.workspace_id, 7, note)))
            with store.write(acc.LOCAL) as cur:  # distinct creation times: a stable order
                cur.execute(
                    "UPDATE share_links SET created_at = TIMESTAMP '2026-01-01' + to_minutes($m) "
                    "WHERE note = $note",
                    {"m": i, "note": note},
                )
    return out


def _listed(at) -> list[str]:
    return [x.value for x in at.sidebar.text]


def test_share_list_pages_through_every_link_and_revokes_them(db, app):
    links = _issue_many(db, 22)
    at = app()
    no_problems(at)
    assert t("share.links", n="22") in [c.value for c in at.sidebar.caption]
    assert _listed(at) == [f"person {i:02d}" for i in range(21, 11, -1)]  # newest first
    pager = next(n for n in at.sidebar.number_input if n.label == t("share.page", pages=3))
    pager.set_value(3).run()
    assert _listed(at) == ["person 01", "person 00"]  # the oldest can be reached

    oldest_id = str(acc.verify(links[0][1], acc.server_secret())["id"])
    at.button(key=f"revoke_{oldest_id}").click().run()
    no_problems(at)
    assert t("share.revoked", note="person 00") in [s.value for s in at.sidebar.success]
    assert count("SELECT count(*) FROM share_links WHERE revoked") == 1
    with pytest.raises(acc.InvalidLink, match="revoked"):
        acc.viewer_access(store_of(), links[0][1])

    next(c for c in at.sidebar.checkbox if c.form_id == "revoke_all").check()
    next(b for b in at.sidebar.button if b.form_id == "revoke_all").click().run()
    no_problems(at)
    assert t("share.revoked_all", n="21") in [s.value for s in at.sidebar.success]
    assert count("SELECT count(*) FROM share_links WHERE NOT revoked") == 0
    for _note, token in links:
        with pytest.raises(acc.InvalidLink, match="revoked"):
            acc.viewer_access(store_of(), token)


def test_share_list_shows_who_the_link_is_for_its_expiry_and_last_use(two_workspaces, app):
    (note, token), _ = _issue_many(two_workspaces, 2)
    assert count_links_used(two_workspaces) == 0
    viewer = app(share=token)  # a stakeholder opens the link
    no_problems(viewer)
    editor = _sign_in(app(), PASSWORD)
    no_problems(editor)
    assert _listed(editor) == ["person 01", note]
    details = [c.value for c in editor.sidebar.caption if c.value.startswith("expires ")]
    ws_id = store_of().require_workspace(DEMO_WS).workspace_id
    row = store_of().query(queries.share_list, workspace_id=ws_id, offset=0, limit=None)
    opened = row.set_index("note").loc[note, "last_used_at"]
    expires = row.set_index("note").loc[note, "expires_at"]
    assert details[1] == " · ".join(
        [
            t("share.expires", date=expires.strftime("%Y-%m-%d %H:%M")),
            t("share.last_used", when=opened.strftime("%Y-%m-%d %H:%M")),
            t("share.status.active"),
        ]
    )
    assert t("share.never_used") in details[0]


def count_links_used(db) -> int:
    with Store(db) as store:
        cur = store.cursor()
        try:
            return cur.execute(
                "SELECT count(*) FROM share_links WHERE last_used_at IS NOT NULL"
            ).fetchall()[0][0]
        finally:
            cur.close()
