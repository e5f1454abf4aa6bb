"""AppTest fixtures: the real app.py on a real DuckDB file per test.

- `demo_db`: the demo journey (4,000 customers), generated once per session.
- `db`: a per-test copy of it, selected through JOURNEYLENS_DB (local mode, no password).
- `empty_db`: one empty workspace, demo install disabled.
- `app`: a factory for AppTests of app.py. All AppTests of one test share the process-wide
  Store (as browser sessions of one server do); the Store is closed when the test ends.

Setup that writes to the database (extra workspaces, share links) must happen before the first
AppTest run, through a short-lived `Store`, or afterwards through `journeylens.ui.data.get_store()`:
DuckDB refuses a second in-process connection to a file the app holds open (see `store_of`).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t
from journeylens.services import demo
from journeylens.storage.store import Store

APP = Path(__file__).parent.parent.parent / "app.py"
DEMO_WS = demo.DEMO_WORKSPACE
PAGES = (
    "overview", "journey", "personas", "funnel", "emotion", "heatmap", "comments", "fix_first", "alerts",
    "paths", "attribution", "themes", "data",
)  # fmt: skip


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo journey, generated once per test session (smaller than the shipped demo)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(path) as store:
        demo.install(store, LOCAL, customers=4000)
    return path


def _env(monkeypatch, tmp_path: Path, path: Path) -> None:
    monkeypatch.setenv("JOURNEYLENS_DB", str(path))
    monkeypatch.setenv("JOURNEYLENS_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.delenv("JOURNEYLENS_EDITOR_PASSWORD", raising=False)


@pytest.fixture
def db(tmp_path, demo_db, monkeypatch) -> Path:
    path = tmp_path / "app.duckdb"
    shutil.copy(demo_db, path)
    _env(monkeypatch, tmp_path, path)
    return path


@pytest.fixture
def empty_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "empty.duckdb"
    with Store(path) as store:
        store.ensure_workspace(LOCAL, "Empty")
    _env(monkeypatch, tmp_path, path)
    monkeypatch.setenv("JOURNEYLENS_NO_DEMO", "1")
    return path


@pytest.fixture
def app(monkeypatch) -> Iterator:
    """make(page=None, *, cold=False, run=True, **query_params) -> AppTest, already run on
    `page` as a deep link (`/heatmap?metric=…`) would be: one run, straight to that page.

    AppTest resets `PagesManager.uses_pages_directory` before every run, so with our `pages/`
    folder every run is a *cold deep link*: the page guard (journeylens.ui.page_start) sends it
    back through app.py with st.rerun(), and that rerun drops button clicks. A real server is in
    that state only for its very first request. By default the factory makes the runs *warm*
    (the guard has done its job, as on a running server); `cold=True` keeps AppTest's cold runs
    for the rest of the test.
    """
    from streamlit.runtime.pages_manager import PagesManager

    from journeylens.ui import data

    data._store.clear()
    data._cached.clear()
    paths: set[str] = set()
    mode = {"cold": False}
    original_init = PagesManager.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if not mode["cold"]:
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)

    def make(
        page: str | None = None,
        *,
        cold: bool = False,
        run: bool = True,
        **query_params: str | list[str],
    ):
        from journeylens.storage.store import default_path

        mode["cold"] = cold
        paths.add(str(default_path()))
        at = AppTest.from_file(str(APP), default_timeout=60)
        for key, value in query_params.items():
            at.query_params[key] = value
        if run:
            if page:  # a deep link: the first run opens the page (one run)
                at.switch_page(f"pages/{page}.py")
            at.run()
        return at

    yield make
    for path in paths:
        with contextlib.suppress(Exception):  # a test that never ran the app has nothing to close
            data._store(path).close()
    data._store.clear()
    data._cached.clear()


def store_of():
    """The Store the app holds open in this process (the one its pages write through)."""
    from journeylens.ui import data

    return data.get_store()


def count(sql: str, **params) -> int:
    """One number from the app's own database connection."""
    cur = store_of().cursor()
    try:
        return int(cur.execute(sql, params).fetchall()[0][0])
    finally:
        cur.close()


def nps_of(path: Path, persona: str | None = None) -> float:
    """NPS computed independently: % promoters (9–10) − % detractors (0–6) over non-null answers."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        where = "nps IS NOT NULL" + (" AND persona = $p" if persona else "")
        row = con.execute(
            f"SELECT 100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(*) "
            f"FROM responses WHERE {where}",
            {"p": persona} if persona else {},
        ).fetchall()[0]
    finally:
        con.close()
    return float(row[0])


def no_problems(at: AppTest) -> None:
    """No exception, no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def infos(at: AppTest) -> list[str]:
    return [e.value for e in at.info]


def warnings(at: AppTest) -> list[str]:
    return [e.value for e in at.warning]


def reset_notice_prefix() -> str:
    return t("filter.reset_notice", names="").rstrip(": ")


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """Every file the app offers for download during the test, by its download name: what
    Streamlit's media storage receives from st.download_button (AppTest drops the storage after
    each run)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    seen: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if filename and isinstance(path_or_data, bytes):
            seen[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen
