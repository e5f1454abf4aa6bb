"""The write-time summaries, refreshed in one place.

Every writer (load, demo install, dataset delete, settings, journey save) calls refresh() inside
its transaction, just before the data_version bump the summaries are marked valid for: the SQL
ones (queries/dash_summary_refresh.sql: volumes, comment words, facets, the response cube;
queries/insights_summary_refresh.sql: the key drivers' customer-level scores and events),
the overview's default funnel (funnel.refresh_default) and the unfiltered paths
(paths.refresh_summary). One call, so no writer can keep one part
and forget the other.
"""

from __future__ import annotations

import duckdb

from journeylens.services import funnel, paths
from journeylens.storage import queries


def refresh(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    *,
    events_changed: bool,
    responses_changed: bool,
    window_seconds: int | None = None,
) -> None:
    """`window_seconds`: the conversion window the write sets (default: the stored one)."""
    queries.dash_summary_refresh(
        cur,
        workspace_id=workspace_id,
        events_changed=events_changed,
        responses_changed=responses_changed,
    )
    # after it: it carries the still-valid parts forward, this one replaces the changed ones
    queries.insights_summary_refresh(
        cur,
        workspace_id=workspace_id,
        events_changed=events_changed,
        responses_changed=responses_changed,
        window_seconds=window_seconds,
    )
    funnel.refresh_default(
        cur, workspace_id, events_changed=events_changed, window_seconds=window_seconds
    )
    paths.refresh_summary(cur, workspace_id, events_changed=events_changed)
