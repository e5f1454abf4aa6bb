"""The funnel's one read: the view's events, sorted, into every customer's chain."""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from journeylens.domain import funnel_engine
from journeylens.domain.filters import Filters
from journeylens.services import persona_rules
from journeylens.services.funnel.spec import FunnelSpec
from journeylens.storage import queries

ROWS_PER_PART = 8_000_000  # step events per read of the compiled funnel path


@dataclass(frozen=True)
class Chains:
    """Each customer's chain (journeylens/domain/funnel_engine.py), one entry per customer with an unspoiled
    attempt (chains_of drops those whose every attempt an exclusion spoiled): depth (1..steps),
    the step timestamps in µs (0 past the depth), and when asked the chain start's group value
    and the customer id."""

    depth: np.ndarray
    times: np.ndarray
    group: np.ndarray | None = None
    customer_id: np.ndarray | None = None


def chains_of(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    *,
    by: str | None = None,
    with_ids: bool = False,
) -> Chains:
    """Read the view's events sorted (queries/funnel_rows.sql), in customer-hash parts sized from
    the load-time facets (from a count of the events when they are stale), and build every customer's chain in one compiled pass per part."""
    plan = spec.plan()
    touchpoints = None if spec.strict else list(plan.codes)
    groups = persona_rules.breakdown_groups(cur, workspace_id, filters, by)
    # by defined personas an event is read once per persona it matches: at most once per rule
    copies = max(1, len(groups["group_rules"]))
    rows = _rows_to_read(cur, workspace_id, filters, touchpoints) * copies
    parts = max(1, math.ceil(rows / ROWS_PER_PART))
    params = {
        "filters": filters,
        "workspace_id": workspace_id,
        "codes": list(plan.codes),
        "strict": spec.strict,
        "by": by,
        **groups,
        "with_ids": with_ids,
        "parts": parts,
    }
    depths, times_, groups, ids = [], [], [], []
    for part in range(parts):  # the parts hold disjoint sets of customers
        table = queries.funnel_rows(cur, **params, part=part)
        d, t_, start = funnel_engine.build(
            table["customer"].to_numpy(),
            table["t"].to_numpy(),
            table["code"].to_numpy(),
            plan,
            spec.window_seconds * 1_000_000,
            spec.strict,
        )
        keep = d > 0
        depths.append(d[keep])
        times_.append(t_[keep])
        rows = pa.array(start[keep])
        if by is not None:
            groups.append(table["grp"].take(rows).to_numpy(zero_copy_only=False))
        if with_ids:
            ids.append(table["cid"].take(rows).to_numpy(zero_copy_only=False))
        del table
    n = len(spec.steps)
    return Chains(
        depth=np.concatenate(depths) if depths else np.zeros(0, np.int8),
        times=np.concatenate(times_) if times_ else np.zeros((0, n), np.int64),
        group=np.concatenate(groups) if by is not None else None,
        customer_id=np.concatenate(ids) if with_ids else None,
    )


def _rows_to_read(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    touchpoints: list[str] | None,
) -> int:
    """At most how many events the view's funnel reads: from the load-time facets when they are
    current (no scan), else counted."""
    fresh = queries.dash_summary_fresh(cur, workspace_id=workspace_id).iloc[0]
    if bool(fresh["facets"]):
        found = queries.funnel_rows_estimate(
            cur,
            workspace_id=workspace_id,
            touchpoints=touchpoints,
            personas=filters.persona_keys(),
            segments=list(filters.segments),
        ).iloc[0, 0]
        if found is not None and found == found:
            return int(found)
    found = queries.funnel_rows_count(cur, workspace_id=workspace_id, touchpoints=touchpoints)
    return int(found.iloc[0, 0])
