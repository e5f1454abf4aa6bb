"""The DuckDB database: schema, workspaces, datasets, and the one write lock.

One connection per process; readers take a cursor each (DuckDB connections are not thread-safe,
cursors are). Every write goes through `Store.write(access)`: one lock, one transaction, so an upload
lands whole or not at all and concurrent readers see the data before or after it, never a mix; and
the caller's access is checked there (journeylens.domain.permissions), as in every writer above it.

The bottom layer: tables and transactions only. The services that write (ingest, journey,
datasets, workspaces, demo) refresh the write-time summaries their change invalidates
(journeylens.services.summaries) inside the transaction this module opens for them.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.errors import JourneyLensError
from journeylens.domain.permissions import Access, require
from journeylens.storage import db, queries

ROOT = Path(__file__).resolve().parents[2]
DB_ENV = "JOURNEYLENS_DB"
DEFAULT_DB = ROOT / "data" / "journeylens.duckdb"
MEMORY_LIMIT_ENV = "JOURNEYLENS_MEMORY_LIMIT"
SCHEMA_VERSION = "1"


class StoreError(JourneyLensError):
    """A user-facing problem with the database (locked, missing workspace...)."""


class StoreLockedError(StoreError):
    """Another process holds the file; the message says what to do."""


LOCKDOWN_ENV = "JOURNEYLENS_ALLOW_FILE_ACCESS"


def staging_dir() -> Path:
    """The only directory DuckDB may read files from: the importer's staged copies of uploads.

    Per user, private (0700), so another local user cannot plant files for us to read.
    """
    root = Path(tempfile.gettempdir()) / f"journeylens-staging-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    return root


def default_path() -> Path:
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


@dataclass(frozen=True)
class Workspace:
    workspace_id: int
    name: str
    min_n: int = metrics.DEFAULT_MIN_N
    conversion_window_seconds: int = 14 * 86400
    ces_high_is_easy: bool = True
    emotion_threshold: float = -0.5
    data_version: int = 0
    mask_pii: bool = False


class Store:
    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = str(path) if path is not None else str(default_path())
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        config = {
            "memory_limit": os.environ.get(MEMORY_LIMIT_ENV, "2GB"),
            "preserve_insertion_order": "false",
        }
        try:
            self.con = db.connect(self.path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError("store.error.locked", path=self.path, env=DB_ENV) from exc
            raise
        self._lock = threading.RLock()
        if not read_only:
            self.migrate()
        if not os.environ.get(LOCKDOWN_ENV):
            self._lock_down_files()

    def _lock_down_files(self) -> None:
        """After this, no query can read or write files outside the staging directory, attach
        other databases or install extensions, and it cannot be switched back on."""
        on = self.con.execute("SELECT current_setting('enable_external_access')").fetchone()
        if on and not on[0]:
            return  # this process already opened the file and locked it down
        self.con.execute("SET allowed_directories = $dirs", {"dirs": [f"{staging_dir()}/"]})
        self.con.execute("SET enable_external_access = false")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> None:
        with self._lock:
            queries.schema(self.con)
            queries.macros(self.con)
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', $v)", {"v": SCHEMA_VERSION}
            )

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self.con.cursor()
        cur.execute("SET enable_progress_bar = false")
        return cur

    @contextmanager
    def write(self, access: Access, action: str = "write") -> Iterator[duckdb.DuckDBPyConnection]:
        """One writer at a time, one transaction: all of it lands, or none of it.

        Refuses (AccessDenied) before taking the lock unless `access` may do `action`.
        """
        require(access, action)
        with self._lock:
            cur = self.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                cur.execute("COMMIT")
            finally:
                cur.close()

    def query(self, query: Callable[..., pd.DataFrame], **params: object) -> pd.DataFrame:
        """Run one function of the query namespace on a cursor of its own."""
        cur = self.cursor()
        try:
            return query(cur, **params)
        finally:
            cur.close()

    # --- workspaces -------------------------------------------------------------------------

    def workspaces(self) -> list[Workspace]:
        df = self.query(queries.workspace_list)
        fields = Workspace.__dataclass_fields__
        return [
            Workspace(**{k: v for k, v in row.items() if k in fields})
            for row in df.to_dict("records")
        ]

    def workspace(self, name: str) -> Workspace | None:
        return next((w for w in self.workspaces() if w.name == name), None)

    def workspace_by_id(self, workspace_id: int) -> Workspace | None:
        return next((w for w in self.workspaces() if w.workspace_id == workspace_id), None)

    def ensure_workspace(self, access: Access, name: str) -> Workspace:
        """The workspace called `name`, created if missing (editors only, even when it exists)."""
        require(access, "workspace.create")
        name = name.strip()
        if not name:
            raise StoreError("store.error.no_name")
        found = self.workspace(name)
        if found:
            return found
        with self.write(access, "workspace.create") as cur:
            queries.workspace_create(cur, name=name)
        ws = self.workspace(name)
        assert ws is not None
        return ws

    def require_workspace(self, name: str) -> Workspace:
        ws = self.workspace(name)
        if ws is None:
            known = ", ".join(w.name for w in self.workspaces()) or "none"
            raise StoreError(
                "store.error.no_workspace", hint_key="error.hint.workspace", name=name, known=known
            )
        return ws

    def delete_workspace(self, access: Access, workspace_id: int) -> None:
        """Its journey, answers, events, datasets, summaries and share links (the summary tables
        go with it, so there is nothing to refresh)."""
        require(access, "workspace.delete")
        with self.write(access, "workspace.delete") as cur:
            queries.workspace_delete(cur, workspace_id=workspace_id)

    # --- datasets ---------------------------------------------------------------------------

    def datasets(self, workspace_id: int) -> pd.DataFrame:
        return self.query(queries.dataset_list, workspace_id=workspace_id)

    def counts(self, workspace_id: int) -> dict[str, int]:
        row = self.query(queries.table_counts, workspace_id=workspace_id).iloc[0]
        return {k: int(v) for k, v in row.items()}
