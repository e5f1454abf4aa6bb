"""The insight commands of `python -m journeylens`: paths, attribution, themes (--json on each).

    paths --workspace W --dfg [--json]
    paths --workspace W [--from T] [--steps 5] [--top 4] [--keep-repeats] [--json]
    attribution --workspace W [--conversion T] [--half-life 7d] [--source events|paths] [--json]
    themes --workspace W [--touchpoint T] [--by nps|csat] [--json]

The JSON shapes are those of the objects' to_json() (journeylens/domain/flows.py,
domain/attribution_models.py, services/themes.py).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from journeylens.domain.filters import Filters
from journeylens.domain.flows import DEFAULT_STEPS, DEFAULT_TOP, FlowSpec
from journeylens.services import attribution, funnel, paths, themes
from journeylens.storage.store import Store


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db) if args.db else Store()


def _print(args: argparse.Namespace, data: Any, text: Callable[[], list[str]]) -> None:
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print("\n".join(text()))


def cmd_paths(args: argparse.Namespace) -> int:
    with _store(args) as store:
        ws = store.require_workspace(args.workspace)
        cur = store.cursor()
        try:
            if args.dfg:
                graph = paths.dfg(cur, ws.workspace_id, Filters())
                _print(
                    args,
                    graph.to_json(),
                    lambda: [
                        f"{r['from']} -> {r['to']}: {r['count']:,}"
                        for r in graph.to_json()["edges"]
                    ],
                )
                return 0
            spec = FlowSpec(
                start=args.start,
                steps=args.steps,
                top=args.top,
                keep_repeats=args.keep_repeats,
            )
            flow = paths.flow(cur, ws.workspace_id, Filters(), spec)
        finally:
            cur.close()
    _print(
        args,
        flow.to_json(),
        lambda: [
            f"{n['step']}. {n['touchpoint']}: {n['customers']:,}" for n in flow.to_json()["nodes"]
        ],
    )
    return 0


def cmd_attribution(args: argparse.Namespace) -> int:
    half_life = funnel.parse_window(args.half_life)
    with _store(args) as store:
        ws = store.require_workspace(args.workspace)
        cur = store.cursor()
        try:
            source = args.source or attribution.default_source(
                attribution.sources(cur, ws.workspace_id)
            )
            result = attribution.attribution(
                cur,
                ws.workspace_id,
                Filters(),
                source=source,
                conversion=args.conversion,
                half_life_seconds=half_life,
            )
        finally:
            cur.close()
    _print(
        args,
        result.to_json(),
        lambda: (
            [
                f"{r['touchpoint']}: first {r['first_touch']:.1f}, last {r['last_touch']:.1f}, "
                f"linear {r['linear']:.1f}, position {r['position_based']:.1f}, "
                f"time decay {r['time_decay']:.1f}, Markov {r['markov']:.1f} "
                f"(removal effect {r['markov_removal_effect']:.3f})"
                for r in result.to_json()
            ]
            + [
                f"{result.conversions:,.2f} conversions and {result.value:,.2f} value credited; "
                f"{result.unattributed_conversions:,.2f} conversions had no touch before them."
            ]
        ),
    )
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    with _store(args) as store:
        ws = store.require_workspace(args.workspace)
        cur = store.cursor()
        try:
            found = themes.themes(cur, ws, Filters(), touchpoint=args.touchpoint, by=args.by)
        finally:
            cur.close()
    data = found.to_json()

    def text() -> list[str]:
        lines = []
        for group, terms in data["groups"].items():
            words = ", ".join(f"{x['term']} (z={x['z']:.1f}, n={x['count']})" for x in terms)
            lines.append(f"{group}: {words or '-'}")
        return lines

    _print(args, data, text)
    return 0


def add_insight_commands(sub: Any, with_db: Callable[[Any], Any]) -> None:
    p = with_db(sub.add_parser("paths", help="directly-follows graph or flow as JSON"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--dfg", action="store_true", help="the directly-follows graph")
    p.add_argument("--from", dest="start", help="start touchpoint (default: first event)")
    p.add_argument("--steps", type=int, default=DEFAULT_STEPS, help="2 to 10")
    p.add_argument("--top", type=int, default=DEFAULT_TOP, help="touchpoints per step, 1 to 10")
    p.add_argument("--keep-repeats", action="store_true", help="keep immediate repeats")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_paths)

    p = with_db(sub.add_parser("attribution", help="attribution models side by side"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--conversion", help="conversion touchpoint (default: the converted flag)")
    p.add_argument("--half-life", default="7d", help="time-decay half-life: 12h, 7d, 2w")
    p.add_argument("--source", choices=attribution.SOURCES, help="default: events if any")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attribution)

    p = with_db(sub.add_parser("themes", help="distinctive comment terms as JSON"))
    p.add_argument("--workspace", required=True)
    p.add_argument("--touchpoint", help="one touchpoint (default: the whole journey)")
    p.add_argument("--by", choices=themes.BY, default="nps")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_themes)
