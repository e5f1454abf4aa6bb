"""`python -m journeylens drivers|alerts ...`: the insights, headless and scriptable.

    drivers --workspace W --outcome nps [--outcome-touchpoint T] [--driver csat|ces|emotion|columns]
    drivers --workspace W --outcome conversion
    alerts  --workspace W [--period month|week] [--compare previous|year]

Each prints a short report in words, or with --json the documents of
journeylens.services.insights.drivers.to_json / alerts.to_json. The sidebar filters are options too
(--from/--to dates, --persona/--segment/--channel/--stage, repeatable).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb

from journeylens.domain.filters import Filters, persona_rules_of
from journeylens.i18n import Translator
from journeylens.services import persona_rules
from journeylens.services.insights import alerts, drivers, words
from journeylens.storage.store import Store


def _filters(
    args: argparse.Namespace, cur: duckdb.DuckDBPyConnection, workspace_id: int
) -> Filters:
    """The view filters of the flags; --persona names a defined persona (filtered by its rule,
    as the sidebar does), else a value of the persona column."""

    def day(text: str | None) -> date | None:
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"dates are written YYYY-MM-DD; got {text!r}") from exc

    chosen = tuple(args.persona or ())
    rules = {p.name: p.rule for p in persona_rules.definitions(cur, workspace_id)}
    unknown = [p for p in chosen if rules and p not in rules]
    if unknown:  # a typo would otherwise filter nothing, or everything, without a word
        raise ValueError(
            f"no persona {', '.join(map(repr, unknown))} in this workspace; "
            f"its personas: {', '.join(rules)}"
        )
    return Filters(
        date_from=day(args.date_from),
        date_to=day(args.date_to),
        personas=chosen,
        persona_rules=persona_rules_of(chosen, rules),
        segments=tuple(args.segment or ()),
        channels=tuple(args.channel or ()),
        stages=tuple(args.stage or ()),
    )


def cmd_drivers(args: argparse.Namespace, store: Store) -> int:
    ws = store.require_workspace(args.workspace)
    cur = store.cursor()
    try:
        opts = drivers.options(cur, ws)
        touchpoint = drivers.OVERALL if args.overall else args.outcome_touchpoint
        spec = drivers.resolve(
            opts,
            args.outcome,
            touchpoint,
            args.driver,
            resamples=args.resamples,
            seed=args.seed,
        )
        result = drivers.run(cur, ws, _filters(args, cur, ws.workspace_id), spec)
    finally:
        cur.close()
    if args.json:
        print(json.dumps(drivers.to_json(result), indent=2, ensure_ascii=False))
        return 0
    t = Translator("en")
    print(words.drivers_summary(result, t))
    for line in words.driver_lines(result, t):
        print(f"- {line}")
    for _level, note in words.notes(result, t):
        print(note)
    return 0


def cmd_alerts(args: argparse.Namespace, store: Store) -> int:
    ws = store.require_workspace(args.workspace)
    cur = store.cursor()
    try:
        result = alerts.run(
            cur,
            ws,
            _filters(args, cur, ws.workspace_id),
            alerts.AlertSpec(args.period, args.compare),
        )
    finally:
        cur.close()
    if args.json:
        print(json.dumps(alerts.to_json(result), indent=2, ensure_ascii=False))
        return 0
    t = Translator("en")
    print(words.alerts_summary(result, t))
    for line in words.alert_lines(result, t):
        print(f"- {line}")
    return 0


def add_commands(
    sub: Any,
    with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser],
    store_of: Callable[[argparse.Namespace], Store],
) -> None:
    """Register `drivers` and `alerts` on the main parser's subcommands."""

    def filters(p: argparse.ArgumentParser) -> None:
        p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
        p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
        for name in ("persona", "segment", "channel", "stage"):
            p.add_argument(f"--{name}", action="append", metavar=name.upper())

    def runner(fn: Callable[[argparse.Namespace, Store], int]) -> Callable[..., int]:
        def run(args: argparse.Namespace) -> int:
            with store_of(args) as store:
                return fn(args, store)

        return run

    p = with_db(sub.add_parser("drivers", help="key drivers of NPS or conversion (what to fix)"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--outcome", choices=drivers.OUTCOMES, default="nps")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--outcome-touchpoint",
        help="the touchpoint whose NPS answer is the outcome (default: the overall NPS where the "
        "data has one, else the journey's last funnel step)",
    )
    group.add_argument(
        "--overall", action="store_true", help="the overall NPS (answers without a touchpoint)"
    )
    p.add_argument("--driver", choices=drivers.DRIVER_METRICS, default="csat")
    p.add_argument("--resamples", type=int, default=drivers.RESAMPLES)
    p.add_argument("--seed", type=int, default=drivers.SEED)
    p.add_argument("--json", action="store_true")
    filters(p)
    p.set_defaults(func=runner(cmd_drivers))

    p = with_db(sub.add_parser("alerts", help="significant changes since the previous period"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--period", choices=alerts.GRAINS, default="month")
    p.add_argument("--compare", choices=alerts.COMPARE, default="previous")
    p.add_argument("--json", action="store_true")
    filters(p)
    p.set_defaults(func=runner(cmd_alerts))
