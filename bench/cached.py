"""Cached re-render: the query time of a page shown again with unchanged filters.

    python bench/cached.py DB [--runs N] [--json]

DB is a benchmark database (`run.py --keep` leaves `app_csv.duckdb` in its work directory).
Every page's queries go through the app's own cache (`journeylens.ui.data.query`, the
`st.cache_data` entry keyed on workspace, data version, query and parameters): one pass fills
it, then each timed pass is a re-render. Streamlit's memory cache is used as in the app (outside
a running server Streamlit warns that there is no runtime; the cache works the same way). Target:
under 100 ms of query time per page.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    os.environ["JOURNEYLENS_DB"] = str(Path(args.db).resolve())
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    from gen import FUNNEL_5
    from run import FILTERS, WINDOW

    from journeylens.domain.filters import Filters
    from journeylens.services import funnel
    from journeylens.storage.store import Store
    from journeylens.ui import data

    store = Store(os.environ["JOURNEYLENS_DB"], read_only=True)
    ws = store.workspace("bench")
    assert ws is not None
    steps = funnel.default_steps(store.cursor(), ws.workspace_id)
    store.close()
    rows = []
    for fname, flt in FILTERS.items():
        f = Filters(
            date_from=flt.get("date_from"),
            date_to=flt.get("date_to"),
            personas=tuple(flt.get("personas", ())),
        )
        default = funnel.FunnelSpec(tuple(steps), window_seconds=ws.conversion_window_seconds)
        pages = {
            "overview": [
                ("kpis", {}),
                ("trend", {"grain": "month"}),
                ("worst_touchpoints", {"metric": "nps", "k": 3}),
                ("funnel", {"spec": default}),
            ],
            "journey map": [("journey_lanes", {"persona": None}), ("filter_options", {})],
            "emotion curve": [
                ("emotion_curve", {"by_persona": False}),
                ("emotion_curve", {"by_persona": True}),
                ("touchpoint_metrics", {}),
            ],
            "heatmap": [("heatmap", {"by": "persona", "metric": "nps"})],
            "comments p1": [("comments", {"page": 1, "page_size": 50})],
            "funnel": [
                ("funnel", {"spec": funnel.FunnelSpec(tuple(FUNNEL_5), window_seconds=WINDOW)})
            ],
        }
        for page, queries in pages.items():

            def render(queries: list = queries, f: Filters = f) -> None:
                for name, kwargs in queries:
                    data.query(ws, f, name, **kwargs)

            t0 = time.perf_counter()
            render()  # fills the cache
            first = time.perf_counter() - t0
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                render()
                times.append(time.perf_counter() - t0)
            rows.append(
                {
                    "page": page,
                    "filter": fname,
                    "first_seconds": first,
                    "cached_seconds": statistics.median(times),
                }
            )
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print("| page | filters | first render, s | cached re-render, ms | < 100 ms |")
    print("|---|---|---:|---:|---|")
    for r in rows:
        ms = 1000 * r["cached_seconds"]
        print(
            f"| {r['page']} | {r['filter']} | {r['first_seconds']:.3f} | {ms:.1f} | "
            f"{'met' if ms < 100 else 'MISSED'} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
