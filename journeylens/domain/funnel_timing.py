"""Conversion by the period customers entered the funnel, and the distribution of time to convert,
both from the funnel engine's chains (journeylens/domain/funnel_engine.py): one definition of who
reaches which step, read here, never recomputed.

* **Conversion over time**: each customer with a chain is counted once, in the week (Monday to
  Sunday, as DuckDB's ``date_trunc('week', ...)``) or calendar month of the chain's step-1 event
  (the attempt the funnel counts). entered = those customers; converted = those whose chain
  reaches the last step, so the sums over the periods equal the funnel's count(1) and count(n).
* **Time to convert**: for a pair of steps (k, j), the seconds between the chain's step-k and
  step-j events over the customers whose chain reaches step j.
* **Quantiles** use linear interpolation between order statistics (numpy ``method="linear"``,
  Hyndman & Fan type 7): the same as DuckDB ``quantile_cont``, pandas ``Series.quantile`` and
  ``np.median``, which the funnel table's median already uses. For sorted x_0..x_{n-1}, the
  q-quantile is x_i + (h - i)(x_{i+1} - x_i) with h = q(n - 1), i = floor(h).
"""

from __future__ import annotations

import numpy as np

GRAINS = ("month", "week")
QUANTILE_METHOD = "linear"  # = DuckDB quantile_cont (type 7)
US_PER_DAY = 86_400_000_000
# The quantiles a distribution is summarised by: whiskers (p10, p90), box (q1, q3), median.
QUANTILES = {"p10": 0.10, "q1": 0.25, "median": 0.50, "q3": 0.75, "p90": 0.90}


def period_start(ts_us: np.ndarray, grain: str) -> np.ndarray:
    """The first day (datetime64[D]) of the week (Monday) or month holding each µs timestamp."""
    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {GRAINS}, not {grain!r}")
    days = np.floor_divide(np.asarray(ts_us, np.int64), US_PER_DAY)
    if grain == "week":
        # 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
        return (days - (days + 3) % 7).astype("datetime64[D]")
    return days.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]")


def conversion_by_period(
    depth: np.ndarray, times: np.ndarray, n_steps: int, grain: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(period starts in order, customers entering in each, of them reaching step n_steps).

    depth / times: the engine's chains of customers that entered (depth >= 1)."""
    depth = np.asarray(depth)
    entered = depth >= 1
    starts = period_start(np.asarray(times)[entered, 0], grain)
    periods, index = np.unique(starts, return_inverse=True)
    n_entered = np.bincount(index, minlength=len(periods))
    n_converted = np.bincount(
        index, weights=(depth[entered] >= n_steps).astype(np.int64), minlength=len(periods)
    ).astype(np.int64)
    return periods, n_entered.astype(np.int64), n_converted


def step_pairs(n_steps: int) -> list[tuple[int, int]]:
    """(1, 2), (2, 3), ..., (n-1, n), then (1, n) when it is not already listed (1-based)."""
    pairs = [(k, k + 1) for k in range(1, n_steps)]
    if n_steps > 2:
        pairs.append((1, n_steps))
    return pairs


def seconds_between(depth: np.ndarray, times: np.ndarray, a: int, b: int) -> np.ndarray:
    """Seconds from the step-a event to the step-b event (1-based, a < b) of each chain reaching
    step b."""
    reached = np.asarray(depth) >= b
    times = np.asarray(times)
    return (times[reached, b - 1] - times[reached, a - 1]) / 1e6


def summary(seconds: np.ndarray) -> dict[str, float | int | None]:
    """n, mean, min, max and QUANTILES of a sample of seconds (None when it is empty)."""
    secs = np.asarray(seconds, np.float64)
    out: dict[str, float | int | None] = {"n": int(secs.size)}
    if secs.size == 0:
        out.update({k: None for k in ("mean", "min", "max", *QUANTILES)})
        return out
    values = np.quantile(secs, list(QUANTILES.values()), method=QUANTILE_METHOD)
    out.update({"mean": float(secs.mean()), "min": float(secs.min()), "max": float(secs.max())})
    out.update({k: float(v) for k, v in zip(QUANTILES, values, strict=True)})
    return out
