"""Every writer of the package refuses a viewer below the UI, and nothing changes in the database.

Each writer is called directly, as a page, a CLI path or a refactor would call it, on a real DuckDB
file holding one workspace with answers, events, a journey, a saved mapping, share links and an
editor session. A viewer (and someone with no rights at all) is refused with AccessDenied and its
i18n key, and every table is byte-for-byte what it was; the same call by an editor does change
the database, so the refusal is not just a writer that never writes.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from journeylens.domain.permissions import LOCAL, Access, AccessDenied, require
from journeylens.services import access as acc
from journeylens.services import datasets, demo, ingest, journey, signin, workspaces
from journeylens.storage.store import Store

SURVEY = (
    b"Response ID,Customer ID,Touchpoint,Date,NPS,Comment\n"
    b"r1,c1,Web,2024-01-05,9,fine\n"
    b"r2,c2,Branch,2024-01-06,3,slow\n"
)
EVENTS = (
    b"Customer ID,Touchpoint,Timestamp\n"
    b"c1,Web,2024-01-01 10:00\nc1,Branch,2024-01-02 10:00\nc2,Web,2024-01-03 10:00\n"
)
NEW_SURVEY = b"Response ID,Touchpoint,NPS\nn1,Web,10\nn2,Web,0\n"


@dataclass
class World:
    store: Store
    ws: Any
    dataset_id: int
    link_id: str
    viewer: Access
    editor: Access  # a signed-in editor with a live session


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict[str, Any]]:
    """The world built once (loads, journey, link, session), copied for every test."""
    folder = tmp_path_factory.mktemp("permissions")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(acc.SECRET_ENV, str(folder / "secret"))
        path = folder / "template.duckdb"
        with Store(path) as store:
            ws = store.ensure_workspace(LOCAL, "Bank")
            loaded = []
            for data, name in ((SURVEY, "survey.csv"), (EVENTS, "events.csv")):
                p = ingest.prepare(data, name, store=store)
                loaded.append(ingest.load(store, LOCAL, ws, p, p.mapping, p.kind))
                p.cleanup()
            definition = {
                "touchpoint": ["Web", "Branch"],
                "stage": ["Buy", "Buy"],
                "stage_order": [1, 1],
                "step_order": [1, 2],
            }
            journey.save(store, LOCAL, ws, pd.DataFrame(definition))
            token = acc.issue_link(store, LOCAL, ws.workspace_id, 7, "for the board")
            viewer = acc.viewer_access(store, token)
            editor, _cookie = signin.sign_in(store, "pw", "pw", "test", throttle=signin.Throttle())
    ids = {"dataset_id": loaded[0].dataset_id, "viewer": viewer, "editor": editor}
    return path, ids


@pytest.fixture
def world(template, tmp_path, monkeypatch) -> Iterator[World]:
    monkeypatch.setenv(acc.SECRET_ENV, str(tmp_path / "secret"))
    path, ids = template
    copy = tmp_path / "world.duckdb"
    shutil.copy(path, copy)
    with Store(copy) as store:
        ws = store.require_workspace("Bank")
        yield World(
            store, ws, ids["dataset_id"], str(ids["viewer"].link_id), ids["viewer"], ids["editor"]
        )


def snapshot(store: Store) -> dict[str, str]:
    """Every table's full contents (sorted), hashed: any change to any row shows."""
    cur = store.cursor()
    try:
        names = [r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        out = {}
        for name in sorted(names):
            # table names come from DuckDB's own catalogue, not from user text
            df = cur.sql(f'SELECT * FROM "{name}"').to_arrow_table().to_pandas()
            text = df.astype(str).sort_values(list(df.columns)).to_csv(index=False)
            out[name] = hashlib.sha256(text.encode()).hexdigest()
        seq = cur.execute("SELECT sequence_name, last_value FROM duckdb_sequences()").fetchall()
        out["sequences"] = repr(sorted(seq))
        return out
    finally:
        cur.close()


def _load(w: World, access: Access) -> None:
    p = ingest.prepare(NEW_SURVEY, "new.csv", store=w.store)
    try:
        ingest.load(w.store, access, w.ws, p, p.mapping, p.kind)
    finally:
        p.cleanup()


def _load_dataframe(w: World, access: Access) -> None:
    df = pd.DataFrame({"response_id": ["d1"], "touchpoint": ["Web"], "nps": [7]})
    ingest.load_dataframe(w.store, access, w.ws, df, "responses", "frame")


def _raw_write(w: World, access: Access) -> None:
    with w.store.write(access) as cur:
        cur.execute("DELETE FROM responses")


WRITERS: dict[str, Callable[[World, Access], object]] = {
    "store.write": _raw_write,
    "store.ensure_workspace": lambda w, a: w.store.ensure_workspace(a, "Another"),
    "store.delete_workspace": lambda w, a: w.store.delete_workspace(a, w.ws.workspace_id),
    "workspaces.update_settings": lambda w, a: workspaces.update_settings(
        w.store, a, w.ws, min_n=5
    ),
    "workspaces.update_settings(mask_pii)": lambda w, a: workspaces.update_settings(
        w.store, a, w.ws, mask_pii=True
    ),
    "datasets.delete": lambda w, a: datasets.delete(w.store, a, w.ws.workspace_id, w.dataset_id),
    "ingest.load": _load,
    "ingest.load_dataframe": _load_dataframe,
    "demo.install": lambda w, a: demo.install(w.store, a, "Demo", customers=200),
    "journey.save": lambda w, a: journey.save(
        w.store,
        a,
        w.ws,
        pd.DataFrame(
            {"touchpoint": ["Web"], "stage": ["Buy"], "stage_order": [1], "step_order": [1]}
        ),
    ),
    "access.issue_link": lambda w, a: acc.issue_link(w.store, a, w.ws.workspace_id, 7, "x"),
    "access.revoke_link": lambda w, a: acc.revoke_link(w.store, a, w.link_id),
    "access.revoke_all": lambda w, a: acc.revoke_all(w.store, a, w.ws.workspace_id),
    "signin.end_session": lambda w, a: signin.end_session(
        w.store, Access(role=a.role, workspace_id=a.workspace_id, session_id=w.editor.session_id)
    ),
}

NOBODY = Access(role="anonymous")


def _callers(w: World) -> dict[str, Access]:
    return {"viewer": w.viewer, "anonymous": NOBODY}


@pytest.mark.parametrize("who", ["viewer", "anonymous"])
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_viewer_is_refused_and_nothing_changes(world, writer, who):
    before = snapshot(world.store)
    with pytest.raises(AccessDenied) as refused:
        WRITERS[writer](world, _callers(world)[who])
    assert refused.value.key == "access.denied"
    assert refused.value.action  # names what was refused, for the log
    assert snapshot(world.store) == before


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_the_same_call_by_an_editor_changes_the_database(world, writer):
    before = snapshot(world.store)
    WRITERS[writer](world, world.editor)
    assert snapshot(world.store) != before


def test_demo_first_start_is_refused_for_a_viewer(tmp_path):
    with Store(tmp_path / "empty.duckdb") as store:
        before = snapshot(store)
        with pytest.raises(AccessDenied):
            demo.ensure(store, Access(role="viewer", workspace_id=1))
        assert snapshot(store) == before
        assert store.workspaces() == []


@pytest.mark.parametrize("not_an_access", [None, "editor", True, {"role": "editor"}])
def test_anything_but_an_access_is_a_programming_error(world, not_an_access):
    """A caller that was not updated (or shifted its arguments) fails loudly, writing nothing."""
    before = snapshot(world.store)
    with pytest.raises(TypeError, match="expected the caller's Access"):
        datasets.delete(world.store, not_an_access, world.ws.workspace_id, world.dataset_id)
    with pytest.raises(TypeError):
        require(not_an_access, "x")
    assert snapshot(world.store) == before


def test_a_viewer_may_record_only_the_use_of_its_own_link(world):
    """The one write a viewer makes: the last-use time of the link it came with."""
    store = world.store
    other = acc.viewer_access(store, acc.issue_link(store, LOCAL, world.ws.workspace_id, 7, "o"))
    acc.record_use(store, world.viewer)
    used = acc.links(store, world.ws.workspace_id).set_index("note")["last_used_at"]
    assert not pd.isna(used["for the board"])
    assert pd.isna(used["o"])  # the other link was not touched
    assert other.link_id != world.viewer.link_id
    with pytest.raises(AccessDenied):
        acc.record_use(store, NOBODY)
