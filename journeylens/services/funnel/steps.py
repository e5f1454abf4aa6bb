"""Per-step counts, conversions and times, from the chains or from the overview's default funnel
kept at write time; and the CLI's JSON rows."""

from __future__ import annotations

import math
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from journeylens.domain import funnel_engine
from journeylens.domain.filters import Filters
from journeylens.services.funnel.events import chains_of
from journeylens.services.funnel.spec import DEFAULT_WINDOW_SECONDS, MIN_STEPS, FunnelSpec
from journeylens.storage import queries

STEP_COLUMNS = (
    "step",
    "touchpoint",
    "count",
    "conversion_from_first",
    "conversion_from_previous",
    "dropoff",
    "median_seconds_from_previous",
    "mean_seconds_from_previous",
)
JSON_FIELDS = (
    "step",
    "touchpoint",
    "count",
    "conversion_from_first",
    "conversion_from_previous",
    "median_seconds_from_previous",
    "mean_seconds_from_previous",
)


def finish(df: pd.DataFrame) -> pd.DataFrame:
    """Add conversions and drop-off to per-step counts (one funnel, rows in step order)."""
    counts = [int(c) for c in df["count"]]
    first = counts[0] if counts else 0
    df = df.copy()
    df["count"] = counts
    df["conversion_from_first"] = [c / first if first else None for c in counts]
    df["conversion_from_previous"] = [
        1.0 if i == 0 and c else (c / counts[i - 1] if i and counts[i - 1] else None)
        for i, c in enumerate(counts)
    ]
    df["dropoff"] = [0] + [counts[i - 1] - counts[i] for i in range(1, len(counts))]
    for col in ("median_seconds_from_previous", "mean_seconds_from_previous"):
        df[col] = [_num(v) for v in df[col]]
    return df


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Integers as int64, the nullable numbers as objects holding None."""
    df = df.copy()
    for col in ("step", "count", "dropoff"):
        df[col] = df[col].astype("int64")
    for col in (
        "conversion_from_first",
        "conversion_from_previous",
        "median_seconds_from_previous",
        "mean_seconds_from_previous",
    ):
        df[col] = pd.Series([_num(v) for v in df[col]], index=df.index, dtype=object)
    return df


def _num(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def run(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    """One row per step: STEP_COLUMNS. Conversions are fractions (0..1); times None for step 1.

    The unfiltered loose funnel without exclusions is read from the table refresh_default keeps
    when that table holds these steps and window; any other funnel is computed."""
    df = None
    if filters == Filters() and not spec.strict and not spec.exclusions:
        stored = queries.funnel_default_get(
            cur,
            workspace_id=workspace_id,
            steps=list(spec.steps),
            window_seconds=spec.window_seconds,
        )
        df = stored if len(stored) == len(spec.steps) else None
    if df is None:
        df = _compute(cur, workspace_id, filters, spec)
    df = finish(df.sort_values("step").reset_index(drop=True))
    return tidy(df[list(STEP_COLUMNS)])


def steps_frame(depth: np.ndarray, times: np.ndarray, spec: FunnelSpec) -> pd.DataFrame:
    summary = funnel_engine.summarise(depth, times, len(spec.steps))
    return pd.DataFrame(
        {
            "step": [r["step"] for r in summary],
            "touchpoint": list(spec.steps),
            "count": [r["count"] for r in summary],
            "median_seconds_from_previous": [r["median"] for r in summary],
            "mean_seconds_from_previous": [r["mean"] for r in summary],
        }
    )


def _compute(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    found = chains_of(cur, workspace_id, filters, spec)
    return steps_frame(found.depth, found.times, spec)


def refresh_default(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    *,
    events_changed: bool,
    window_seconds: int | None = None,
) -> None:
    """Keep the unfiltered default funnel (the overview's) with the write-time summaries, in the
    writer's transaction before its workspace_bump (called by journeylens/services/summaries.py).

    Why: at 50M events the 10-step default funnel takes about 5 s even on the compiled path, and
    the overview should open in under a second. It is recomputed when the events changed, or when
    the journey definition or the workspace's window changed which steps or window it is for."""
    if window_seconds is None:
        found = queries.funnel_workspace_window(cur, workspace_id=workspace_id)
        window_seconds = int(found.iloc[0, 0]) if len(found) else DEFAULT_WINDOW_SECONDS
    steps = default_steps(cur, workspace_id)
    key = queries.funnel_default_key(cur, workspace_id=workspace_id).iloc[0]
    same = (
        key["steps"] is not None
        and list(key["steps"]) == steps
        and key["window_seconds"] == window_seconds
    )
    if same and not events_changed:
        return
    cols: dict[str, list[Any]] = {
        "step": [], "touchpoint": [], "count": [], "median": [], "mean": []
    }  # fmt: skip
    if len(steps) >= MIN_STEPS:
        spec = FunnelSpec(tuple(steps), window_seconds=window_seconds)
        df = _compute(cur, workspace_id, Filters(), spec).sort_values("step")
        cols["step"] = [int(x) for x in df["step"]]
        cols["touchpoint"] = [str(x) for x in df["touchpoint"]]
        cols["count"] = [int(x) for x in df["count"]]
        cols["median"] = [_num(x) for x in df["median_seconds_from_previous"]]
        cols["mean"] = [_num(x) for x in df["mean_seconds_from_previous"]]
    queries.funnel_default_put(
        cur, workspace_id=workspace_id, steps=steps, window_seconds=window_seconds, **cols
    )


def default_steps(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> list[str]:
    """The default funnel: the journey's touchpoints not marked optional (in_funnel), in journey
    order (stage, then step), at most 10."""
    df = queries.funnel_default_steps(cur, workspace_id=workspace_id)
    return [str(x) for x in df["touchpoint"]] if len(df) else []


def to_json_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The CLI's JSON rows: JSON_FIELDS only; fractions to 4 decimals, seconds to 0.1 s."""
    records = []
    for row in df.to_dict("records"):
        rec: dict[str, Any] = {}
        for field in JSON_FIELDS:
            value = row.get(field)
            if field in ("step", "count"):
                rec[field] = int(value)
            elif field == "touchpoint":
                rec[field] = str(value)
            else:
                number = _num(value)
                digits = 4 if field.startswith("conversion") else 1
                rec[field] = None if number is None else round(number, digits)
        records.append(rec)
    return records
