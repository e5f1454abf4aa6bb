"""Where the time goes: DuckDB's operator profile of one app query on a benchmark database.

    python bench/profile_queries.py DB QUERY [--selective] [--top N]

QUERY is a queries/*.sql name the dashboards or the funnel run (dash_journey_lanes,
dash_touchpoints, dash_kpis, funnel_rows5, funnel_rows10, ...). Prints the total time and the
N most expensive operators (time, rows out, operator name and its main detail).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]


def walk(node, out, depth=0):
    t = node.get("operator_timing", 0.0)
    name = node.get("operator_name") or node.get("operator_type") or ""
    extra = node.get("extra_info") or {}
    detail = " ".join(f"{k}={str(v)[:80]}" for k, v in list(extra.items())[:2])
    out.append((t, node.get("operator_cardinality", 0), depth, name.strip(), detail))
    for c in node.get("children", []):
        walk(c, out, depth + 1)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("query")
    ap.add_argument("--selective", action="store_true")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()

    import run as bench
    from gen import FUNNEL_5

    from journeylens.domain.filters import Filters
    from journeylens.services import dashboards, funnel
    from journeylens.services.dashboards.sources import cube_is_fresh
    from journeylens.storage import db, sql

    # a plain connection with the Store's settings (the Store may disable file access, which
    # the profiler's JSON output needs)
    cur = db.connect(args.db, config={"memory_limit": "2GB", "preserve_insertion_order": "false"})
    ws_id = cur.execute("SELECT workspace_id FROM workspaces WHERE name = 'bench'").fetchall()[0][0]

    class ws:  # noqa: N801
        workspace_id = ws_id

    flt = bench.SELECTIVE if args.selective else {}
    f = Filters(flt.get("date_from"), flt.get("date_to"), tuple(flt.get("personas", ())))
    params = f.params(ws.workspace_id)
    name = args.query
    fresh = sql.run(cur, "dash_summary_fresh", workspace_id=ws.workspace_id).iloc[0]
    unfiltered = not flt  # the load-time summaries serve the unfiltered view only
    if name.startswith("funnel_rows"):  # the funnel engine's one read (the rest is compiled)
        steps = (
            list(FUNNEL_5) if name == "funnel_rows5" else funnel.default_steps(cur, ws.workspace_id)
        )
        params |= {"codes": steps, "strict": False, "by": None, "with_ids": False}
        params |= {"parts": 1, "part": 0}
        name = "funnel_rows"
    elif name == "dash_journey_lanes":
        params |= {
            "persona": None,
            "stopwords": list(dashboards.STOP_WORDS),
            "min_word_freq": dashboards.THEME_MIN_FREQ,
            "use_volume": unfiltered and bool(fresh["volume"]),
            "use_words": unfiltered and bool(fresh["words"]),
        }
    elif name == "dash_touchpoints":
        params |= {"use_volume": unfiltered and bool(fresh["volume"])}
    elif name == "dash_heatmap":
        params |= {"by": "persona"}
    elif name == "dash_emotion":
        params |= {"by_persona": True}
    elif name == "dash_trend":
        params |= {"grain": "month"}
    elif name == "dash_filter_options":
        params = {"workspace_id": ws.workspace_id, "use_facets": bool(fresh["facets"])}
    if "use_cube" in sql.load(name).params:  # the score queries sum response_cube when fresh
        params |= {"use_cube": cube_is_fresh(cur, ws.workspace_id)}
    query = sql.load(name)
    t0 = time.perf_counter()
    plan = cur.execute("EXPLAIN ANALYZE " + query.text, query.bind(params)).fetchall()[0][1]
    wall = time.perf_counter() - t0
    print(f"{args.query} [{'selective' if args.selective else 'default'}]: wall {wall:.3f} s")
    print(plan)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
