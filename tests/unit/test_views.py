"""Saved views (journeylens.services.views): save, update by name, validation, rights."""

from __future__ import annotations

from datetime import datetime

import pytest

from journeylens.domain.permissions import LOCAL, Access, AccessDenied
from journeylens.i18n import t
from journeylens.services import views
from journeylens.storage.store import Store

VIEWER = Access(role="viewer", workspace_id=1, link_id="x")
T0 = datetime(2026, 3, 1, 9, 0)
T1 = datetime(2026, 3, 2, 17, 30)


@pytest.fixture
def ws(store):
    return store.ensure_workspace(LOCAL, "Views").workspace_id


def test_known_pages_are_the_app_pages():
    from journeylens.ui.pages_registry import PAGES

    assert tuple(p.slug for p in PAGES) == views.KNOWN_PAGES


def test_save_then_list(store, ws):
    saved, new = views.save(
        store, LOCAL, ws, name=" Board view ", description="For Monday", url_path="heatmap",
        query="metric=CSAT+%25&by=Persona", who="Ana", now=T0,
    )  # fmt: skip
    assert new
    (listed,) = views.list_views(store, ws)
    assert listed == saved
    assert (listed.name, listed.description, listed.url_path) == (
        "Board view",
        "For Monday",
        "heatmap",
    )
    assert listed.query == "metric=CSAT+%25&by=Persona"
    assert (listed.created_at, listed.updated_at, listed.updated_by) == (T0, T0, "Ana")
    assert not listed.changed


def test_saving_the_same_name_updates_it(store, ws):
    first, _ = views.save(store, LOCAL, ws, name="Board", url_path="heatmap", query="a=1", now=T0)
    again, new = views.save(
        store, LOCAL, ws, name="board", url_path="funnel", query="b=2", who="Minh", now=T1
    )
    assert not new
    assert again.view_id == first.view_id
    assert again.created_at == T0  # kept
    assert again.updated_at == T1
    assert again.updated_by == "Minh"
    assert (again.url_path, again.query) == ("funnel", "b=2")
    assert again.changed
    assert len(views.list_views(store, ws)) == 1


def test_update_keeps_created_at_and_refuses_a_taken_name(store, ws):
    a, _ = views.save(store, LOCAL, ws, name="A", url_path="overview", query="", now=T0)
    views.save(store, LOCAL, ws, name="B", url_path="overview", query="", now=T0)
    changed = views.update(
        store, LOCAL, ws, a.view_id, name="A2", url_path="emotion", query="lines=x", who="Ion",
        now=T1,
    )  # fmt: skip
    assert (changed.name, changed.created_at, changed.updated_at) == ("A2", T0, T1)
    assert changed.updated_by == "Ion"
    with pytest.raises(views.ViewProblem) as exc:
        views.update(store, LOCAL, ws, a.view_id, name="b", url_path="overview", query="")
    assert exc.value.field == "name"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * (views.MAX_NAME + 1)}, "name"),
        ({"description": "d" * (views.MAX_DESCRIPTION + 1)}, "description"),
        ({"who": "w" * (views.MAX_WHO + 1)}, "who"),
        ({"url_path": "../secrets"}, "page"),
        ({"query": "q=" + "x" * views.MAX_QUERY}, "query"),
    ],
)
def test_validation_names_the_field(store, ws, kwargs, field):
    args = {"name": "Fine", "url_path": "heatmap", "query": ""} | kwargs
    with pytest.raises(views.ViewProblem) as exc:
        views.save(store, LOCAL, ws, **args)
    assert exc.value.field == field
    label = {"name": "views16.name", "description": "views16.description", "who": "views16.who"}
    if field in label:  # the message starts with the field, in every language
        for lang in ("en", "vi", "ro"):
            assert exc.value.text(lang).startswith(t(label[field], lang))
    assert views.list_views(store, ws) == []


def test_viewer_is_denied_and_nothing_changes(store, ws):
    saved, _ = views.save(store, LOCAL, ws, name="Keep", url_path="heatmap", query="", now=T0)
    viewer = Access(role="viewer", workspace_id=ws, link_id="x")
    with pytest.raises(AccessDenied):
        views.save(store, viewer, ws, name="New", url_path="heatmap", query="")
    with pytest.raises(AccessDenied):
        views.update(store, viewer, ws, saved.view_id, name="X", url_path="heatmap", query="")
    with pytest.raises(AccessDenied):
        views.delete(store, viewer, ws, saved.view_id)
    assert views.list_views(store, ws) == [saved]  # a viewer may still list them


def test_query_string_with_quotes_and_unicode_is_stored_verbatim(store, ws, tmp_path):
    query = "persona=O'Brien%27&q=\"; DROP TABLE saved_views; --&jp=Người mua nhà&x=ș ț"
    views.save(store, LOCAL, ws, name="Tricky 'name' \"ok\"", url_path="journey", query=query)
    (got,) = views.list_views(store, ws)
    assert got.query == query
    assert got.name == "Tricky 'name' \"ok\""


def test_delete_and_survives_a_restart(tmp_path):
    path = tmp_path / "restart.duckdb"
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, "W").workspace_id
        a, _ = views.save(store, LOCAL, ws, name="A", url_path="heatmap", query="metric=x")
        b, _ = views.save(store, LOCAL, ws, name="B", url_path="funnel", query="")
        views.delete(store, LOCAL, ws, b.view_id)
    with Store(path) as store:
        assert views.list_views(store, ws) == [a]
