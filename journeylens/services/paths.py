"""Paths through the touchpoint log: the directly-follows graph and the flow, from DuckDB.

Definitions (journeylens/domain/flows.py has the maths on the aggregates):

* **Directly-follows graph** (pm4py's): within each customer's filtered events ordered by
  (ts, dataset_id, src_row), each event followed by another gives one edge (self-loops kept),
  with the median time between the two (in whole seconds); the first event of a customer is a start and the
  last an end. The edges add up to events - customers.
* **Flow**: each customer's path is their filtered events in that order, immediate repeats of a
  touchpoint collapsed (unless kept), from their first event or from their first event at a
  chosen start touchpoint, up to N steps. Every number is a count of distinct customers. The
  link a -> b from step s to s + 1 counts the customers whose path has a at s and b at s + 1:
  exactly the two-step strict funnel a -> b (journeylens/services/funnel, strict=True) over their
  events from the step-s event to the step-(s + 1) event (tests/unit/test_paths.py checks it
  with funnel.run on generated logs).

Scale: the unfiltered graph and the unfiltered flow from the first event (the pages' defaults)
are kept at write time (`refresh_summary`, called by journeylens/services/summaries.py in the writer's
transaction), like the overview's default funnel, from one pass over the events in the order
they are stored (no sort); reading them takes milliseconds. That pass also checks that the
stored rows are in the paths' order; when they are, any other view (filters, a start touchpoint,
repeats kept) streams the filtered events in stored order through one compiled pass
(journeylens/domain/path_kernel.py, about 1-2 s at 50M events); when they are not (uploads whose
customers interleave), it sorts in SQL (queries/paths_dfg.sql, paths_flow.sql). bench/paths.py
has the times at 50M events.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from journeylens.domain import path_kernel
from journeylens.domain.filters import Filters
from journeylens.domain.flows import MAX_STEPS, Dfg, Flow, FlowSpec, dfg_from_rows, flow_from_pairs
from journeylens.storage import queries


def _fresh(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> bool:
    return bool(queries.paths_summary_fresh(cur, workspace_id=workspace_id).iloc[0]["fresh"])


def dfg(cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters) -> Dfg:
    """The directly-follows graph of the filtered events."""
    if filters.is_empty() and _fresh(cur, workspace_id):
        rows = queries.paths_dfg_stored(cur, workspace_id=workspace_id)
    elif (read := _stored_rows(cur, workspace_id, filters, None, with_times=True)) is not None:
        codes, batches = read
        rows = path_kernel.dfg_rows(batches, codes)
    else:
        rows = queries.paths_dfg(cur, filters=filters, workspace_id=workspace_id)
    return dfg_from_rows(rows)


def _stored_rows(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    conversion: str | None,
    *,
    with_times: bool,
) -> tuple[list[str], path_kernel.Batches] | None:
    """(touchpoint codes, the columns of queries/paths_rows.sql) when the workspace's events are
    stored in the paths' order (refresh_summary checked it), else None: the caller sorts in SQL."""
    facts = queries.paths_codes(cur, workspace_id=workspace_id, stages=list(filters.stages))
    f = facts.iloc[0]
    if not bool(f["in_order"]):
        return None
    codes = [str(c) for c in f["codes"]]
    params = {
        "filters": filters,
        "workspace_id": workspace_id,
        "codes": codes,
        "tp_names": [str(x) for x in f["tp_names"]],
        "tp_channels": [None if x is None else str(x) for x in f["tp_channels"]],
        "stage_touchpoints": [str(x) for x in f["stage_touchpoints"]],
        "conversion": conversion,
    }
    columns = ("customer", "code", "t") if with_times else ("customer", "code", "conv")
    return codes, queries.paths_rows(cur, columns, path_kernel.BATCH_ROWS, **params)


def _pairs(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FlowSpec
) -> pd.DataFrame:
    stored = (
        filters.is_empty()
        and spec.start is None
        and not spec.keep_repeats
        and spec.conversion is None
        and _fresh(cur, workspace_id)
    )
    if stored:
        return queries.paths_flow_stored(cur, workspace_id=workspace_id, steps=spec.steps)
    read = _stored_rows(cur, workspace_id, filters, spec.conversion, with_times=False)
    if read is not None:
        codes, batches = read
        return path_kernel.flow_pairs(batches, codes, spec.start, spec.steps, spec.keep_repeats)
    return queries.paths_flow(
        cur,
        filters=filters,
        workspace_id=workspace_id,
        start=spec.start,
        steps=spec.steps,
        keep_repeats=spec.keep_repeats,
        conversion=spec.conversion,
    )


def flow(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FlowSpec
) -> Flow:
    """The flow (all customers) with `groups['converted']` / `groups['not_converted']`."""
    return flow_from_pairs(_pairs(cur, workspace_id, filters, spec), spec)


def refresh_summary(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, *, events_changed: bool
) -> None:
    """Keep the unfiltered graph and default flow with the write-time summaries (in the writer's
    transaction, before its workspace_bump). Only the events change them; a write that leaves
    the events alone keeps them valid (queries/dash_summary_refresh.sql moves every valid part
    to the bumped version)."""
    kept = queries.paths_summary_kept(cur, workspace_id=workspace_id).iloc[0]["kept"]
    if not events_changed and bool(kept):
        return
    # in stored order, one streaming pass each (queries/paths_*_unfiltered.sql); when the order
    # check fails (several uploads interleave), the sorted queries every other view uses
    d = queries.paths_dfg_unfiltered(cur, workspace_id=workspace_id)
    f = None
    in_order = False
    if not int(d["bad"].sum()):
        f = queries.paths_flow_unfiltered(cur, workspace_id=workspace_id, steps=MAX_STEPS)
        in_order = not bool((f["step"] < 1).any())
        if not in_order:
            f = None
    if f is None:
        params = {"filters": Filters(), "workspace_id": workspace_id}
        d = queries.paths_dfg(cur, **params)
        f = queries.paths_flow(
            cur,
            start=None,
            steps=MAX_STEPS,
            keep_repeats=False,
            conversion=None,
            **params,
        )
    queries.paths_summary_put(
        cur,
        workspace_id=workspace_id,
        in_order=in_order,
        d_source=_strs(d["source"]),
        d_target=_strs(d["target"]),
        d_count=[int(x) for x in d["count"]],
        d_starts=[int(x) for x in d["starts"]],
        d_median=[_float(x) for x in d["median_seconds"]],
        f_converted=[bool(x) for x in f["converted"]],
        f_step=[int(x) for x in f["step"]],
        f_source=_strs(f["source"]),
        f_target=_strs(f["target"]),
        f_customers=[int(x) for x in f["customers"]],
    )


def _strs(col: pd.Series) -> list[str | None]:
    return [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in col]


def _float(value: Any) -> float | None:
    if value is None or value is pd.NA:
        return None
    f = float(value)
    return None if f != f else f
