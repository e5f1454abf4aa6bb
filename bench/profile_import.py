"""Where an import's time goes: ingest.prepare and the phases of ingest.load, on one file.

    python bench/profile_import.py FILE KIND [--touchpoints CSV]

Loads FILE (KIND: responses or events) into a fresh on-disk database in /tmp, after the journey
definition (--touchpoints, e.g. the benchmark's touchpoints.csv) so the write-time summaries
have their steps. Prints the seconds of prepare (sniffing and the file's sha256), the check pass
(`build`), each named SQL statement of the load, and the default funnel kept at write time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("kind", choices=("responses", "events"))
    ap.add_argument("--touchpoints")
    args = ap.parse_args()

    from journeylens.domain.permissions import LOCAL
    from journeylens.services import funnel, ingest, summaries
    from journeylens.services.ingest import loader
    from journeylens.storage import sql
    from journeylens.storage.store import Store

    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.perf_counter() - t0

        return wrapper

    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        store = Store(os.path.join(tmp, "profile.duckdb"))
        ws = store.ensure_workspace(LOCAL, "bench")
        if args.touchpoints:
            tp = ingest.prepare(
                args.touchpoints, "touchpoints.csv", kind="touchpoints", store=store
            )
            ingest.load(store, LOCAL, ws, tp, tp.mapping, "touchpoints")
            ws = store.workspace("bench")
        t0 = time.perf_counter()
        prepared = ingest.prepare(args.file, Path(args.file).name, kind=args.kind, store=store)
        prepare_s = time.perf_counter() - t0
        loader.build = timed("check pass (build)", loader.build)
        loader.collect = timed("issues (collect)", loader.collect)
        execute = sql.execute
        sql.execute = lambda cur, name, **p: timed(name, execute)(cur, name, **p)
        summaries.funnel.refresh_default = timed("default funnel", funnel.refresh_default)
        t0 = time.perf_counter()
        result = ingest.load(store, LOCAL, ws, prepared, prepared.mapping, args.kind)
        load_s = time.perf_counter() - t0
        store.close()
        prepared.cleanup()
    print(f"{args.file}: {result.rows_loaded:,} rows loaded, {result.rows_rejected:,} set aside")
    print(f"  prepare (sniffing, sha256)   {prepare_s:8.1f} s")
    print(f"  load                         {load_s:8.1f} s")
    for name, secs in sorted(spent.items(), key=lambda x: -x[1]):
        print(f"    {name:26s} {secs:8.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
