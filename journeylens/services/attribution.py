"""Attribution: which touchpoints earn the conversions and their value, from DuckDB.

Input (queries/attribution_macros.sql has the exact rules): the customers' journeys cut at their
conversions in the touchpoint log (a conversion is an event flagged converted, else one with a
value, or an event at the conversion touchpoint the user names), or the rows of aggregated path
files (dataset kind "paths"). The heuristic models are sums in DuckDB
(queries/attribution_credits.sql); the Markov model is solved exactly on the absorbing chain of
queries/attribution_transitions.sql (journeylens/domain/attribution_models.py). Every model's credits
add up to the credited conversions and value; conversions with no touch before them are counted
apart (`unattributed_*`).
"""

from __future__ import annotations

from typing import Any

import duckdb

from journeylens.domain.attribution_models import Attribution, combine
from journeylens.domain.errors import InsightError
from journeylens.domain.filters import Filters
from journeylens.storage import queries

DEFAULT_HALF_LIFE_SECONDS = 7 * 86400
SOURCES = ("events", "paths")


def _ensure_macros(cur: duckdb.DuckDBPyConnection) -> None:
    queries.attribution_macros(cur)


def _journeys(cur: duckdb.DuckDBPyConnection, **params: Any) -> None:
    try:
        queries.attribution_journeys(cur, **params)
    except duckdb.CatalogException:  # the TEMP macros do not exist on this cursor yet
        _ensure_macros(cur)
        queries.attribution_journeys(cur, **params)


def sources(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, int]:
    """events, conversion_events (flagged or valued), path_rows (rows of path files)."""
    row = queries.attribution_sources(cur, workspace_id=workspace_id).iloc[0]
    return {k: int(v) for k, v in row.items()}


def default_source(found: dict[str, int]) -> str:
    """The touchpoint log when it has events, else the path files."""
    return "events" if found["events"] or not found["path_rows"] else "paths"


def attribution(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    *,
    source: str = "events",
    conversion: str | None = None,
    half_life_seconds: int = DEFAULT_HALF_LIFE_SECONDS,
) -> Attribution:
    """Every model per touchpoint (journeylens.domain.attribution_models.COLUMNS)."""
    if source not in SOURCES:
        raise InsightError("attribution.error.source", source=source)
    if not half_life_seconds or half_life_seconds <= 0:
        raise InsightError("attribution.error.half_life", text=str(half_life_seconds))
    _journeys(
        cur,
        filters=filters,
        workspace_id=workspace_id,
        conversion=conversion or None,
        use_files=source == "paths",
        half_life_seconds=half_life_seconds,
    )
    try:
        credits = queries.attribution_credits(cur)
        transitions = queries.attribution_transitions(cur)
    finally:
        queries.attribution_drop(cur)
    return combine(credits, transitions)
