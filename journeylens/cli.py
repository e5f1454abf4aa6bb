"""`python -m journeylens ...`: demo, ingest, metrics, funnel, drivers, alerts, paths,
attribution and themes, headless and scriptable.

Whoever runs the command owns the database file: the CLI writes with `LOCAL` access.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

from journeylens import cli_drivers as insights_cli
from journeylens.cli_flows import add_insight_commands
from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import demo, funnel, ingest, persona_rules, workspaces
from journeylens.services.dashboards import sources as dash_sources
from journeylens.services.ingest import staging
from journeylens.storage import queries
from journeylens.storage.store import Store, StoreError

GROUPS = ("touchpoint", "segment", "persona", "channel", "stage", "month")


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db) if args.db else Store()


def _clean(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def metrics_records(store: Store, workspace: str, by: str | None) -> list[dict[str, Any]]:
    ws = store.require_workspace(workspace)
    cur = store.cursor()
    try:
        # by persona: the workspace's defined personas, as on the heatmap
        groups = persona_rules.breakdown_groups(cur, ws.workspace_id, Filters(), by)
        counts = queries.metrics_by(
            cur,
            filters=Filters(),
            workspace_id=ws.workspace_id,
            by=by or "all",
            **groups,
            use_cube=dash_sources.cube_serves(cur, ws.workspace_id, by, groups),
        )
    finally:
        cur.close()
    df = metrics.with_metrics(counts, ws.min_n)
    out = []
    nps_cols = metrics.METRIC_COLUMNS["nps"]
    for row in df.to_dict("records"):
        low, high = metrics.finite(row[nps_cols["low"]]), metrics.finite(row[nps_cols["high"]])
        out.append(
            {
                "group": row["group"] if by else "all",
                "n_nps": int(row["n_nps"]),
                "promoters": int(row["promoters"]),
                "passives": int(row["passives"]),
                "detractors": int(row["detractors"]),
                "nps": _round(row["nps"]),
                "nps_ci95": [_round(low), _round(high)] if low is not None else None,
                "n_csat": int(row["n_csat"]),
                "csat": _round(row["csat"]),
                "csat_mean": _round(row["csat_mean"], 4),
                "n_ces": int(row["n_ces"]),
                "ces_mean": _round(row["ces_mean"], 4),
            }
        )
    return out


def _round(value: Any, digits: int = 4) -> float | None:
    f = metrics.finite(value)
    return None if f is None else round(f, digits)


def cmd_demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with _store(args) as store:
        ws = demo.install(store, LOCAL, seed=args.seed, customers=args.customers)
        counts = store.counts(ws.workspace_id)
    print(
        f"Demo workspace {ws.name!r}: {counts['events']:,} events, {counts['responses']:,} "
        f"responses, {counts['touchpoints']} touchpoints ({time.perf_counter() - started:.1f} s)."
    )
    return 0


def _parse_map(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        field, sep, column = item.partition("=")
        if not sep or not field.strip():
            raise ValueError(f"--map expects field=Column, got {item!r}")
        mapping[field.strip()] = column
    return mapping


def cmd_ingest(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    started = time.perf_counter()

    def progress(rows: int, fraction: float) -> None:
        elapsed = time.perf_counter() - started
        print(
            f"\r  {rows:,} rows, {100 * fraction:.0f}%, {elapsed:.1f} s",
            end="",
            file=sys.stderr,
            flush=True,
        )

    staging.clean_stale()  # folders a killed import left behind
    with _store(args) as store:
        prepared = ingest.prepare(path, path.name, kind=args.kind, store=store)
        for warning in prepared.warnings:  # said before anything is loaded
            print(f"warning: {warning.text('en')}", file=sys.stderr)
        kind = args.kind or prepared.kind
        mapping = ingest.override(prepared.mapping_for(kind), _parse_map(args.map or []))
        created = store.workspace(args.workspace) is None
        ws = store.ensure_workspace(LOCAL, args.workspace)
        try:
            if args.mask_pii:
                ws = workspaces.update_settings(store, LOCAL, ws, mask_pii=True)
            result = ingest.load(store, LOCAL, ws, prepared, mapping, kind, progress=progress)
        except BaseException:
            if created:  # a failed first load leaves no empty workspace behind
                store.delete_workspace(LOCAL, ws.workspace_id)
            raise
        finally:
            print("", file=sys.stderr)
    print(
        f"Loaded {path.name} into {args.workspace!r} as {kind}: {result.rows_loaded:,} rows loaded, "
        f"{result.rows_rejected:,} set aside (dataset {result.dataset_id}, "
        f"{prepared.platform}, {time.perf_counter() - started:.1f} s)."
    )
    for issue in result.issues[:20]:
        print(f"  set aside: {issue.text('en')}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning.text('en')}", file=sys.stderr)
    return 0


def cmd_metrics(args: argparse.Namespace) -> int:
    with _store(args) as store:
        records = metrics_records(store, args.workspace, args.by)
    if args.json:
        print(json.dumps([{k: _clean(v) for k, v in r.items()} for r in records], indent=2))
    else:
        for r in records:
            print(
                f"{r['group']}: NPS {r['nps']} (n={r['n_nps']}), CSAT {r['csat']}% "
                f"(n={r['n_csat']}), CES {r['ces_mean']} (n={r['n_ces']})"
            )
    return 0


def cmd_funnel(args: argparse.Namespace) -> int:
    spec = funnel.FunnelSpec(
        steps=tuple(s.strip() for s in args.steps.split(",") if s.strip()),
        window_seconds=funnel.parse_window(args.window),
        strict=args.strict,
        exclusions=tuple(funnel.parse_exclusion(x) for x in args.exclude or []),
    )
    with _store(args) as store:
        ws = store.require_workspace(args.workspace)
        cur = store.cursor()
        try:
            df = funnel.run(cur, ws.workspace_id, Filters(), spec)
        finally:
            cur.close()
    records = funnel.to_json_records(df)
    if args.json:
        print(json.dumps(records, indent=2))
    else:
        for r in records:
            print(f"{r['step']}. {r['touchpoint']}: {r['count']:,}")
    return 0


def cmd_workspaces(args: argparse.Namespace) -> int:
    with _store(args) as store:
        for ws in store.workspaces():
            c = store.counts(ws.workspace_id)
            print(f"{ws.name}\t{c['responses']} responses\t{c['events']} events")
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse reads `-rf.csv` or `--help.csv` as an option; say how to pass such a name."""

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        odd = [a for a in _ARGV if a.startswith("-") and _looks_like_file(a)]
        if odd:
            message += (
                f". If {odd[0]!r} is the file to load, put it after '--', e.g. "
                f"python -m journeylens ingest --workspace NAME -- {odd[0]}"
            )
        super().error(message)


