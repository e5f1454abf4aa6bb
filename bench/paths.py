"""Benchmark of paths, the directly-follows graph and attribution (issue 15) at scale.

    .venv/bin/python bench/paths.py                 # 50M events (bench/gen.py's touchpoint log)
    .venv/bin/python bench/paths.py --quick         # 5M events
    options: --events N, --workdir DIR (default /tmp/jl-paths-<events>), --reuse (keep the
             database made by an earlier run), --runs N (timed warm runs, default 3), --json

Data: bench/gen.py's events (20 touchpoints, journeys with drop-off, skips and strays, about 25
events per customer, the Payment touchpoint flagged converted with a value), inserted straight
into a Store in the order the importer stores them (ORDER BY customer_id, ts, src_row): the
import itself is bench/run.py's subject; this one times the queries. The write-time summaries
(`summaries.refresh`, which now includes `paths.refresh_summary`) are timed on their own.

Every operation runs in its own child process: one untimed warm-up run, then the median of
--runs timed runs; `peak RSS` is the child's VmHWM over the operation (reset before it, as
bench/run.py does). The selective filter is bench/run.py's: persona "Loyalist" and
2024-04-01..2024-06-30. The Store's memory_limit is its default, 2 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

TARGET_SECONDS = 3.0
SELECTIVE = {
    "personas": ("Loyalist",),
    "date_from": dt.date(2024, 4, 1),
    "date_to": dt.date(2024, 6, 30),
}
START = "Product page"
EVERYTHING = {"date_from": dt.date(2000, 1, 1)}  # a filter that keeps every event: no copy applies
BROAD = {"date_from": dt.date(2023, 7, 1)}  # about three quarters of the events

OPS: dict[str, str] = {
    "graph (default view)": "unfiltered directly-follows graph, from the write-time copy",
    "flow (default view)": "unfiltered flow from the first event, 5 steps, top 4, from the copy",
    "graph, computed": "directly-follows graph of every event computed (a filter keeping all)",
    "flow, computed": "flow from the first event of every event computed (a filter keeping all)",
    "graph, broad filter": "directly-follows graph since 2023-07-01 (~3/4 of the events)",
    "flow, broad filter": "flow from the first event since 2023-07-01",
    "graph, sorted SQL": "queries/paths_dfg.sql on every event (the path before the kernel)",
    "flow, sorted SQL": "queries/paths_flow.sql from a start touchpoint (before the kernel)",
    "flow from a start, computed": f"unfiltered flow from {START!r}, 5 steps",
    "flow, repeats kept": "unfiltered flow from the first event with repeats kept",
    "graph, selective filter": "directly-follows graph under the selective filter",
    "flow, selective filter": "flow from the first event under the selective filter",
    "attribution": "all six models from the touchpoint log, unfiltered",
    "attribution, selective filter": "all six models under the selective filter",
    "write-time summaries": "summaries.refresh after an events load (paths part included)",
    "write-time paths part": "paths.refresh_summary alone",
}


def build(db: Path, n_events: int) -> dict[str, Any]:
    """Insert the generated events (one upload, stored sorted as the importer stores them)."""
    import gen

    from journeylens.domain.permissions import LOCAL
    from journeylens.storage.store import Store

    customers = max(1, n_events // 25)
    journeys = max(1, round(n_events / gen.expected_events_per_journey()))
    t0 = time.perf_counter()
    with Store(db) as store:
        ws = store.ensure_workspace(LOCAL, "bench")
        with store.write(LOCAL) as cur:
            cur.execute(f"SET temp_directory = '{db.parent / 'tmp'}'")
            cur.execute(
                "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, "
                "ts, channel, persona, segment, value, converted) "
                f"SELECT {ws.workspace_id}, 1, * FROM (SELECT row_number() OVER () + 1 AS src_row, "
                f"* FROM ({gen.events_sql()})) ORDER BY customer_id, ts, src_row",
                {"seed": 42, "journeys": journeys, "customers": customers},
            )
        rows = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    return {"events": int(rows), "insert_seconds": time.perf_counter() - t0}


def summarise(db: Path) -> dict[str, Any]:
    """The write-time summaries, as a load makes them, unless they are current already."""
    from journeylens.domain.permissions import LOCAL
    from journeylens.services import summaries
    from journeylens.storage import sql
    from journeylens.storage.store import Store

    with Store(db) as store:
        ws = store.require_workspace("bench")
        cur = store.cursor()
        if bool(sql.run(cur, "paths_summary_fresh", workspace_id=ws.workspace_id).iloc[0, 0]):
            return {}
        t0 = time.perf_counter()
        with store.write(LOCAL) as w:
            summaries.refresh(w, ws.workspace_id, events_changed=True, responses_changed=False)
            sql.execute(w, "workspace_bump", workspace_id=ws.workspace_id)
        return {"summaries_seconds": time.perf_counter() - t0}


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    from run import measure

    from journeylens.domain.filters import Filters
    from journeylens.domain.flows import FlowSpec
    from journeylens.services import attribution, paths, summaries
    from journeylens.storage import queries
    from journeylens.storage.store import Store

    store = Store(spec["db"])
    ws = store.require_workspace("bench")
    cur = store.cursor()
    wid = ws.workspace_id
    sel = Filters(**SELECTIVE)
    op = spec["op"]

    def rollback(fn: Any) -> Any:
        def run() -> Any:
            cur.execute("BEGIN TRANSACTION")
            try:
                return fn()
            finally:
                cur.execute("ROLLBACK")

        return run

    fns = {
        "graph (default view)": lambda: paths.dfg(cur, wid, Filters()),
        "flow (default view)": lambda: paths.flow(cur, wid, Filters(), FlowSpec()),
        "graph, computed": lambda: paths.dfg(cur, wid, Filters(**EVERYTHING)),
        "flow, computed": lambda: paths.flow(cur, wid, Filters(**EVERYTHING), FlowSpec()),
        "graph, broad filter": lambda: paths.dfg(cur, wid, Filters(**BROAD)),
        "flow, broad filter": lambda: paths.flow(cur, wid, Filters(**BROAD), FlowSpec()),
        "graph, sorted SQL": lambda: paths.dfg_from_rows(
            queries.paths_dfg(cur, filters=Filters(), workspace_id=wid)
        ),
        "flow, sorted SQL": lambda: queries.paths_flow(
            cur,
            filters=Filters(),
            workspace_id=wid,
            start=START,
            steps=5,
            keep_repeats=False,
            conversion=None,
        ),  # fmt: skip
        "flow from a start, computed": lambda: paths.flow(
            cur, wid, Filters(), FlowSpec(start=START)
        ),
        "flow, repeats kept": lambda: paths.flow(cur, wid, Filters(), FlowSpec(keep_repeats=True)),
        "graph, selective filter": lambda: paths.dfg(cur, wid, sel),
        "flow, selective filter": lambda: paths.flow(cur, wid, sel, FlowSpec()),
        "attribution": lambda: attribution.attribution(cur, wid, Filters()),
        "attribution, selective filter": lambda: attribution.attribution(cur, wid, sel),
        "write-time summaries": rollback(
            lambda: summaries.refresh(cur, wid, events_changed=True, responses_changed=False)
        ),
        "write-time paths part": rollback(
            lambda: paths.refresh_summary(cur, wid, events_changed=True)
        ),
    }
    out = measure(fns[op], spec["runs"])
    result = fns[op]() if op.startswith(("graph", "flow")) else None
    if result is not None and hasattr(result, "customers"):
        out["check"] = {"edges": int(result.edges["count"].sum()), "customers": result.customers}
    elif result is not None and hasattr(result, "present"):
        out["check"] = {"customers_at_step_1": result.present(1)}
    elif result is not None:  # the pair rows of queries/paths_flow.sql
        out["check"] = {
            "customers_at_step_1": int(result.loc[result["step"] == 1, "customers"].sum())
        }
    out.pop("all", None)
    store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--events", type=int)
    ap.add_argument("--workdir")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", action="append", help="run only these operations")
    ap.add_argument("--worker")
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(json.loads(args.worker)), default=str))
        return 0
    os.environ.setdefault("JOURNEYLENS_ALLOW_FILE_ACCESS", "1")  # the build's temp directory
    n = args.events or (5_000_000 if args.quick else 50_000_000)
    workdir = Path(args.workdir or f"/tmp/jl-paths-{n}")
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "paths.duckdb"
    info: dict[str, Any] = {}
    if not (args.reuse and db.exists()):
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        print(f"building {n:,} events in {db} ...", file=sys.stderr)
        info = build(db, n)
        print(f"  inserted in {info['insert_seconds']:.0f} s", file=sys.stderr)
    info |= summarise(db)
    rows = []
    for op, what in OPS.items():
        if args.only and op not in args.only:
            continue
        spec = {"db": str(db), "op": op, "runs": args.runs}
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", json.dumps(spec)],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if proc.returncode:
            rows.append({"op": op, "error": proc.stderr[-1500:]})
            print(f"  {op}: FAILED\n{proc.stderr[-1500:]}", file=sys.stderr)
            continue
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        res.update(op=op, what=what)
        rows.append(res)
        print(
            f"  {op}: {res['seconds']:.2f} s (cpu {res['cpu_seconds']:.2f} s, peak "
            f"{res['peak_rss_mib']:.0f} MiB, load {res['load']}) [{time.perf_counter() - t0:.0f} s]",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps({"events": n, **info, "rows": rows}, indent=2, default=str))
    else:
        print(f"\n{n:,} events, {os.cpu_count()} cores, memory_limit 2GB\n")
        print("| operation | median s | cpu s | peak RSS MiB | load | runs |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in rows:
            if "error" in r:
                print(f"| {r['op']} | failed | | | | |")
                continue
            mark = " ✓" if r["seconds"] < TARGET_SECONDS else ""
            print(
                f"| {r['op']} | {r['seconds']:.2f}{mark} | {r['cpu_seconds']:.2f} | "
                f"{r['peak_rss_mib']:.0f} | {r['load']} | {r['runs']} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
