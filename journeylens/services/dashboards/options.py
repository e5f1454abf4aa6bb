"""The sidebar's choices: what the workspace's data can be filtered by."""

from __future__ import annotations

from typing import Any

import duckdb

from journeylens.services import persona_rules
from journeylens.services.dashboards.period import as_date
from journeylens.storage import queries

# An extra column with more distinct values than this is an id or free text, not a filter.
MAX_EXTRA_VALUES = 50


def filter_options(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, Any]:
    """Distinct personas, segments, channels; stages and touchpoints in journey order; the first
    and last date across answers and events (None when the workspace is empty).

    personas: the defined personas' names (journeylens/services/personas.py) when there are any,
    else the persona column's values (persona_values); persona_rules: {name: rule key}."""
    fresh = queries.dash_summary_fresh(cur, workspace_id=workspace_id).iloc[0]
    row = queries.dash_filter_options(
        cur, workspace_id=workspace_id, use_facets=bool(fresh["facets"])
    ).iloc[0]
    out: dict[str, Any] = {
        key: [str(v) for v in (row[key] if row[key] is not None else [])]
        for key in ("personas", "segments", "channels", "stages", "touchpoints")
    }
    out["first_date"] = as_date(row["first_date"])
    out["last_date"] = as_date(row["last_date"])
    # the persona filter offers the workspace's defined personas and filters by their rules;
    # without definitions, the persona column's values (persona_rules empty: Filters.persona_keys)
    out["persona_values"] = out["personas"]
    defined = persona_rules.definitions(cur, workspace_id)
    out["persona_rules"] = {p.name: p.rule for p in defined}
    if defined:
        out["personas"] = [p.name for p in defined]
    out["extras"] = extra_options(cur, workspace_id)
    return out


def extra_options(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, list[str]]:
    """The extra columns of the workspace's files the view can filter by: {column: values}."""
    df = queries.dash_extra_options(cur, workspace_id=workspace_id, max_values=MAX_EXTRA_VALUES)
    out: dict[str, list[str]] = {}
    for column, value in zip(df["column"], df["value"], strict=True):
        out.setdefault(str(column), []).append(str(value))
    return out
