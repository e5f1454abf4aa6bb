"""The headline scores: overall NPS / CSAT / CES / emotion with their change (kpis) and the
scores per week or month (trend)."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.services.dashboards import sources
from journeylens.services.dashboards.period import (
    COMPARE_MONTHS,
    as_date,
    comparison_periods,
    significant_change,
)
from journeylens.storage import queries
from journeylens.storage.store import Workspace


def _metric_summary(row: pd.Series, metric: str) -> dict[str, Any]:
    cols = metrics.METRIC_COLUMNS[metric]
    return {
        "value": metrics.finite(row[cols["value"]]),
        "low": metrics.finite(row[cols["low"]]),
        "high": metrics.finite(row[cols["high"]]),
        "n": int(row[cols["n"]]),
        "reliable": bool(row[cols["reliable"]]),
    }


def response_dates(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters
) -> dict[str, Any]:
    """{"n": answers, "first" / "last": the first and last answer date} under the filters: what
    the period comparison is anchored on (the data's last date, not today's)."""
    use_cube = sources.cube_is_fresh(cur, ws.workspace_id)
    row = queries.dash_response_dates(
        cur, filters=filters, workspace_id=ws.workspace_id, use_cube=use_cube
    ).iloc[0]
    return {
        "n": int(row["n"]),
        "first": as_date(row["first_date"]),
        "last": as_date(row["last_date"]),
    }


def kpis(cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters) -> dict[str, Any]:
    """Overall NPS / CSAT / CES / emotion with n and 95% interval, and the change vs before.

    Returns {"n": answers in view, "mode": "range" | "recent" | None,
    "current": (start, end) | None, "previous": (start, end) | None,
    "note_key" / "note_params": the sentence that says which periods are compared,
    "nps" | "csat" | "ces" | "emotion": {value, low, high, n, reliable (the whole filtered view),
    current, current_n, previous, previous_n, change, significant}}.
    """
    use_cube = sources.cube_is_fresh(cur, ws.workspace_id)
    dates = queries.dash_response_dates(
        cur, filters=filters, workspace_id=ws.workspace_id, use_cube=use_cube
    ).iloc[0]
    first, last = as_date(dates["first_date"]), as_date(dates["last_date"])
    periods = comparison_periods(filters, first, last)
    mode = periods[0] if periods else None
    current, previous = (periods[1], periods[2]) if periods else (None, None)
    counts = queries.dash_kpis(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        cur_from=current.start if current else None,
        cur_to=current.end if current else None,
        prev_from=previous.start if previous else date(1, 1, 1),
        prev_to=previous.end if previous else date(1, 1, 1),
        use_cube=use_cube,
    )
    df = sources.metric_frame(counts, ws).set_index("period")
    out: dict[str, Any] = {
        "n": int(dates["n"]),
        "mode": mode,
        "current": current.as_tuple() if current else None,
        "previous": previous.as_tuple() if previous else None,
        "note_key": f"dash.kpi.compare_{mode}" if mode else "dash.kpi.compare_none",
        "note_params": (
            {
                "current": f"{current.start.isoformat()} – {current.end.isoformat()}",
                "previous": f"{previous.start.isoformat()} – {previous.end.isoformat()}",
                "months": COMPARE_MONTHS,
            }
            if current and previous
            else {}
        ),
    }
    overall = df.loc["overall"]
    out["details"] = {
        key: metrics.finite(overall[key])
        for key in ("promoters_pct", "passives_pct", "detractors_pct", "csat_mean", "ces_high_pct")
    }
    for metric in (*sources.METRIC_NAMES, "emotion"):
        summaries = {
            period: _metric_summary(df.loc[period], metric)
            for period in ("overall", "current", "previous")
        }
        now, before = summaries["current"], summaries["previous"]
        if not periods:
            now = {"value": None, "n": 0, "low": None, "high": None}
            before = dict(now)
        change = (
            now["value"] - before["value"]
            if now["value"] is not None and before["value"] is not None
            else None
        )
        out[metric] = {
            **summaries["overall"],
            "current": now["value"],
            "current_n": now["n"],
            "previous": before["value"],
            "previous_n": before["n"],
            "change": change,
            "significant": significant_change(now, before) if change is not None else None,
        }
    return out


def trend(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, grain: str = "month"
) -> pd.DataFrame:
    """Score counts and metrics per period (the first day of the week or month)."""
    sources.check_choice(grain, sources.GRAINS, "grain")
    use_cube = sources.cube_is_fresh(cur, ws.workspace_id)
    df = queries.dash_trend(
        cur, filters=filters, workspace_id=ws.workspace_id, grain=grain, use_cube=use_cube
    )
    df["period"] = pd.to_datetime(df["period"])
    return sources.metric_frame(df, ws)
