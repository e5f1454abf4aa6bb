"""What every dashboard query shares: the checked choices and which
precomputed table (response cube, load-time summaries) it may read instead of every answer."""

from __future__ import annotations

import duckdb
import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.filters import Filters, extra_column_of, reads_extra
from journeylens.storage import queries
from journeylens.storage.store import Workspace

GRAINS = ("week", "month")
HEATMAP_BY = ("segment", "persona", "channel", "month", "stage")
METRIC_NAMES = ("nps", "csat", "ces")
BLANK = "—"  # label of a missing column value (heatmap columns, comment drill-down)


def check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def check_by(by: str, allowed: tuple[str, ...] = HEATMAP_BY) -> str:
    """A breakdown: one of the built-in ones, or an extra column of the user's files (extra_by)."""
    return by if extra_column_of(by) else check_choice(by, allowed, "by")


def cube_serves(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    by: str | None,
    groups: dict[str, list[str]] | None = None,
) -> bool:
    """Whether a view broken down by `by` may read response_cube: it keeps no extra columns, so a
    breakdown by one, or by personas (`groups`, persona_rules.breakdown_groups) ruled by one, reads
    the answers (the same numbers, from the rows)."""
    return (
        extra_column_of(by) is None
        and not any(reads_extra(r) for r in (groups or {}).get("group_rules", []))
        and cube_is_fresh(cur, workspace_id)
    )


def summaries_in_use(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, persona: str | None = None
) -> dict[str, bool]:
    """use_volume / use_words: whether the unfiltered view can read the per-touchpoint volume and
    comment word counts kept at load time (queries/dash_summary_refresh.sql) instead of computing
    them from every row. Only for the unfiltered view, and only while they match the data."""
    if not filters.is_empty() or persona is not None:
        return {"use_volume": False, "use_words": False}
    row = queries.dash_summary_fresh(cur, workspace_id=ws.workspace_id).iloc[0]
    return {"use_volume": bool(row["volume"]), "use_words": bool(row["words"])}


def cube_is_fresh(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> bool:
    """Whether response_cube matches the workspace's data (queries/dash_cube_fresh.sql). Unlike
    the summaries above it serves every view, filtered or not: while it is fresh the score queries
    sum its few rows instead of scanning every answer; while it is stale (a write that did not
    refresh it) filtered_cube reads the rows instead, with the same results."""
    return bool(queries.dash_cube_fresh(cur, workspace_id=workspace_id).iloc[0]["cube"])


def metric_frame(df: pd.DataFrame, ws: Workspace) -> pd.DataFrame:
    return metrics.with_metrics(df, ws.min_n)
