"""The drop-off list: who reached a step but not the next, and what they said."""

from __future__ import annotations

import duckdb
import pandas as pd

from journeylens.domain.filters import Filters
from journeylens.services.funnel.events import chains_of
from journeylens.services.funnel.spec import FunnelError, FunnelSpec
from journeylens.storage import queries


def dropped(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    step: int,
    limit: int = 1000,
    mask_pii: bool = False,
) -> pd.DataFrame:
    """Customers whose chain reached step-1 but not `step`, latest first, at most `limit`.

    Columns: customer_id, reached_at (the time of the last step they reached), last_touchpoint /
    last_ts (their last filtered event from then to the end of the window), comments (their
    non-empty survey comments, oldest first, joined by " | "), latest_comment, n_comments. The
    number of all such customers is in ``df.attrs["total"]``.
    """
    n = len(spec.steps)
    if not 2 <= step <= n:
        raise FunnelError("funnel.error.dropped_step", step=step, n=n)
    found = chains_of(cur, workspace_id, filters, spec, with_ids=True)
    here = found.depth == step - 1
    page = pd.DataFrame(
        {
            "customer_id": found.customer_id[here] if found.customer_id is not None else [],
            "t1": pd.to_datetime(found.times[here, 0], unit="us"),
            "reached_at": pd.to_datetime(found.times[here, step - 2], unit="us"),
        }
    )
    total = len(page)
    page = page.sort_values(["reached_at", "customer_id"], ascending=[False, True], kind="stable")
    page = page.head(max(0, int(limit))).reset_index(drop=True)
    cur.register("jl_dropped_page", page)
    try:
        df = queries.funnel_dropped(
            cur,
            filters=filters,
            workspace_id=workspace_id,
            window_seconds=spec.window_seconds,
            mask_pii=bool(mask_pii),
        )
    finally:
        cur.unregister("jl_dropped_page")
    df["n_comments"] = df["n_comments"].astype(int)
    for col in ("last_touchpoint", "comments", "latest_comment"):
        df[col] = pd.Series([None if pd.isna(v) else v for v in df[col]], dtype=object)
    df.attrs["total"] = total
    return df.reset_index(drop=True)
