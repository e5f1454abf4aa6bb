"""The funnel over time and its time to convert: the funnel's own chains (funnel.events), read
once per view, summarised by journeylens/domain/funnel_timing.py.

* conversion_over_time: per week or month of the customers' step-1 event, the customers entering,
  those reaching the last step, the share and its 95% Wilson interval (domain.significance.wilson),
  and whether enough customers entered to trust it (domain.metrics.reliable with the workspace's
  minimum n).
* time_to_convert: per step to the next, and from step 1 to the last, the customers who made it
  and the median, p90 (linear interpolation, as DuckDB's quantile_cont), mean and box-plot
  quantiles of the seconds it took them.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from journeylens.domain import funnel_timing, metrics, significance
from journeylens.domain.filters import Filters
from journeylens.services.funnel.events import chains_of
from journeylens.services.funnel.spec import FunnelError, FunnelSpec

GRAINS = funnel_timing.GRAINS
OVER_TIME_COLUMNS = ("period", "entered", "converted", "conversion", "low", "high", "reliable")
TIME_COLUMNS = (
    "from_step", "to_step", "from_touchpoint", "to_touchpoint", "customers",
    "median", "p90", "mean", "p10", "q1", "q3", "min", "max",
)  # fmt: skip


def over_time_frame(
    depth: np.ndarray, times: np.ndarray, n_steps: int, grain: str, min_n: int
) -> pd.DataFrame:
    periods, entered, converted = funnel_timing.conversion_by_period(depth, times, n_steps, grain)
    bounds = [significance.wilson(int(c), int(n)) for c, n in zip(converted, entered, strict=True)]
    return pd.DataFrame(
        {
            "period": pd.to_datetime(periods),
            "entered": entered.astype("int64"),
            "converted": converted.astype("int64"),
            "conversion": [c / n for c, n in zip(converted, entered, strict=True)],
            "low": [lo for lo, _ in bounds],
            "high": [hi for _, hi in bounds],
            "reliable": [bool(metrics.reliable(int(n), min_n)) for n in entered],
        },
        columns=list(OVER_TIME_COLUMNS),
    )


def times_frame(depth: np.ndarray, times: np.ndarray, spec: FunnelSpec) -> pd.DataFrame:
    rows = []
    for a, b in funnel_timing.step_pairs(len(spec.steps)):
        stats = funnel_timing.summary(funnel_timing.seconds_between(depth, times, a, b))
        rows.append(
            {
                "from_step": a,
                "to_step": b,
                "from_touchpoint": spec.steps[a - 1],
                "to_touchpoint": spec.steps[b - 1],
                "customers": stats["n"],
                **{k: stats[k] for k in TIME_COLUMNS[5:]},
            }
        )
    # the seconds as objects holding None where nobody made it, as the funnel's step times
    return pd.DataFrame(
        {
            col: pd.Series([r[col] for r in rows], dtype=object if i >= 5 else None)
            for i, col in enumerate(TIME_COLUMNS)
        },
        columns=list(TIME_COLUMNS),
    )


@dataclass(frozen=True)
class Timing:
    """Both views of one funnel from one read of its chains: conversion per period for each
    grain (OVER_TIME_COLUMNS) and the time to convert (TIME_COLUMNS)."""

    over_time: dict[str, pd.DataFrame]
    times: pd.DataFrame


def timing_of(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    min_n: int = metrics.DEFAULT_MIN_N,
) -> Timing:
    """What the Funnel page shows below the funnel, from one engine pass (at 50M events a pass
    takes seconds: the page must not pay it per section or per change of the period)."""
    found = chains_of(cur, workspace_id, filters, spec)
    n = len(spec.steps)
    return Timing(
        over_time={g: over_time_frame(found.depth, found.times, n, g, min_n) for g in GRAINS},
        times=times_frame(found.depth, found.times, spec),
    )


def conversion_over_time(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    grain: str = "month",
    min_n: int = metrics.DEFAULT_MIN_N,
) -> pd.DataFrame:
    """One row per period with entrants (OVER_TIME_COLUMNS, the period's first day as a
    timestamp; conversion, low and high as fractions), in time order."""
    if grain not in GRAINS:
        raise FunnelError("funnel16.error.grain", grain=grain)
    found = chains_of(cur, workspace_id, filters, spec)
    return over_time_frame(found.depth, found.times, len(spec.steps), grain, min_n)


def time_to_convert(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    """One row per step pair (funnel_timing.step_pairs): TIME_COLUMNS, seconds; None where no
    customer made it."""
    found = chains_of(cur, workspace_id, filters, spec)
    return times_frame(found.depth, found.times, spec)
