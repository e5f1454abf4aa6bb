"""Import a CSV bigger than memory through the CLI and measure the importer's peak memory.

    .venv/bin/python scripts/big_import.py                 # 2 GB (the default)
    .venv/bin/python scripts/big_import.py --size-mb 200   # a quicker check
    .venv/bin/python scripts/big_import.py --keep DIR      # keep the CSV and database in DIR

It generates a survey export of about --size-mb with DuckDB COPY into a temporary directory, runs
`python -m journeylens ingest FILE --workspace Big --db DB` in a subprocess, samples the
subprocess's resident memory from /proc/<pid>/status every 0.2 s (VmRSS, and VmHWM, the kernel's
own high-water mark), and prints rows, seconds and peak RSS in MiB. Memory is bounded when the
peak stays near the DuckDB memory_limit (JOURNEYLENS_MEMORY_LIMIT, default 2GB) plus the Python
interpreter, whatever the file size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from journeylens.storage import db as jl_db  # noqa: E402 - every connection gets the safe settings

# One survey row per generated integer i; every value is a pure function of i (reproducible).
ROWS_SQL = """
SELECT
    'R_' || lpad(i::VARCHAR, 10, '0') AS "Response ID",
    'C' || (i % 250000)::VARCHAR AS "Customer ID",
    ['Web visit', 'Branch meeting', 'Application', 'Valuation', 'Offer', 'Completion'][1 + i % 6]
        AS "Touchpoint",
    strftime(TIMESTAMP '2024-01-01' + to_seconds((i * 37) % 31536000), '%Y-%m-%d %H:%M:%S')
        AS "Submitted at",
    (i * 7) % 11 AS "How likely are you to recommend us?",
    1 + (i * 3) % 5 AS "CSAT",
    1 + (i * 5) % 7 AS "CES",
    ['Great service, thank you', 'Slow answer from the call centre, had to wait a week',
     'Ok', 'The valuation took far too long and nobody called back',
     'Câte ceva în română, mulțumesc', 'Dịch vụ tốt, cảm ơn'][1 + i % 6] AS "Comment",
    ['First-time buyer', 'Remortgager', 'Investor'][1 + i % 3] AS "Persona",
    ['Retail', 'Premium'][1 + i % 2] AS "Segment"
FROM range($start, $stop) AS t(i)
"""


def generate(path: Path, size_mb: float) -> int:
    """Write a CSV of about size_mb megabytes; returns its row count."""
    con = jl_db.connect()
    con.execute("SET preserve_insertion_order = false")
    probe = path.with_suffix(".probe.csv")
    probe_rows = 100_000
    con.execute(
        f"COPY ({ROWS_SQL}) TO '{probe}' (HEADER, DELIMITER ',')",
        {"start": 0, "stop": probe_rows},
    )
    per_row = probe.stat().st_size / probe_rows
    probe.unlink()
    rows = max(1, int(size_mb * 1_000_000 / per_row))
    con.execute(
        f"COPY ({ROWS_SQL}) TO '{path}' (HEADER, DELIMITER ',')", {"start": 0, "stop": rows}
    )
    con.close()
    return rows


def _status(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0])  # kB
    except (FileNotFoundError, ProcessLookupError, ValueError):
        pass
    return out


def run_ingest(csv_path: Path, db: Path, interval: float = 0.2) -> dict[str, object]:
    cmd = [
        sys.executable, "-m", "journeylens", "ingest", str(csv_path),
        "--workspace", "Big", "--db", str(db),
    ]  # fmt: skip
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = {"rss": 0, "hwm": 0}
    timeline: list[tuple[float, int]] = []
    stderr_chunks: list[str] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        for chunk in iter(lambda: proc.stderr.read(256), ""):
            stderr_chunks.append(chunk)

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    last_print = 0.0
    while proc.poll() is None:
        st = _status(proc.pid)
        if st:
            peak["rss"] = max(peak["rss"], st.get("VmRSS", 0))
            peak["hwm"] = max(peak["hwm"], st.get("VmHWM", 0))
            now = time.perf_counter() - started
            timeline.append((round(now, 1), st.get("VmRSS", 0) // 1024))
            if now - last_print >= 10:
                print(f"  {now:6.0f} s  RSS {st.get('VmRSS', 0) / 1024:8.0f} MiB", flush=True)
                last_print = now
        time.sleep(interval)
    stdout = proc.stdout.read() if proc.stdout else ""
    reader.join(timeout=5)
    seconds = time.perf_counter() - started
    return {
        "returncode": proc.returncode,
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(max(peak["rss"], peak["hwm"]) / 1024, 1),
        "stdout": stdout.strip(),
        "stderr_tail": "".join(stderr_chunks)[-2000:],
        "rss_timeline_mib": timeline[:: max(1, len(timeline) // 60)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=2000.0, help="CSV size (default 2000)")
    parser.add_argument("--keep", help="work in this directory and keep its files")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jl-big-"))
    workdir.mkdir(parents=True, exist_ok=True)
    csv_path, db = workdir / "big_survey.csv", workdir / "big.duckdb"
    try:
        t0 = time.perf_counter()
        rows = generate(csv_path, args.size_mb)
        size = csv_path.stat().st_size
        print(
            f"generated {csv_path} : {rows:,} rows, {size / 2**20:,.0f} MiB "
            f"in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        db.unlink(missing_ok=True)
        result = run_ingest(csv_path, db)
        con = jl_db.connect(str(db), read_only=True)
        loaded = con.execute("SELECT count(*) FROM responses").fetchall()[0][0]
        con.close()
        result.update(rows_in_file=rows, rows_in_db=int(loaded), csv_mib=round(size / 2**20))
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            print(result["stdout"])
            if result["returncode"] != 0:
                print(result["stderr_tail"], file=sys.stderr)
            print(
                f"rows {loaded:,} of {rows:,} · {result['seconds']} s · "
                f"peak RSS {result['peak_rss_mib']:,} MiB · CSV {size / 2**20:,.0f} MiB"
            )
        ok = result["returncode"] == 0 and loaded == rows
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
