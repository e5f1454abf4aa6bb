"""JourneyLens performance benchmark.

    python bench/run.py [--quick] [--json] [--workdir DIR] [--keep] [--runs N] [--no-pandas]

1. Generates seeded synthetic data with DuckDB SQL (bench/gen.py) as CSV and Parquet.
2. Imports it through the app's importer (journeylens.services.ingest.prepare + load into an on-disk
   Store), from CSV and from Parquet, against DuckDB's own read_csv / read_parquet (and pandas).
3. Times every query each page issues (journeylens.services.dashboards / journeylens.services.funnel called
   directly with a Store cursor, no Streamlit cache) under the default filters and a selective
   filter, against hand-written DuckDB SQL (bench/baselines.py) and pandas.

Timing: median of N warm runs (after one untimed warm-up run) per operation.
Memory: every group of operations runs in its own child process; before each operation the
child resets its peak-RSS counter (writing 5 to /proc/self/clear_refs resets VmHWM) and reads
VmHWM after the warm-up and timed runs. So peak_rss_mib is the true peak resident set of a
process doing that operation, including what the process already held (Python, DuckDB's buffer
cache from earlier operations of the same group), as a serving process would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

QUICK = {"answers": 1_000_000, "events": 5_000_000}
FULL = {"answers": 10_000_000, "events": 50_000_000}
WINDOW = 14 * 86400
SLOW_RUNS = 3
SELECTIVE = {
    "personas": ["Loyalist"],
    "date_from": dt.date(2024, 4, 1),
    "date_to": dt.date(2024, 6, 30),
}
FILTERS = {"default": {}, "selective": SELECTIVE}
PAGES = {
    "overview": ["kpis", "trend", "worst_touchpoints", "default_funnel"],
    "journey map": ["journey_lanes", "filter_options"],
    "emotion curve": ["emotion_curve_overall", "emotion_curve_persona", "touchpoint_metrics"],
    "heatmap": ["heatmap"],
    "comments p1": ["comments"],
}


# --- memory ------------------------------------------------------------------------------------


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def peak_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


SLOW_WARMUP = 2.0  # an operation whose warm-up run takes longer gets SLOW_RUNS timed runs


def measure(fn: Any, runs: int, warmup: int = 1) -> dict[str, Any]:
    reset_peak()
    result = None
    w0 = time.perf_counter()
    for _ in range(warmup):
        result = fn()
    if time.perf_counter() - w0 > SLOW_WARMUP * max(warmup, 1):
        runs = min(runs, SLOW_RUNS)
    times, cpus = [], []
    load0 = os.getloadavg()[0]
    for _ in range(runs):
        c0 = cpu_seconds()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpus.append(cpu_seconds() - c0)
    return {
        "seconds": statistics.median(times),
        "cpu_seconds": statistics.median(cpus),
        "all": times,
        "runs": runs,
        "load": round(max(load0, os.getloadavg()[0]), 1),
        "peak_rss_mib": peak_mib(),
        "rows": _rows(result),
        "check": _check(result),
    }


def _rows(result: Any) -> int | None:
    import pandas as pd

    if isinstance(result, tuple):
        result = result[0]
    if isinstance(result, pd.DataFrame):
        return len(result)
    return None


def _check(result: Any) -> Any:
    """A small, comparable digest of a result (funnel counts)."""
    import pandas as pd

    if isinstance(result, list) and result and isinstance(result[0], int):
        return result
    if isinstance(result, pd.DataFrame) and "count" in result.columns and "step" in result.columns:
        return [int(x) for x in result["count"]]
    return None


# --- worker: import ----------------------------------------------------------------------------


def worker_import(spec: dict[str, Any]) -> dict[str, Any]:
    files, fmt, impl, db = spec["files"], spec["fmt"], spec["impl"], spec["db"]
    out: dict[str, Any] = {"base_rss_mib": rss_mib()}
    kinds = ["touchpoints", "responses", "events"] if impl == "app" else ["responses", "events"]
    if impl == "app":
        from journeylens.domain.permissions import LOCAL
        from journeylens.services import ingest
        from journeylens.services.ingest.model import FIELDS
        from journeylens.storage.store import Store

        store = Store(db)
        ws = store.ensure_workspace(LOCAL, "bench")
        for kind in kinds:
            path = files["touchpoints_csv"] if kind == "touchpoints" else files[f"{kind}_{fmt}"]
            if spec.get("validate") and kind != "touchpoints":
                reset_peak()
                t0 = time.perf_counter()
                prepared = ingest.prepare(path, Path(path).name, kind=kind, store=store)
                mapping = {f.name: f.name for f in FIELDS[kind] if f.name in prepared.columns}
                report = ingest.validate(store, prepared, mapping, kind)
                prepared.cleanup()
                out[f"validate {kind}"] = {
                    "seconds": time.perf_counter() - t0,
                    "peak_rss_mib": peak_mib(),
                    "rows": report.rows_ok,
                    "rejected": report.rows_rejected,
                }
            reset_peak()
            t0 = time.perf_counter()
            prepared = ingest.prepare(path, Path(path).name, kind=kind, store=store)
            mapping = {f.name: f.name for f in FIELDS[kind] if f.name in prepared.columns}
            result = ingest.load(store, LOCAL, ws, prepared, mapping, kind)
            prepared.cleanup()
            out[kind] = {
                "seconds": time.perf_counter() - t0,
                "peak_rss_mib": peak_mib(),
                "load": os.getloadavg()[0],
                "rows": result.rows_loaded,
                "rejected": result.rows_rejected,
            }
        out["workspace_id"] = ws.workspace_id
        store.close()
    elif impl == "duckdb":
        from journeylens.storage import db as jl_db

        con = jl_db.connect(db, config={"memory_limit": "2GB", "preserve_insertion_order": "false"})
        reader = "read_csv" if fmt == "csv" else "read_parquet"
        for kind in kinds:
            reset_peak()
            t0 = time.perf_counter()
            con.execute(
                f"CREATE TABLE {kind} AS SELECT * FROM {reader}($p)", {"p": files[f"{kind}_{fmt}"]}
            )
            n = con.execute(f"SELECT count(*) FROM {kind}").fetchall()[0][0]
            out[kind] = {"seconds": time.perf_counter() - t0, "peak_rss_mib": peak_mib(), "rows": n}
        con.close()
    else:  # pandas
        import pandas as pd

        for kind in kinds:
            reset_peak()
            t0 = time.perf_counter()
            path = files[f"{kind}_{fmt}"]
            df = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
            out[kind] = {
                "seconds": time.perf_counter() - t0,
                "peak_rss_mib": peak_mib(),
                "rows": len(df),
            }
            del df
    return out


# --- worker: serve ----------------------------------------------------------------------------


def app_ops(cur: Any, ws: Any, flt: dict[str, Any], steps5: list[str]) -> dict[str, Any]:
    from journeylens.domain.filters import Filters
    from journeylens.services import dashboards, funnel

    f = Filters(
        date_from=flt.get("date_from"),
        date_to=flt.get("date_to"),
        personas=tuple(flt.get("personas", ())),
    )

    def default_funnel() -> Any:
        steps = funnel.default_steps(cur, ws.workspace_id)
        spec = funnel.FunnelSpec(tuple(steps), window_seconds=ws.conversion_window_seconds)
        return funnel.run(cur, ws.workspace_id, f, spec)

    spec5 = funnel.FunnelSpec(tuple(steps5), window_seconds=WINDOW)
    return {
        "kpis": lambda: dashboards.kpis(cur, ws, f),
        "trend": lambda: dashboards.trend(cur, ws, f, "month"),
        "worst_touchpoints": lambda: dashboards.worst_touchpoints(cur, ws, f, "nps", 3),
        "default_funnel": default_funnel,
        "journey_lanes": lambda: dashboards.journey_lanes(cur, ws, f, None),
        "filter_options": lambda: dashboards.filter_options(cur, ws.workspace_id),
        "emotion_curve_overall": lambda: dashboards.emotion_curve(cur, ws, f, False),
        "emotion_curve_persona": lambda: dashboards.emotion_curve(cur, ws, f, True),
        "touchpoint_metrics": lambda: dashboards.touchpoint_metrics(cur, ws, f),
        "heatmap": lambda: dashboards.heatmap(cur, ws, f, "persona", "nps"),
        "comments": lambda: dashboards.comments(cur, ws, f, page=1, page_size=50),
        "funnel_5step_14d": lambda: funnel.run(cur, ws.workspace_id, f, spec5),
    }


def sql_ops(con: Any, ws_id: int, flt: dict[str, Any], steps5: list[str], variant: str):
    import baselines as b

    from journeylens.services.dashboards import STOP_WORDS

    def default_funnel() -> Any:
        steps = b.default_steps_sql(con, ws_id)
        return b.sql_funnel(con, ws_id, flt, steps, WINDOW, variant)

    return {
        "kpis": lambda: b.sql_kpis(con, ws_id, flt),
        "trend": lambda: b.sql_trend(con, ws_id, flt),
        "worst_touchpoints": lambda: b.sql_worst_touchpoints(con, ws_id, flt),
        "default_funnel": default_funnel,
        "journey_lanes": lambda: b.sql_journey_lanes(con, ws_id, flt, list(STOP_WORDS)),
        "filter_options": lambda: b.sql_filter_options(con, ws_id, flt),
        "emotion_curve_overall": lambda: b.sql_emotion_curve(con, ws_id, flt, False),
        "emotion_curve_persona": lambda: b.sql_emotion_curve(con, ws_id, flt, True),
        "touchpoint_metrics": lambda: b.sql_touchpoint_metrics(con, ws_id, flt),
        "heatmap": lambda: b.sql_heatmap(con, ws_id, flt),
        "comments": lambda: b.sql_comments(con, ws_id, flt),
        "funnel_5step_14d": lambda: b.sql_funnel(con, ws_id, flt, steps5, WINDOW, variant),
    }


def pandas_ops(fr: dict[str, Any], flt: dict[str, Any], steps5: list[str], steps10: list[str]):
    import baselines as b

    from journeylens.services.dashboards import STOP_WORDS

    return {
        "kpis": lambda: b.pd_kpis(fr, flt),
        "trend": lambda: b.pd_trend(fr, flt),
        "worst_touchpoints": lambda: b.pd_worst_touchpoints(fr, flt),
        "default_funnel": lambda: b.pd_funnel(fr, flt, steps10, WINDOW),
        "journey_lanes": lambda: b.pd_journey_lanes(fr, flt, list(STOP_WORDS)),
        "filter_options": lambda: b.pd_filter_options(fr, flt),
        "emotion_curve_overall": lambda: b.pd_emotion_curve(fr, flt, False),
        "emotion_curve_persona": lambda: b.pd_emotion_curve(fr, flt, True),
        "touchpoint_metrics": lambda: b.pd_touchpoint_metrics(fr, flt),
        "heatmap": lambda: b.pd_heatmap(fr, flt),
        "comments": lambda: b.pd_comments(fr, flt),
        "funnel_5step_14d": lambda: b.pd_funnel(fr, flt, steps5, WINDOW),
    }


def worker_serve(spec: dict[str, Any]) -> dict[str, Any]:
    from gen import FUNNEL_5, TOUCHPOINTS

    flt = FILTERS[spec["filter"]]
    impl, runs = spec["impl"], spec["runs"]
    steps5 = list(FUNNEL_5)
    out: dict[str, Any] = {}
    if impl == "app":
        from journeylens.storage.store import Store

        store = Store(spec["db"])
        ws = store.workspace("bench")
        cur = store.cursor()
        ops = app_ops(cur, ws, flt, steps5)
    elif impl.startswith("sql"):
        from journeylens.storage import db as jl_db

        con = jl_db.connect(
            spec["db"],
            read_only=True,
            config={"memory_limit": "2GB", "preserve_insertion_order": "false"},
        )
        ws_id = con.execute("SELECT workspace_id FROM workspaces WHERE name = 'bench'").fetchall()[
            0
        ][0]
        ops = sql_ops(con, ws_id, flt, steps5, "window" if impl == "sql-window" else "asof")
        if impl == "sql-window":
            ops = {k: v for k, v in ops.items() if k == "funnel_5step_14d"}
    else:
        import baselines as b
        import pandas as pd

        files = spec["files"]
        t0 = time.perf_counter()
        fr = {
            "responses": b.pandas_prepare(pd.read_parquet(files["responses_parquet"])),
            "events": pd.read_parquet(files["events_parquet"]),
            "touchpoints": pd.read_csv(files["touchpoints_csv"]),
        }
        out["_load_seconds"] = time.perf_counter() - t0
        ops = pandas_ops(fr, flt, steps5, [t[0] for t in TOUCHPOINTS[:10]])
    out["_base_rss_mib"] = rss_mib()
    only = spec.get("only")
    for name, fn in ops.items():
        if only and name not in only:
            continue
        try:
            out[name] = measure(fn, runs)
        except Exception as exc:  # report, keep going
            out[name] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    return out


# --- parent ------------------------------------------------------------------------------------


def child(spec: dict[str, Any], timeout: float, log: Any) -> dict[str, Any]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", json.dumps(spec, default=str)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    log(
        f"  {spec['kind']}/{spec.get('impl')}/{spec.get('fmt', spec.get('filter'))}: "
        f"{time.perf_counter() - t0:.1f} s"
    )
    if proc.returncode != 0:
        return {"_error": (proc.stderr or proc.stdout)[-2000:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt_s(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def _meta(a: dict, b: dict) -> dict:
    return {
        "cpu": a.get("cpu_seconds"),
        "runs": a.get("runs"),
        "load": a.get("load"),
        "base_runs": b.get("runs"),
    }


def build_rows(imports: dict, serve: dict, files: dict) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(op, sec, peak, base_name, base_sec, extra=None):
        ratio = sec / base_sec if sec is not None and base_sec else None
        row = {
            "operation": op,
            "seconds": None if sec is None else round(sec, 4),
            "peak_rss_mib": None if peak is None else round(peak, 1),
            "baseline": base_name,
            "baseline_seconds": None if base_sec is None else round(base_sec, 4),
            "ratio": None if ratio is None else round(ratio, 3),
        }
        rows.append((row, extra or {}))

    # imports
    for fmt in ("csv", "parquet"):
        app = imports.get(("app", fmt), {})
        for kind in ("touchpoints", "responses", "events"):
            if kind not in app:
                continue
            a = app[kind]
            mb = files.get(f"{kind}_{fmt}_bytes")
            extra = {
                "rows": a.get("rows"),
                "bytes": mb,
                "load": a.get("load") and round(a["load"], 1),
            }
            for base in ("duckdb", "pandas"):
                bres = imports.get((base, fmt), {}).get(kind)
                if kind == "touchpoints":
                    if base == "duckdb":
                        add(
                            f"import {kind} ({fmt})",
                            a["seconds"],
                            a["peak_rss_mib"],
                            None,
                            None,
                            extra,
                        )
                    continue
                if bres is None and base == "pandas":
                    continue
                name = (
                    ("duckdb read_csv" if fmt == "csv" else "duckdb read_parquet")
                    if base == "duckdb"
                    else ("pandas read_csv" if fmt == "csv" else "pandas read_parquet")
                )
                add(
                    f"import {kind} ({fmt})",
                    a["seconds"],
                    a["peak_rss_mib"],
                    name,
                    bres["seconds"] if bres else None,
                    {**extra, "base_peak": bres and bres["peak_rss_mib"]},
                )
            v = app.get(f"validate {kind}")
            if v:
                add(
                    f"validate() preview {kind} ({fmt})",
                    v["seconds"],
                    v["peak_rss_mib"],
                    None,
                    None,
                )
    # queries
    for fname in FILTERS:
        app = serve.get(("app", fname), {})
        for base_impl, base_label in (("sql", "hand-written SQL"), ("pandas", "pandas")):
            base = serve.get((base_impl, fname))
            if base is None:
                continue
            for page, ops in PAGES.items():
                tot, btot, peak, ok = 0.0, 0.0, 0.0, True
                for op in ops:
                    a, b = app.get(op, {}), base.get(op, {})
                    if "seconds" not in a:
                        ok = False
                        continue
                    tot += a["seconds"]
                    peak = max(peak, a["peak_rss_mib"])
                    btot = btot + b["seconds"] if "seconds" in b and btot is not None else None
                    add(
                        f"  {page}: {op} [{fname}]",
                        a["seconds"],
                        a["peak_rss_mib"],
                        base_label,
                        b.get("seconds"),
                        {
                            "rows": a.get("rows"),
                            "check": a.get("check"),
                            "base_check": b.get("check"),
                            "error": a.get("error") or b.get("error"),
                            **_meta(a, b),
                        },
                    )
                add(
                    f"PAGE {page} [{fname}]",
                    tot if ok else None,
                    peak,
                    base_label,
                    btot,
                    {"page": page, "filter": fname},
                )
            a, b = app.get("funnel_5step_14d", {}), base.get("funnel_5step_14d", {})
            add(
                f"FUNNEL 5-step 14d [{fname}]",
                a.get("seconds"),
                a.get("peak_rss_mib"),
                base_label + (" (ASOF)" if base_impl == "sql" else ""),
                b.get("seconds"),
                {
                    "funnel": True,
                    "filter": fname,
                    "check": a.get("check"),
                    "base_check": b.get("check"),
                    "error": a.get("error") or b.get("error"),
                    **_meta(a, b),
                },
            )
            if base_impl == "sql":
                w = serve.get(("sql-window", fname), {}).get("funnel_5step_14d", {})
                if "seconds" in w:
                    add(
                        f"FUNNEL 5-step 14d [{fname}]",
                        a.get("seconds"),
                        a.get("peak_rss_mib"),
                        "hand-written SQL (window)",
                        w["seconds"],
                        {
                            "funnel": True,
                            "filter": fname,
                            "check": a.get("check"),
                            "base_check": w.get("check"),
                            **_meta(a, w),
                        },
                    )
    return rows


def targets(rows: list, imports: dict, full: bool) -> list[str]:
    out = []
    scale = "" if full else " (quick size: the targets are stated for the full size)"
    for row, _extra in rows:
        op = row["operation"]
        if op.startswith("PAGE") and row["baseline"] == "hand-written SQL":
            ok = row["seconds"] is not None and row["seconds"] < 1.0
            out.append(
                f"{op}: {fmt_s(row['seconds'])} s < 1 s → {'met' if ok else 'MISSED'}{scale}"
            )
    best: dict[str, float] = {}
    for row, extra in rows:
        if (
            extra.get("funnel")
            and row["baseline"].startswith("hand-written")
            and row["baseline_seconds"]
        ):
            f = extra["filter"]
            best[f] = min(best.get(f, 1e18), row["baseline_seconds"])
    for row, extra in rows:
        if extra.get("funnel") and row["baseline"] == "hand-written SQL (ASOF)":
            f = extra["filter"]
            s = row["seconds"]
            r = s / best[f] if s and f in best else None
            ok = s is not None and s < 2.0 and r is not None and r <= 1.2
            same = extra.get("check") == extra.get("base_check")
            out.append(
                f"{row['operation']}: {fmt_s(s)} s (< 2 s), {r and round(r, 2)}x the best hand-written "
                f"({fmt_s(best.get(f))} s, <= 1.2x) → {'met' if ok else 'MISSED'}{scale}; "
                f"counts {'match' if same else 'DIFFER'}: app {extra.get('check')} vs baseline {extra.get('base_check')}"
            )
    for row, extra in rows:
        if row["operation"].startswith("import") and row["baseline"] in ("duckdb read_csv",):
            r = row["ratio"]
            thr = (1 / r) if r else None
            ok = thr is not None and thr >= 0.8
            out.append(
                f"{row['operation']}: throughput {thr and round(100 * thr)}% of DuckDB read_csv (>= 80%) → "
                f"{'met' if ok else 'MISSED'}; peak RSS {row['peak_rss_mib']:.0f} MiB for a "
                f"{(extra.get('bytes') or 0) / 2**30:.2f} GiB file (< 3 GB for 2 GB) → "
                f"{'met' if row['peak_rss_mib'] < 3000 * (extra.get('bytes') or 0) / 2e9 + 200 or row['peak_rss_mib'] < 3000 else 'MISSED'}"
            )
    serving = [row["peak_rss_mib"] for row, extra in rows if row["operation"].startswith("PAGE")]
    serving += [row["peak_rss_mib"] for row, extra in rows if extra.get("funnel")]
    serving = [s for s in serving if s is not None]
    if serving:
        m = max(serving)
        out.append(
            f"Serving memory: peak RSS {m:.0f} MiB (< 2048 MiB) → {'met' if m < 2048 else 'MISSED'}{scale}"
        )
    big = [
        (row["operation"], extra["rows"])
        for row, extra in rows
        if extra.get("rows") is not None and row["operation"].startswith("  ")
    ]
    worst = max(big, key=lambda x: x[1]) if big else None
    if worst:
        out.append(
            f"Chart rows: largest dashboard result {worst[1]} rows ({worst[0].strip()}) "
            f"(<= 5000) → {'met' if worst[1] <= 5000 else 'MISSED'}"
        )
    return out


def table(rows: list) -> str:
    head = (
        "| operation | seconds | cpu s | peak RSS MiB | baseline | baseline s | ratio | rows "
        "| runs | load |"
    )
    lines = [head, "|---|---:|---:|---:|---|---:|---:|---:|---|---:|"]
    for row, extra in rows:
        note = extra.get("error") or ""
        if (
            extra.get("check") is not None
            and extra.get("base_check") is not None
            and extra["check"] != extra["base_check"]
        ):
            note = f"counts differ: {extra['check']} vs {extra['base_check']}"
        rows_ = extra.get("rows")
        peak = "—" if row["peak_rss_mib"] is None else f"{row['peak_rss_mib']:.0f}"
        ratio = "—" if row["ratio"] is None else f"{row['ratio']:.2f}"
        op = row["operation"].replace("  ", "&nbsp;&nbsp;")
        cell = ("" if rows_ is None else str(rows_)) + ((" " + note) if note else "")
        lines.append(
            f"| {op} | {fmt_s(row['seconds'])} | {fmt_s(extra.get('cpu'))} | {peak} | "
            f"{row['baseline'] or '—'} | {fmt_s(row['baseline_seconds'])} | {ratio} | {cell} | "
            f"{extra.get('runs') or ''}{'/' + str(extra['base_runs']) if extra.get('base_runs') else ''} | "
            f"{extra.get('load') or ''} |"
        )
    return "\n".join(lines)


def machine() -> str:
    import duckdb

    mem = 0
    with open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 2**20
    return (
        f"nproc {os.cpu_count()}, RAM {mem:.1f} GiB, Python {sys.version.split()[0]}, "
        f"DuckDB {duckdb.__version__}, pandas {__import__('pandas').__version__}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick", action="store_true", help="1M answers / 5M events (default: 10M / 50M)"
    )
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--workdir", help="where data and databases go (default: a temp dir in /tmp)")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--runs", type=int, default=5, help="timed warm runs per operation")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-pandas", action="store_true", help="skip the pandas baselines")
    ap.add_argument(
        "--validate",
        action="store_true",
        help="also time validate() (the upload page's preview pass, one more full pass over the file)",
    )
    ap.add_argument("--reuse", action="store_true", help="reuse data and databases in --workdir")
    ap.add_argument("--markdown", help="also write the table and target lines to this file")
    ap.add_argument("--timeout", type=float, default=3600, help="per child process, seconds")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--size", help=argparse.SUPPRESS)  # ANSWERS,EVENTS for smoke tests
    args = ap.parse_args()

    if args.worker:
        spec = json.loads(args.worker)
        res = worker_import(spec) if spec["kind"] == "import" else worker_serve(spec)
        print(json.dumps(res, default=str))
        return 0

    size = QUICK if args.quick else FULL
    if args.size:
        a, e = (int(x) for x in args.size.split(","))
        size = {"answers": a, "events": e}
    pandas_on = not args.no_pandas and args.quick
    validate = args.validate
    workdir = (
        Path(args.workdir)
        if args.workdir
        else Path(tempfile.mkdtemp(prefix="jl-bench-", dir="/tmp"))
    )
    created = not args.workdir
    workdir.mkdir(parents=True, exist_ok=True)

    def log(m: str) -> None:
        print(m, file=sys.stderr, flush=True)

    log(
        f"JourneyLens benchmark ({'quick' if args.quick else 'full'}): {size['answers']:,} answers, "
        f"{size['events']:,} events; workdir {workdir}; {machine()}"
    )
    t_all = time.perf_counter()
    try:
        import gen

        meta = workdir / "files.json"
        if args.reuse and meta.exists():
            files = json.loads(meta.read_text())
        else:
            t0 = time.perf_counter()
            files = gen.generate(workdir, size["answers"], size["events"], args.seed)
            files["generate_seconds"] = time.perf_counter() - t0
            meta.write_text(json.dumps(files))
        log(
            f"data: {files['responses_rows']:,} answers, {files['events_rows']:,} events, "
            f"{files['customers']:,} customers; CSV {files['responses_csv_bytes'] / 2**20:.0f} + "
            f"{files['events_csv_bytes'] / 2**20:.0f} MiB (generated in {files.get('generate_seconds', 0):.0f} s)"
        )

        imports: dict[tuple[str, str], dict] = {}
        db = {fmt: str(workdir / f"app_{fmt}.duckdb") for fmt in ("csv", "parquet")}
        for fmt in ("csv", "parquet"):
            impls = ["app", "duckdb"] + (["pandas"] if pandas_on else [])
            for impl in impls:
                path = db[fmt] if impl == "app" else str(workdir / f"{impl}_{fmt}.duckdb")
                cache = workdir / f"import_{impl}_{fmt}.json"
                if args.reuse and cache.exists():
                    imports[(impl, fmt)] = json.loads(cache.read_text())
                    continue
                for p in (path, path + ".wal"):
                    if os.path.exists(p):
                        os.remove(p)
                res = child(
                    {
                        "kind": "import",
                        "impl": impl,
                        "fmt": fmt,
                        "files": files,
                        "db": path,
                        "validate": validate and fmt == "csv",
                    },
                    args.timeout,
                    log,
                )
                imports[(impl, fmt)] = res
                if "_error" in res:
                    log(res["_error"])
                else:
                    cache.write_text(json.dumps(res))
                if impl != "app" and os.path.exists(path):
                    os.remove(path)
        if os.path.exists(db["parquet"]) and "_error" not in imports.get(
            ("app", "csv"), {"_error": 1}
        ):
            os.remove(db["parquet"])  # both imports hold the same rows; serve from the CSV one

        serve: dict[tuple[str, str], dict] = {}
        impls = ["app", "sql", "sql-window"] + (["pandas"] if pandas_on else [])
        for fname in FILTERS:
            for impl in impls:
                res = child(
                    {
                        "kind": "serve",
                        "impl": impl,
                        "filter": fname,
                        "db": db["csv"],
                        "runs": args.runs,
                        "files": files,
                    },
                    args.timeout,
                    log,
                )
                if "_error" in res:
                    log(res["_error"])
                serve[(impl, fname)] = res
        rows = build_rows(imports, serve, files)
        lines = targets(rows, imports, not args.quick)
        elapsed = time.perf_counter() - t_all
        summary = (
            f"{'Quick' if args.quick else 'Full'} run, {dt.datetime.now():%Y-%m-%d %H:%M}: "
            f"{files['responses_rows']:,} answers, {files['events_rows']:,} events, "
            f"{files['customers']:,} customers; {machine()}; median of {args.runs} warm runs; "
            f"total wall time {elapsed / 60:.1f} min."
        )
        text = (
            summary
            + "\n\n"
            + table(rows)
            + "\n\nTargets:\n\n"
            + "\n".join(f"- {x}" for x in lines)
            + "\n"
        )
        if args.markdown:
            Path(args.markdown).write_text(text)
        (workdir / "results.json").write_text(
            json.dumps(
                {
                    "rows": [r for r, _ in rows],
                    "extra": [e for _, e in rows],
                    "serve": {f"{k[0]}|{k[1]}": v for k, v in serve.items()},
                    "imports": {f"{k[0]}|{k[1]}": v for k, v in imports.items()},
                    "files": files,
                },
                default=str,
                indent=1,
            )
        )
        if args.json:
            print(json.dumps([r for r, _ in rows], indent=1))
        else:
            print(text)
        return 0
    finally:
        if created and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
