"""Reliability and security harness.

- `survey_csv(path, rows, ...)`: a survey export generated with DuckDB COPY (deterministic).
- `checksum(con_or_store, dataset_id)`: rows and a content hash of one dataset.
- `start_server` / `browser` / `new_page`: real `streamlit run app.py` servers on free ports
  (the e2e harness's `start_app`), driven by Debian's Chromium.
- Slow variants are marked `@pytest.mark.slow` and run only with JOURNEYLENS_SLOW=1.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, Server, start_app

ROOT = Path(__file__).resolve().parents[2]
SLOW = bool(os.environ.get("JOURNEYLENS_SLOW"))


def pytest_collection_modifyitems(config, items):
    if SLOW:
        return
    skip = pytest.mark.skip(reason="slow: set JOURNEYLENS_SLOW=1 to run")
    here = Path(__file__).parent
    for item in items:
        if "slow" in item.keywords and here in Path(str(item.fspath)).parents:
            item.add_marker(skip)


SURVEY_SQL = """
SELECT
    $prefix || lpad(i::VARCHAR, 9, '0') AS "Response ID",
    'C' || (i % 5000)::VARCHAR AS "Customer ID",
    ['Web visit', 'Branch meeting', 'Application', 'Offer'][1 + i % 4] AS "Touchpoint",
    strftime(TIMESTAMP '2024-01-01' + to_seconds((i * 3607) % 31536000),
             '%Y-%m-%d %H:%M:%S') AS "Submitted at",
    (i * $mult + $shift) % 11 AS "How likely are you to recommend us?",
    1 + (i * 3) % 5 AS "CSAT",
    ['Fine', 'Slow, very slow', 'Great "quoted" service', 'Rău', 'Tốt lắm'][1 + i % 5]
        AS "Comment",
    ['First-time buyer', 'Remortgager', 'Investor'][1 + i % 3] AS "Persona"
FROM range($rows) AS t(i)
"""


def survey_csv(path: Path, rows: int, *, prefix: str = "R", mult: int = 7, shift: int = 0) -> Path:
    """A survey export with `rows` rows; NPS = (i*mult + shift) % 11."""
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        rel = con.sql(
            SURVEY_SQL.replace("$prefix", f"'{prefix}'")
            .replace("$mult", str(int(mult)))
            .replace("$shift", str(int(shift)))
            .replace("$rows", str(int(rows)))
        )
        rel.write_csv(str(path), header=True)
    finally:
        con.close()
    return path


DATASET_SUM = """
SELECT count(*), coalesce(sum(hash(response_id, comment, nps, csat, submitted_at)), 0)
FROM responses WHERE dataset_id = $d
"""


def checksum(con, dataset_id: int) -> tuple[int, int]:
    """(rows, hash sum) of one dataset; con: a DuckDB connection or a Store."""
    cur = con.cursor()
    try:
        n, h = cur.execute(DATASET_SUM, {"d": int(dataset_id)}).fetchall()[0]
    finally:
        cur.close()
    return int(n), int(h)


def cli(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    """`python -m journeylens ARGS` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "journeylens", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


@pytest.fixture
def start_server(tmp_path) -> Iterator[Callable[..., Server]]:
    """start_server(db_path, **extra_env) -> a running `streamlit run app.py` on a free port."""
    started: list[Server] = []

    def start(db: Path, **extra_env: str) -> Server:
        workdir = tmp_path / f"server{len(started)}"
        workdir.mkdir()
        srv = start_app(workdir, Path(db), extra_env=extra_env)
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture
def new_page(browser) -> Iterator[Callable[[], object]]:
    contexts = []

    def make():
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def app_on(tmp_path, monkeypatch) -> Iterator[Callable[[Path], Path]]:
    """app_on(db): point AppTests of app.py in this process at db (local mode, no demo). The app's
    process-wide Store is closed and the caches cleared when the test ends."""
    from journeylens.ui import data

    def use(db: Path) -> Path:
        monkeypatch.setenv("JOURNEYLENS_DB", str(db))
        monkeypatch.setenv("JOURNEYLENS_NO_DEMO", "1")
        monkeypatch.setenv("JOURNEYLENS_SECRET_FILE", str(tmp_path / "secret"))
        monkeypatch.delenv("JOURNEYLENS_EDITOR_PASSWORD", raising=False)
        data._store.clear()
        data._cached.clear()
        return db

    yield use
    with contextlib.suppress(Exception):  # nothing was opened
        data.get_store().close()
    data._store.clear()
    data._cached.clear()
