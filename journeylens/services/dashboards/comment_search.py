"""The comment drill-down: one page of matching comments, or all of them as CSV."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from journeylens.domain.filters import Filters
from journeylens.services import export, persona_rules
from journeylens.services.dashboards import sources
from journeylens.storage import queries
from journeylens.storage.store import Workspace

COMMENT_COLUMNS = (
    "submitted_at", "touchpoint", "persona", "segment", "channel", "nps", "csat", "ces", "comment",
)  # fmt: skip
MAX_PAGE_SIZE = 500
CSV_MAX_ROWS = 200_000


def like_pattern(search: str) -> str:
    """The search text as a literal ILIKE fragment: \\ % and _ escaped (ESCAPE '\\')."""
    return search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _comment_params(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    search: str,
    touchpoint: str | None,
    column_filter: tuple[str, str] | None,
) -> dict[str, Any]:
    col_by, col_value = (None, None)
    if column_filter is not None:
        col_by, col_value = column_filter
        sources.check_by(col_by)
        col_value = sources.BLANK if col_value is None else str(col_value)
    return dict(
        filters=filters,
        workspace_id=ws.workspace_id,
        pattern=like_pattern(search or ""),
        touchpoint=touchpoint or None,
        col_by=col_by,
        col_value=col_value,
        **persona_rules.breakdown_groups(cur, ws.workspace_id, filters, col_by),
    )


def comments(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    search: str = "",
    touchpoint: str | None = None,
    column_filter: tuple[str, str] | None = None,
    page: int = 1,
    page_size: int = 50,
) -> tuple[pd.DataFrame, int]:
    """(one page of comments newest first, total number of matching comments).

    search matches the comment text case-insensitively as plain text (% and _ are not
    wildcards). column_filter = (by, value) narrows to one heatmap column, e.g. ("segment", "B2B").
    """
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    page = max(1, int(page))
    params = _comment_params(cur, ws, filters, search, touchpoint, column_filter)
    groups = {k: params[k] for k in ("group_names", "group_rules")}
    use_cube = sources.cube_serves(cur, ws.workspace_id, params["col_by"], groups)
    total = int(queries.dash_comments_count(cur, **params, use_cube=use_cube).iloc[0]["total"])
    df = queries.dash_comments(
        cur,
        **params,
        page_limit=page_size,
        page_offset=(page - 1) * page_size,
        mask_pii=ws.mask_pii,
    )
    return df[list(COMMENT_COLUMNS)].head(page_size), total


def comments_csv(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    search: str = "",
    touchpoint: str | None = None,
    column_filter: tuple[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    """All matching comments (up to CSV_MAX_ROWS) as UTF-8 CSV with a BOM (Excel-friendly).

    headers optionally renames the columns (e.g. translated titles).
    """
    params = _comment_params(cur, ws, filters, search, touchpoint, column_filter)
    df = queries.dash_comments(
        cur,
        **params,
        page_limit=CSV_MAX_ROWS,
        page_offset=0,
        mask_pii=ws.mask_pii,
    )
    return export.table_csv(df[list(COMMENT_COLUMNS)], headers)