_ARGV: list[str] = []  # the arguments being parsed, for the hint above


def _looks_like_file(arg: str) -> bool:
    name = arg.split("=", 1)[0]
    return Path(arg).exists() or bool(Path(name).suffix) and not name.startswith("--db")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m journeylens", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", help="database file (default: $JOURNEYLENS_DB or data/)")
        return p

    p = with_db(sub.add_parser("demo", help="(re)create the demo workspace"))
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--customers", type=int, default=20_000)
    p.set_defaults(func=cmd_demo)

    p = with_db(
        sub.add_parser(
            "ingest",
            help="load a CSV/TSV/XLSX/Parquet/XES file",
            epilog="A file name that starts with '-' goes after '--': "
            "ingest --workspace W -- -report.csv",
        )
    )
    p.add_argument("file", help="the file to load (after '--' when its name starts with '-')")
    p.add_argument("--workspace", required=True)
    p.add_argument("--kind", choices=ingest.KINDS)
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN")
    p.add_argument(
        "--mask-pii",
        action="store_true",
        help="hide e-mail addresses and phone numbers in comments (a workspace setting)",
    )
    p.set_defaults(func=cmd_ingest)

    p = with_db(sub.add_parser("metrics", help="NPS / CSAT / CES as JSON"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--by", choices=GROUPS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_metrics)

    p = with_db(sub.add_parser("funnel", help="ordered funnel over the touchpoint log"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--steps", required=True, help="comma-separated touchpoints, in order")
    p.add_argument("--window", default="14d", help="30s, 15m, 2h, 14d, 2w")
    p.add_argument("--strict", action="store_true")
    p.add_argument("--exclude", action="append", metavar="TOUCHPOINT:FROM:TO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_funnel)

    insights_cli.add_commands(sub, with_db, _store)
    add_insight_commands(sub, with_db)

    p = with_db(sub.add_parser("workspaces", help="list workspaces"))
    p.set_defaults(func=cmd_workspaces)
    return parser


def main(argv: list[str] | None = None) -> int:
    _ARGV[:] = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ingest.IngestError as exc:
        print(f"error: {exc.text('en')}", file=sys.stderr)
        return 1
    except (StoreError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
