"""Key drivers and alerts at benchmark size: what the Fix first and Alerts pages ask for.

    python bench/insights.py                 # 10M answers, 50M events (generates and imports)
    python bench/insights.py --quick         # 1M answers, 5M events
    python bench/insights.py --db FILE       # an existing benchmark database (workspace "bench")
    options: --workdir DIR (kept; data and database are reused when present), --runs N,
             --answers N --events N (other sizes), --json

The data is bench/gen.py's (seeded), imported from Parquet through the app's importer into a
Store, as bench/run.py does. Each operation is the package call a page makes, on a Store cursor
with no Streamlit cache (the first render of a page), under the default filters and bench/run.py's
selective filter (persona "Loyalist", 2024-04-01..2024-06-30): median of N warm runs after one
warm-up, process CPU time, peak RSS of the process. Then the parts of the default drivers call
(the sums query, the scores, the conversion impact, the numpy/scipy step) so the table says
what dominates. Target: under 2 s each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

SIZES = {"full": (10_000_000, 50_000_000), "quick": (1_000_000, 5_000_000)}
TARGET_S = 2.0


def prepare(workdir: Path, answers: int, events: int) -> Path:
    """Generate (once) and import (once) the benchmark data; returns the database path."""
    import gen

    from journeylens.domain.permissions import LOCAL
    from journeylens.services import ingest
    from journeylens.services.ingest.model import FIELDS
    from journeylens.storage.store import Store

    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "insights.duckdb"
    files_json = workdir / "files.json"
    if files_json.exists():
        files = json.loads(files_json.read_text())
    else:
        t0 = time.perf_counter()
        files = gen.generate(workdir, answers, events)
        files_json.write_text(json.dumps(files))
        print(f"generated in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if db.exists():
        return db
    t0 = time.perf_counter()
    with Store(db) as store:
        ws = store.ensure_workspace(LOCAL, "bench")
        for kind in ("touchpoints", "responses", "events"):
            path = files["touchpoints_csv"] if kind == "touchpoints" else files[f"{kind}_parquet"]
            prepared = ingest.prepare(path, Path(path).name, kind=kind, store=store)
            mapping = {f.name: f.name for f in FIELDS[kind] if f.name in prepared.columns}
            ingest.load(store, LOCAL, ws, prepared, mapping, kind)
            prepared.cleanup()
    print(f"imported in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return db


def operations(cur: Any, ws: Any, filters: Any) -> dict[str, Any]:
    from journeylens.domain.filters import Filters
    from journeylens.services.insights import alerts, drivers

    opts = drivers.options(cur, ws)
    default = drivers.resolve(opts)
    stages = Filters(
        date_from=filters.date_from,
        date_to=filters.date_to,
        personas=filters.personas,
        stages=("Consideration", "Purchase", "Delivery", "Loyalty"),
    )
    return {
        "drivers: NPS, CSAT drivers (page default)": lambda: drivers.run(cur, ws, filters, default),
        "drivers: NPS, 15 drivers (exact Shapley, 4 stages)": lambda: drivers.run(
            cur, ws, stages, default
        ),
        "drivers: conversion": lambda: drivers.run(
            cur, ws, filters, drivers.DriverSpec("conversion")
        ),
        "alerts: month vs previous (page default)": lambda: alerts.run(
            cur, ws, filters, alerts.AlertSpec("month")
        ),
        "alerts: week vs previous": lambda: alerts.run(cur, ws, filters, alerts.AlertSpec("week")),
        "alerts: month vs a year earlier": lambda: alerts.run(
            cur, ws, filters, alerts.AlertSpec("month", "year")
        ),
    }


def parts(cur: Any, ws: Any, filters: Any) -> dict[str, Any]:
    """The pieces of the default drivers call (the same functions drivers.run calls)."""
    from journeylens.domain import stats
    from journeylens.services.insights import drivers
    from journeylens.services.insights.drivers import inputs

    spec = drivers.resolve(drivers.options(cur, ws))
    facts = inputs.workspace_facts(cur, ws.workspace_id)
    use = inputs.summaries_usable(cur, ws.workspace_id, filters)
    scores = inputs.touchpoint_scores(cur, ws, filters)
    sample = inputs.sample_per_mille(spec, scores, cur, ws, use)

    def sums():
        return inputs.driver_sums(cur, ws, filters, spec, facts, use, sample, [])

    names, dense = inputs.dense_sums(sums())

    def numpy_step():
        return stats.bootstrap_importance(dense, resamples=spec.resamples, seed=spec.seed,
                                          min_pairs=ws.min_n)  # fmt: skip

    return {
        f"  part: pair sums per bucket (SQL, {sample}/1000 sample)": sums,
        "  part: touchpoint scores (response cube)": lambda: inputs.touchpoint_scores(
            cur, ws, filters
        ),
        "  part: conversion impact (SQL)": lambda: inputs.conversion_impact(
            cur, ws, filters, facts["last_touchpoint"], use, facts["has_flags"]
        ),
        f"  part: decomposition + {spec.resamples} resamples ({len(names)} drivers)": numpy_step,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--answers", type=int)
    ap.add_argument("--events", type=int)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    answers, events = SIZES["quick" if args.quick else "full"]
    answers, events = args.answers or answers, args.events or events
    workdir = args.workdir or Path(f"/tmp/jl-insights-{answers // 1_000_000}m")
    db = args.db or prepare(workdir, answers, events)

    from run import FILTERS, measure

    from journeylens.domain.filters import Filters
    from journeylens.storage.store import Store

    store = Store(db, read_only=True)
    ws = store.require_workspace("bench")
    cur = store.cursor()
    counts = store.counts(ws.workspace_id)
    rows = []
    for label, flt in FILTERS.items():
        filters = Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in flt.items()})
        ops = operations(cur, ws, filters)
        ops.update(parts(cur, ws, filters))
        for name, fn in ops.items():
            m = measure(fn, args.runs)
            res = fn()
            detail = ""
            if hasattr(res, "drivers"):
                detail = f"{len(res.drivers)} drivers, n = {res.n:,}, {res.method}"
            elif hasattr(res, "cells"):
                detail = f"{len(res.cells)} cells tested, {res.count} alerts"
            rows.append({"operation": name, "filters": label, **{k: m[k] for k in (
                "seconds", "cpu_seconds", "peak_rss_mib", "runs", "load")}, "detail": detail})  # fmt: skip
            print(f"{label:9s} {name:60s} {m['seconds']:7.3f} s  cpu {m['cpu_seconds']:6.3f}  "
                  f"rss {m['peak_rss_mib']:6.0f} MiB  load {m['load']}  {detail}",
                  file=sys.stderr, flush=True)  # fmt: skip
    store.close()
    if args.json:
        print(json.dumps({"counts": counts, "rows": rows}, indent=2))
        return 0
    print(f"\n{counts['responses']:,} answers, {counts['events']:,} events; median of "
          f"{args.runs} warm runs; target < {TARGET_S} s\n")  # fmt: skip
    print("| operation | filters | seconds | cpu s | peak RSS MiB | load | result | < 2 s |")
    print("|---|---|---:|---:|---:|---:|---|---|")
    for r in rows:
        met = "" if r["operation"].startswith("  part") else (
            "met" if r["seconds"] < TARGET_S else "MISSED")  # fmt: skip
        print(f"| {r['operation'].strip()} | {r['filters']} | {r['seconds']:.3f} | "
              f"{r['cpu_seconds']:.3f} | {r['peak_rss_mib']:.0f} | {r['load']} | {r['detail']} | "
              f"{met} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
