"""NPS, CSAT, CES and emotion: the one definition of each metric.

DuckDB does the counting (queries select the columns in SCORE_COUNTS through the band macros in
queries/macros.sql); this module turns counts into scores, 95% intervals and the minimum-n flag.
Only aggregates reach this module, so plain pandas arithmetic is cheap here.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

Z95 = 1.959963984540054

# The minimum answers rule: a score from fewer answers than the workspace's min_n is shown, but
# faded and never called the worst, a pain point or an alert. This is the default min_n; the
# workspaces table's column default (queries/schema.sql) repeats the number, as SQL cannot read
# it (tests/unit/test_metrics.py checks that they agree).
DEFAULT_MIN_N = 30


def reliable(n: float | pd.Series, min_n: int) -> bool | pd.Series:
    """Whether n answers are enough (n >= min_n): a bool for a number, a bool Series for a
    Series, so the rule is written once for single values and whole columns alike."""
    if isinstance(n, pd.Series):
        return n >= min_n
    return bool(n >= min_n)


# Columns every metric query returns (per group); see queries/*.sql.
SCORE_COUNTS = (
    "n_nps", "promoters", "passives", "detractors",
    "n_csat", "csat_top2", "csat_sum",
    "n_ces", "ces_sum", "ces_sumsq", "ces_high",
    "n_emotion", "emotion_sum", "emotion_sumsq",
)  # fmt: skip


def nps(promoters: float, passives: float, detractors: float) -> float | None:
    """% promoters (9-10) minus % detractors (0-6) over all 0-10 answers; None when n = 0."""
    n = promoters + passives + detractors
    if n == 0:
        return None
    return 100.0 * (promoters - detractors) / n


def nps_ci95(promoters: float, passives: float, detractors: float) -> tuple[float, float] | None:
    """Normal interval with SE = 100·sqrt((p + d - (p - d)²) / n), clipped to [-100, 100]."""
    n = promoters + passives + detractors
    if n == 0:
        return None
    p, d = promoters / n, detractors / n
    se = 100.0 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    score = 100.0 * (p - d)
    return max(-100.0, score - Z95 * se), min(100.0, score + Z95 * se)


def share_ci95(hits: float, n: float) -> tuple[float, float] | None:
    """Normal interval for a percentage such as CSAT top-2-box, clipped to [0, 100]."""
    if n == 0:
        return None
    p = hits / n
    se = math.sqrt(p * (1 - p) / n)
    return max(0.0, 100 * (p - Z95 * se)), min(100.0, 100 * (p + Z95 * se))


def mean_ci95(total: float, sumsq: float, n: float) -> tuple[float, float] | None:
    """Normal interval for a mean from its sum and sum of squares (sample SD)."""
    if n < 2:
        return None
    mean = total / n
    var = max((sumsq - n * mean * mean) / (n - 1), 0.0)
    half = Z95 * math.sqrt(var / n)
    return mean - half, mean + half


def with_metrics(counts: pd.DataFrame, min_n: int = DEFAULT_MIN_N) -> pd.DataFrame:
    """Add score, interval and reliability columns to a frame of SCORE_COUNTS per group."""
    df = counts.copy()
    for col in SCORE_COUNTS:
        if col not in df:
            df[col] = 0
        df[col] = pd.to_numeric(df[col], errors="coerce").fillna(0).astype(float)
    rows = df.to_dict("records")
    out: dict[str, list[float | None]] = {
        k: []
        for k in (
            "nps",
            "nps_low",
            "nps_high",
            "promoters_pct",
            "passives_pct",
            "detractors_pct",
            "csat",
            "csat_low",
            "csat_high",
            "csat_mean",
            "ces_mean",
            "ces_mean_low",
            "ces_mean_high",
            "ces_high_pct",
            "emotion_mean",
            "emotion_low",
            "emotion_high",
        )  # fmt: skip
    }
    for r in rows:
        n = r["n_nps"]
        score = nps(r["promoters"], r["passives"], r["detractors"])
        ci = nps_ci95(r["promoters"], r["passives"], r["detractors"])
        out["nps"].append(score)
        out["nps_low"].append(ci[0] if ci else None)
        out["nps_high"].append(ci[1] if ci else None)
        for part in ("promoters", "passives", "detractors"):
            out[f"{part}_pct"].append(100 * r[part] / n if n else None)
        nc = r["n_csat"]
        out["csat"].append(100 * r["csat_top2"] / nc if nc else None)
        cci = share_ci95(r["csat_top2"], nc)
        out["csat_low"].append(cci[0] if cci else None)
        out["csat_high"].append(cci[1] if cci else None)
        out["csat_mean"].append(r["csat_sum"] / nc if nc else None)
        ne = r["n_ces"]
        out["ces_mean"].append(r["ces_sum"] / ne if ne else None)
        eci = mean_ci95(r["ces_sum"], r["ces_sumsq"], ne)
        out["ces_mean_low"].append(eci[0] if eci else None)
        out["ces_mean_high"].append(eci[1] if eci else None)
        out["ces_high_pct"].append(100 * r["ces_high"] / ne if ne else None)
        nm = r["n_emotion"]
        out["emotion_mean"].append(r["emotion_sum"] / nm if nm else None)
        mci = mean_ci95(r["emotion_sum"], r["emotion_sumsq"], nm)
        out["emotion_low"].append(mci[0] if mci else None)
        out["emotion_high"].append(mci[1] if mci else None)
    for key, values in out.items():
        df[key] = pd.array(values, dtype="Float64") if values else pd.array([], dtype="Float64")
    for key in ("n_nps", "n_csat", "n_ces", "n_emotion"):
        df[key] = df[key].astype("int64")
    df["nps_reliable"] = reliable(df["n_nps"], min_n)
    df["csat_reliable"] = reliable(df["n_csat"], min_n)
    df["ces_reliable"] = reliable(df["n_ces"], min_n)
    df["emotion_reliable"] = reliable(df["n_emotion"], min_n)
    return df


# Where each metric's value, 95% interval, n and minimum-n flag sit after with_metrics(): the one
# name -> column mapping, so dashboards, charts, the CLI and pages never retype "ces_mean_low".
METRIC_COLUMNS: dict[str, dict[str, str]] = {
    "nps": {
        "value": "nps", "low": "nps_low", "high": "nps_high",
        "n": "n_nps", "reliable": "nps_reliable",
    },
    "csat": {
        "value": "csat", "low": "csat_low", "high": "csat_high",
        "n": "n_csat", "reliable": "csat_reliable",
    },
    "ces": {
        "value": "ces_mean", "low": "ces_mean_low", "high": "ces_mean_high",
        "n": "n_ces", "reliable": "ces_reliable",
    },
    "emotion": {
        "value": "emotion_mean", "low": "emotion_low", "high": "emotion_high",
        "n": "n_emotion", "reliable": "emotion_reliable",
    },
}  # fmt: skip
# The metrics a user picks on the score pages (emotion has a page of its own).
METRICS: dict[str, dict[str, str]] = {m: METRIC_COLUMNS[m] for m in ("nps", "csat", "ces")}
METRIC_DOMAINS: dict[str, tuple[float, float, float]] = {
    # (min, midpoint, max) for diverging colour scales
    "nps": (-100.0, 0.0, 100.0),
    "csat": (0.0, 70.0, 100.0),
    "ces": (1.0, 4.0, 7.0),
}


def json_number(value: Any, digits: int = 4) -> float | None:
    """A number for a JSON document (the CLI's --json): rounded, None when missing or not finite."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if not math.isfinite(f) else round(f, digits)


def finite(x: object) -> float | None:
    """A float, or None for missing / NaN values (pandas NA included)."""
    if x is None or x is pd.NA:
        return None
    try:
        f = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if np.isnan(f) else f
