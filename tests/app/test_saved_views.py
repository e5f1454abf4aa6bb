"""Saved views in the sidebar: an editor saves the heatmap with a metric chosen, a new session
lists it as a link holding the page and its query string; a share-link viewer sees the list but
no save form. In en, vi and ro."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import LANG_NAMES, fmt_date, t
from journeylens.services import access as acc
from journeylens.services import views
from journeylens.storage.store import Store
from tests.conftest import shown

from .conftest import DEMO_WS, no_problems

LANGS = ("en", "vi", "ro")
SAVED_AT = datetime(2026, 3, 1, 9, 30)


def _links(at) -> list:
    return [p for p in at.sidebar.get("page_link") if p.proto.page == "heatmap"]


def _save_form_inputs(at, lang):
    return [x for x in at.sidebar.text_input if x.label == t("views16.name", lang)]


def _save(at, lang, name, description, who):
    # what the browser sends with the press: its address, which the bound widgets keep up to date
    # (AppTest does not play the browser's part and sends only the query string it is given)
    at.query_params.clear()
    at.query_params.update({"lang": LANG_NAMES[lang], "metric": t("metric.ces", lang)})
    (box,) = _save_form_inputs(at, lang)
    box.input(name)
    next(x for x in at.sidebar.text_area if x.label == t("views16.description", lang)).input(
        description
    )
    next(x for x in at.sidebar.text_input if x.label == t("views16.who", lang)).input(who)
    submit = next(
        b for b in at.sidebar.get("form_submit_button") if b.label == t("views16.submit", lang)
    )
    submit.click()
    return at.run()


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_heatmap_view_is_listed_in_a_new_session(db, app, lang):
    name = {"en": "CES by persona", "vi": "CES theo chân dung", "ro": "CES pe persoane"}[lang]
    at = app("heatmap", lang=LANG_NAMES[lang], metric=t("metric.ces", lang))
    no_problems(at)
    assert t("views16.title", lang) in [h.value for h in at.sidebar.subheader]
    assert at.segmented_control(key="metric").value == "ces"
    at = _save(at, lang, name, "Effort, for the board", "Ana")
    no_problems(at)
    assert t("views16.saved", lang, name=name) in [shown(s.value) for s in at.sidebar.success]
    # the same name again updates the view, asking nothing
    at = _save(at, lang, name, "Effort, for the board", "Ana")
    assert t("views16.updated", lang, name=name) in [shown(s.value) for s in at.sidebar.success]

    fresh = app(lang=LANG_NAMES[lang])  # a new session, on the overview
    no_problems(fresh)
    (link,) = _links(fresh)
    assert shown(link.value) == name
    assert shown(link.proto.help) == "Effort, for the board"
    params = parse_qs(link.proto.query_string)
    assert params["metric"] == [t("metric.ces", lang)]  # the label, as the bound widget writes it
    assert params["lang"] == [LANG_NAMES[lang]]
    assert "share" not in params
    # updated after it was made, and this session has no name: who changed it, and when
    when = fmt_date(datetime.now(), lang)
    expected = t("views16.changed_by", lang, who="Ana", date=when)
    assert expected in [shown(c.value) for c in fresh.sidebar.caption]


@pytest.mark.parametrize("lang", LANGS)
def test_a_viewer_sees_the_list_but_no_save_form(db, app, lang):
    with Store(db) as store:
        ws = store.require_workspace(DEMO_WS)
        views.save(
            store, LOCAL, ws.workspace_id, name="Shared view", url_path="heatmap",
            query="metric=CSAT+%25", description="For you", who="Mai", now=SAVED_AT,
        )  # fmt: skip
        token = acc.issue_link(store, LOCAL, ws.workspace_id, 7, "board")
    at = app(share=token, lang=LANG_NAMES[lang])
    no_problems(at)
    (link,) = _links(at)
    assert shown(link.value) == "Shared view"
    assert parse_qs(link.proto.query_string)["metric"] == ["CSAT %"]
    assert not _save_form_inputs(at, lang)
    labels = [b.label for b in at.sidebar.button] + [
        b.label for b in at.sidebar.get("form_submit_button")
    ]
    assert t("views16.submit", lang) not in labels
    assert t("views16.delete", lang) not in labels
    # saved by someone else than this (nameless) session: who, and when, in the reader's format
    when = fmt_date(SAVED_AT, lang)
    expected = t("views16.changed_by", lang, who="Mai", date=when)
    assert expected in [shown(c.value) for c in at.sidebar.caption]
