"""A crash in the middle of an import loses nothing.

Two small datasets are loaded first. Then `python -m journeylens ingest BIG.csv --db PATH` runs in
a subprocess and is killed with SIGKILL at several points, timed from its start and from the
progress it prints on stderr ("N rows, P%"): at start-up, 0.3 s and 1 s into the load
transaction, right after the checks (40%), right after the INSERT and before COMMIT (90%), and
after the commit (100%). The slow variant (JOURNEYLENS_SLOW=1, 1.5M rows) adds kills while
sniffing, 2 s / 5 s / 10 s into the load and 50 / 200 ms after the INSERT.

Why it holds: `ingest.load` runs inside `Store.write(LOCAL)`, one DuckDB transaction. DuckDB writes the
transaction to its write-ahead log only at COMMIT and replays the log when the file is opened
again, so a process killed before COMMIT leaves no trace, and one killed after COMMIT leaves the
whole dataset. After every kill the file must open with `Store(path)` without any repair, the
`datasets` table must hold the two earlier datasets (plus the new one only with ALL its rows), and
the earlier datasets must keep their row counts and checksums.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import datasets, ingest
from journeylens.storage.store import Store, staging_dir
from tests.reliability.conftest import ROOT, checksum, survey_csv

PROGRESS = re.compile(r"([\d,]+) rows, (\d+)%")


@dataclass(frozen=True)
class KillPoint:
    name: str
    after_pct: int | None  # wait for this progress percentage (None: from process start)
    delay: float  # then this many seconds


DEFAULT_POINTS = (
    KillPoint("start-up +0.3 s", None, 0.3),
    KillPoint("load +0.3 s", 0, 0.3),
    KillPoint("load +1 s", 0, 1.0),
    KillPoint("checks done (40%)", 40, 0.0),
    KillPoint("rows inserted, before COMMIT (90%)", 90, 0.0),
    KillPoint("after COMMIT (100%)", 100, 0.0),
)


@dataclass
class Outcome:
    point: str
    killed: bool
    last_progress: str
    landed: bool
    pid: int = 0
    cleaned: int = 0  # stale folders of earlier killed runs this run's start removed


def _run_and_kill(csv: Path, db: Path, point: KillPoint, timeout: float = 300) -> Outcome:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("JOURNEYLENS_DB", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeylens", "ingest", str(csv), "--workspace", "Crash",
         "--db", str(db)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    seen: dict[int, float] = {}
    last = [""]
    done = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        buf = b""
        while True:
            chunk = proc.stderr.read1(4096) if hasattr(proc.stderr, "read1") else b""
            if not chunk:
                break
            buf += chunk
            text = buf.decode("utf-8", "replace")
            for m in PROGRESS.finditer(text):
                seen.setdefault(int(m.group(2)), time.monotonic())
                last[0] = m.group(0)
            buf = buf[-200:]
        done.set()

    threading.Thread(target=read, daemon=True).start()
    started = time.monotonic()
    deadline = started + timeout
    killed = False
    while proc.poll() is None and time.monotonic() < deadline:
        base = started if point.after_pct is None else seen.get(point.after_pct)
        if base is not None and time.monotonic() >= base + point.delay:
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.005)
    proc.wait(timeout=60)
    done.wait(timeout=5)
    if not killed and proc.returncode != 0:
        raise AssertionError(f"ingest failed by itself ({proc.returncode}): {last[0]}")
    killed = killed and proc.returncode == -signal.SIGKILL
    return Outcome(point.name, killed, last[0], False, proc.pid)


def _crash_series(tmp_path: Path, rows: int, points: tuple[KillPoint, ...]) -> list[Outcome]:
    db = tmp_path / "crash.duckdb"
    with Store(db) as store:
        ws = store.ensure_workspace(LOCAL, "Crash")
        earlier = []
        for i, (n, mult) in enumerate(((500, 3), (800, 5))):
            path = survey_csv(tmp_path / f"small{i}.csv", n, prefix=f"S{i}_", mult=mult)
            p = ingest.prepare(path, path.name, store=store)
            earlier.append(ingest.load(store, LOCAL, ws, p, p.mapping, p.kind).dataset_id)
            p.cleanup()
        before = {d: checksum(store, d) for d in earlier}
    assert [v[0] for v in before.values()] == [500, 800]
    big = survey_csv(tmp_path / "big.csv", rows, prefix="B")

    outcomes = []
    leftovers: list[Path] = []  # working folders of killed imports, until the next start
    for point in points:
        outcome = _run_and_kill(big, db, point)
        if outcome.last_progress:  # this run got past its start, where stale folders go
            kept = [p for p in leftovers if p.exists()]
            assert not kept, f"{point.name}: the killed imports' folders are still there: {kept}"
            outcome.cleaned = len(leftovers)
            leftovers = []
        if outcome.killed:
            leftovers += sorted(staging_dir().glob(f"ingest-{outcome.pid}-*"))
        with Store(db) as store:  # opens with no manual repair (replays the WAL if needed)
            ds = store.datasets(store.require_workspace("Crash").workspace_id)
            ids = sorted(int(x) for x in ds["dataset_id"])
            new = [d for d in ids if d not in earlier]
            assert set(earlier) <= set(ids), f"{point.name}: an earlier dataset vanished: {ids}"
            assert len(new) <= 1, f"{point.name}: {ids}"
            for d in earlier:
                assert checksum(store, d) == before[d], f"{point.name}: dataset {d} changed"
            cur = store.cursor()
            try:
                total = cur.execute("SELECT count(*) FROM responses").fetchall()[0][0]
                orphans = cur.execute(
                    "SELECT count(*) FROM responses WHERE dataset_id NOT IN "
                    "(SELECT dataset_id FROM datasets)"
                ).fetchall()[0][0]
            finally:
                cur.close()
            assert orphans == 0, f"{point.name}: {orphans} rows of a dataset that does not exist"
            if new:
                n_rows, _ = checksum(store, new[0])
                recorded = int(ds.set_index("dataset_id").loc[new[0], "rows_loaded"])
                assert n_rows == rows == recorded, f"{point.name}: partial dataset {n_rows}/{rows}"
                assert total == 1300 + rows
                outcome.landed = True
                datasets.delete(store, LOCAL, store.require_workspace("Crash").workspace_id, new[0])
            else:
                assert total == 1300, f"{point.name}: {total - 1300} stray rows"
        outcomes.append(outcome)
    return outcomes


def _report(outcomes: list[Outcome]) -> None:
    print()
    for o in outcomes:
        state = "killed" if o.killed else "finished before the kill"
        print(
            f"  {o.point:38s} {state:26s} last progress {o.last_progress!r:28s} "
            f"-> {'whole dataset' if o.landed else 'nothing'}"
        )
    print(f"  survived {sum(o.killed for o in outcomes)} kills out of {len(outcomes)} runs")


def test_sigkill_during_import_loses_nothing(tmp_path):
    outcomes = _crash_series(tmp_path, 400_000, DEFAULT_POINTS)
    _report(outcomes)
    killed = [o for o in outcomes if o.killed]
    assert len(killed) >= 5, "the import finished before most kill points: use a bigger file"
    # a kill leaves its working folder; the next start removes it (issue 20)
    assert sum(o.cleaned for o in outcomes) >= 1, outcomes
    # Killed before the commit (no "100%" progress line yet): nothing landed. The whole-or-
    # nothing check itself is in _crash_series; how far a timed kill gets depends on the machine.
    for o in outcomes:
        done = re.search(r"(\d+)%", o.last_progress or "")
        if o.killed and (done is None or int(done.group(1)) < 90):
            assert not o.landed, o


@pytest.mark.slow
def test_sigkill_during_large_import_loses_nothing(tmp_path):
    points = (
        *DEFAULT_POINTS,
        KillPoint("sniffing +1.2 s", None, 1.2),
        KillPoint("load +2 s", 0, 2.0),
        KillPoint("load +5 s", 0, 5.0),
        KillPoint("load +10 s", 0, 10.0),
        KillPoint("90% +0.05 s", 90, 0.05),
        KillPoint("90% +0.2 s", 90, 0.2),
    )
    outcomes = _crash_series(tmp_path, 1_500_000, points)
    _report(outcomes)
    assert sum(o.killed for o in outcomes) >= len(points) - 2
