"""Directly-follows graph and flow (Sankey) maths on the aggregates of queries/paths_*.sql.

The flow arrives as per-step pair counts of distinct customers: (step, source, target,
customers), where `customers` had `target` at path position `step` and `source` at `step - 1`.
Everything the chart needs follows from those counts without going back to the events:

* a step's nodes are its top-K touchpoints by customers, one "(other)" node for the rest and one
  "(left)" node for the customers of the previous step whose path ends there; the nodes of a step
  other than "(left)" add up to the customers whose path reaches it, and with "(left)" to the
  customers of the previous step;
* a link between two nodes is the sum of the pair counts it merges (each customer is in one node
  per step, so merging never counts anyone twice), and every node's outgoing links (its "(left)"
  link included) add up to the node.

`layout()` turns nodes and links into rectangles and bands for journeylens/charts/paths.py: one
column per step, nodes stacked largest first, each link a band leaving its source below the
bands already leaving it and entering its target in the same way (no crossings inside a node).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from journeylens.domain.errors import InsightError

OTHER = "(other)"
LEFT = "(left)"
MIN_STEPS, MAX_STEPS, DEFAULT_STEPS = 2, 10, 5
MIN_TOP, MAX_TOP, DEFAULT_TOP = 1, 10, 4
NODE_COLUMNS = ["step", "touchpoint", "customers"]
LINK_COLUMNS = ["step", "from", "to", "customers"]


@dataclass(frozen=True)
class FlowSpec:
    """start: the touchpoint where paths start (None: each customer's first event)."""

    start: str | None = None
    steps: int = DEFAULT_STEPS
    top: int = DEFAULT_TOP
    keep_repeats: bool = False
    conversion: str | None = None  # a conversion touchpoint (None: the converted flag / value)

    def __post_init__(self) -> None:
        if not isinstance(self.steps, int) or not MIN_STEPS <= self.steps <= MAX_STEPS:
            raise InsightError("paths.error.steps", n=self.steps, lo=MIN_STEPS, hi=MAX_STEPS)
        if not isinstance(self.top, int) or not MIN_TOP <= self.top <= MAX_TOP:
            raise InsightError("paths.error.top", n=self.top, lo=MIN_TOP, hi=MAX_TOP)
        for name in ("start", "conversion"):
            value = getattr(self, name)
            if value is not None and not str(value).strip():
                object.__setattr__(self, name, None)


# --- directly-follows graph ---------------------------------------------------------------------


@dataclass
class Dfg:
    """edges: source, target, count, median_seconds; start / end: touchpoint -> customers."""

    edges: pd.DataFrame
    start: dict[str, int]
    end: dict[str, int]

    @property
    def events(self) -> int:
        """Events behind the graph: every event is an edge's source or a customer's last one."""
        return int(self.edges["count"].sum()) + sum(self.end.values())

    @property
    def customers(self) -> int:
        return sum(self.start.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "edges": [
                {
                    "from": str(r.source),
                    "to": str(r.target),
                    "count": int(r.count),
                    "median_seconds": _round(r.median_seconds, 1),
                }
                for r in self.edges.itertuples(index=False)
            ],
            "start": {k: int(v) for k, v in self.start.items()},
            "end": {k: int(v) for k, v in self.end.items()},
        }


def dfg_from_rows(rows: pd.DataFrame) -> Dfg:
    """Rows of queries/paths_dfg.sql (source, target NULL for the ends, count, starts,
    median_seconds) -> the graph, edges largest first."""
    rows = rows.copy()
    is_edge = rows["target"].notna()
    edges = rows.loc[is_edge, ["source", "target", "count", "median_seconds"]].copy()
    edges["count"] = edges["count"].astype("int64")
    edges["median_seconds"] = [_num(v) for v in edges["median_seconds"]]
    edges = edges.sort_values(["count", "source", "target"], ascending=[False, True, True])
    starts = rows.groupby("source", sort=True)["starts"].sum()
    ends = rows.loc[~is_edge].set_index("source")["count"]
    return Dfg(
        edges=edges.reset_index(drop=True),
        start={str(k): int(v) for k, v in starts.items() if v > 0},
        end={str(k): int(v) for k, v in ends.sort_index().items() if v > 0},
    )


def dfg_matrix(dfg: Dfg) -> pd.DataFrame:
    """The graph as a from x to table (for the heatmap): touchpoints ordered by activity."""
    if dfg.edges.empty:
        return pd.DataFrame(columns=["source", "target", "count", "median_seconds", "share"])
    out = dfg.edges.copy()
    totals = out.groupby("source")["count"].transform("sum")
    out["share"] = out["count"] / totals
    return out


# --- flow ---------------------------------------------------------------------------------------


@dataclass
class Flow:
    """nodes: step, touchpoint, customers; links: step (the source's), from, to, customers."""

    nodes: pd.DataFrame
    links: pd.DataFrame
    groups: dict[str, Flow] = field(default_factory=dict)  # "converted" / "not_converted"

    def to_json(self) -> dict[str, Any]:
        return {
            "nodes": [
                {
                    "step": int(r.step),
                    "touchpoint": str(r.touchpoint),
                    "customers": int(r.customers),
                }
                for r in self.nodes.itertuples(index=False)
            ],
            "links": [
                {"step": int(s), "from": str(a), "to": str(b), "customers": int(c)}
                for s, a, b, c in self.links[LINK_COLUMNS].itertuples(index=False)
            ],
        }

    def present(self, step: int) -> int:
        """Customers whose path reaches `step` (its nodes without "(left)")."""
        n = self.nodes
        return int(n.loc[(n["step"] == step) & (n["touchpoint"] != LEFT), "customers"].sum())


def top_nodes(pairs: pd.DataFrame, top: int) -> dict[int, list[str]]:
    """The top-`top` touchpoints of each step by customers (ties: by name)."""
    chosen: dict[int, list[str]] = {}
    if pairs.empty:
        return chosen
    per = pairs.groupby(["step", "target"], sort=False)["customers"].sum().reset_index()
    for step, part in per.groupby("step"):
        part = part.sort_values(["customers", "target"], ascending=[False, True])
        chosen[int(step)] = [str(x) for x in part["target"].head(top)]
    return chosen


def build_flow(
    pairs: pd.DataFrame, steps: int, top: int, chosen: dict[int, list[str]] | None = None
) -> Flow:
    """Nodes and links from pair counts (see the module doc). `chosen` fixes the named nodes of
    each step (so that converters and non-converters are drawn with the same nodes)."""
    pairs = pairs[pairs["step"] <= steps]
    chosen = chosen if chosen is not None else top_nodes(pairs, top)

    def label(step: int, tp: Any) -> str:
        return str(tp) if str(tp) in chosen.get(step, []) else OTHER

    nodes: list[tuple[int, str, int]] = []
    links: list[tuple[int, str, str, int]] = []
    previous: dict[str, int] = {}
    for step in range(1, steps + 1):
        part = pairs[pairs["step"] == step]
        here: dict[str, int] = {}
        for tp, n in part.groupby("target", sort=False)["customers"].sum().items():
            key = label(step, tp)
            here[key] = here.get(key, 0) + int(n)
        if step > 1:
            if not previous:
                break
            out: dict[tuple[str, str], int] = {}
            for src, tgt, n in part[["source", "target", "customers"]].itertuples(index=False):
                key = (label(step - 1, src), label(step, tgt))
                out[key] = out.get(key, 0) + int(n)
            for (a, b), n in out.items():
                links.append((step - 1, a, b, n))
            sent: dict[str, int] = {}
            for (a, _), n in out.items():
                sent[a] = sent.get(a, 0) + n
            gone = 0
            for a, n in previous.items():
                if a != LEFT and n - sent.get(a, 0) > 0:
                    links.append((step - 1, a, LEFT, n - sent.get(a, 0)))
                    gone += n - sent.get(a, 0)
            if gone:
                here[LEFT] = gone
        order = sorted(here, key=lambda k: (k in (OTHER, LEFT), k == LEFT, -here[k], k))
        nodes += [(step, k, here[k]) for k in order]
        previous = {k: v for k, v in here.items() if k != LEFT}
    node_df = pd.DataFrame(nodes, columns=NODE_COLUMNS)
    link_df = pd.DataFrame(links, columns=LINK_COLUMNS)
    link_df = link_df.sort_values(["step", "from", "to"], ignore_index=True)
    return Flow(node_df.astype({"step": "int64", "customers": "int64"}), link_df)


def flow_from_pairs(pairs: pd.DataFrame, spec: FlowSpec) -> Flow:
    """The whole flow plus the converters' and non-converters' (same nodes): pairs of
    queries/paths_flow.sql (converted, step, source, target, customers)."""
    cols = ["step", "source", "target", "customers"]
    both = pairs.groupby(["step", "source", "target"], dropna=False, sort=False)["customers"].sum()
    both = both.reset_index()[cols]
    chosen = top_nodes(both, spec.top)
    flow = build_flow(both, spec.steps, spec.top, chosen)
    for name, flag in (("converted", True), ("not_converted", False)):
        part = pairs.loc[pairs["converted"] == flag, cols]
        flow.groups[name] = build_flow(part, spec.steps, spec.top, chosen)
    return flow


# --- Sankey layout -------------------------------------------------------------------------------


def layout(
    flow: Flow,
    width: float = 900.0,
    height: float = 420.0,
    node_width: float = 14.0,
    gap: float = 10.0,
    points: int = 9,
    scale_total: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rects: step, touchpoint, customers, x0, x1, y0, y1; bands: link, step, from, to,
    customers, x, y0, y1 with `points` rows per link). Pixel units, y grows downwards.
    `scale_total` fixes the customers that fill the height (to draw two flows to one scale)."""
    nodes, links = flow.nodes, flow.links
    rect_cols = ["step", "touchpoint", "customers", "x0", "x1", "y0", "y1"]
    band_cols = ["link", "step", "from", "to", "customers", "x", "y0", "y1"]
    if nodes.empty:
        return pd.DataFrame(columns=rect_cols), pd.DataFrame(columns=band_cols)
    steps = sorted(int(s) for s in nodes["step"].unique())
    n_cols = max(steps)
    col_totals = nodes.groupby("step")["customers"].sum()
    max_nodes = int(nodes.groupby("step").size().max())
    total = scale_total or int(col_totals.max()) or 1
    unit = max(height - gap * (max_nodes - 1), height * 0.3) / total
    span = width - node_width
    rects = []
    pos: dict[tuple[int, str], tuple[float, float]] = {}
    for step, part in nodes.groupby("step", sort=True):
        x0 = span * (int(step) - 1) / max(n_cols - 1, 1)
        y = 0.0
        for r in part.itertuples(index=False):
            h = int(r.customers) * unit
            rects.append((int(step), str(r.touchpoint), int(r.customers), x0, x0 + node_width, y,
                          y + h))  # fmt: skip
            pos[(int(step), str(r.touchpoint))] = (x0, y)
            y += h + gap
    rect_df = pd.DataFrame(rects, columns=rect_cols)
    y_of = {(s, tp): y for s, tp, *_rest, y, _y1 in rects}
    out_used: dict[tuple[int, str], float] = {}
    in_used: dict[tuple[int, str], float] = {}
    ordered = links.assign(
        _ty=[
            y_of.get((int(s) + 1, str(b)), 0.0)
            for s, b in zip(links["step"], links["to"], strict=True)
        ],
        _sy=[
            y_of.get((int(s), str(a)), 0.0)
            for s, a in zip(links["step"], links["from"], strict=True)
        ],
    )
    bands = []
    t = np.linspace(0.0, 1.0, points)
    ease = 3 * t**2 - 2 * t**3
    # out-slots in the order of the targets' positions, in-slots in the order of the sources'
    out_off: dict[int, float] = {}
    for idx, r in ordered.sort_values(["step", "_sy", "_ty"]).iterrows():
        key = (int(r["step"]), str(r["from"]))
        out_off[idx] = out_used.get(key, 0.0)
        out_used[key] = out_off[idx] + int(r["customers"]) * unit
    in_off: dict[int, float] = {}
    for idx, r in ordered.sort_values(["step", "_ty", "_sy"]).iterrows():
        key = (int(r["step"]) + 1, str(r["to"]))
        in_off[idx] = in_used.get(key, 0.0)
        in_used[key] = in_off[idx] + int(r["customers"]) * unit
    for link_id, (idx, r) in enumerate(ordered.iterrows()):
        s, a, b, c = int(r["step"]), str(r["from"]), str(r["to"]), int(r["customers"])
        if (s, a) not in pos or (s + 1, b) not in pos:
            continue
        sx, sy = pos[(s, a)]
        tx, ty = pos[(s + 1, b)]
        y_start, y_end = sy + out_off[idx], ty + in_off[idx]
        h = c * unit
        xs = sx + node_width + (tx - sx - node_width) * t
        ys = y_start + (y_end - y_start) * ease
        for x, y in zip(xs, ys, strict=True):
            bands.append((link_id, s, a, b, c, float(x), float(y), float(y + h)))
    return rect_df, pd.DataFrame(bands, columns=band_cols)


# --- helpers -------------------------------------------------------------------------------------


def _num(value: Any) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _round(value: Any, digits: int) -> float | None:
    f = _num(value)
    return None if f is None else round(f, digits)
