"""The DuckDB store on disk: workspaces, transactions, locking."""

import subprocess
import sys

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import workspaces
from journeylens.storage.store import Store, StoreError, StoreLockedError


def test_workspace_lifecycle(tmp_path):
    path = tmp_path / "a.duckdb"
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, "Retail")
        assert store.ensure_workspace(LOCAL, "Retail") == ws
        workspaces.update_settings(store, LOCAL, ws, min_n=50)
    with Store(path) as store:  # persisted on disk
        assert store.require_workspace("Retail").min_n == 50
        with pytest.raises(StoreError, match="No workspace named 'Nope'"):
            store.require_workspace("Nope")


def test_a_failed_write_leaves_nothing_behind(store):
    ws = store.ensure_workspace(LOCAL, "w")
    with pytest.raises(RuntimeError), store.write(LOCAL) as cur:
        cur.execute(
            "INSERT INTO touchpoints (workspace_id, touchpoint, stage, stage_order, step_order) "
            "VALUES ($w, 'Ad', 'Before', 1, 1)",
            {"w": ws.workspace_id},
        )
        raise RuntimeError("boom")
    assert store.counts(ws.workspace_id)["touchpoints"] == 0


def test_second_process_gets_a_clear_message(tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = Store(path)
    code = (
        "import sys\nfrom journeylens.storage.store import Store, StoreLockedError\n"
        f"try:\n    Store({str(path)!r})\nexcept StoreLockedError as e:\n    print(e)\n    sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    holder.close()
    assert out.returncode == 3, out.stderr
    assert "in use by another JourneyLens process" in out.stdout
    assert StoreLockedError.__mro__[1] is StoreError
