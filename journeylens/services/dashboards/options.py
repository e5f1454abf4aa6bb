"""The sidebar's choices: what the workspace's data can be filtered by."""

from __future__ import annotations

from typing import Any

import duckdb

from journeylens.services.dashboards.period import as_date
from journeylens.storage import queries


def filter_options(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, Any]:
    """Distinct personas, segments, channels; stages and touchpoints in journey order; the first
    and last date across answers and events (None when the workspace is empty)."""
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
    return out
