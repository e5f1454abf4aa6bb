"""Changes and comparisons, on counts and sums only (no rows, no I/O): two-proportion z tests
(pooled under the null), the NPS difference through the per-answer variance p + d − (p − d)²,
Welch's test for means, Newcombe's hybrid score interval for a difference of two proportions
(Newcombe 1998), and the Benjamini–Hochberg (1995) step-up procedure that alerts and the driver
importances share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from journeylens.domain.metrics import Z95


def scipy_stats() -> Any:
    """scipy.stats, imported on first use: it costs a second at start-up, which every CLI
    command and page load would pay for tests they may never run."""
    from scipy import stats

    return stats


# --- multiple testing -------------------------------------------------------------------------


def benjamini_hochberg(p_values: np.ndarray, q: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """(rejected, q-values) of the Benjamini–Hochberg (1995) step-up procedure at level q.

    q-value_i = min over j with p_(j) >= p_i of p_(j)·m/j, capped at 1; rejected = q-value <= q
    (the same set as rejecting the hypotheses up to the largest i with p_(i) <= i·q/m).
    """
    p = np.asarray(p_values, dtype=np.float64)
    m = len(p)
    if m == 0:
        return np.zeros(0, bool), np.zeros(0)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    qv = np.empty(m)
    qv[order] = np.minimum(ranked, 1.0)
    return qv <= q, qv


# --- two-sample tests and intervals -----------------------------------------------------------


@dataclass(frozen=True)
class Test:
    """A comparison of a current with a previous group: the estimates, their difference, z."""

    current: float
    previous: float
    change: float
    z: float
    p_value: float


def _two_sided(z: float) -> float:
    return float(2.0 * scipy_stats().norm.sf(abs(z))) if math.isfinite(z) else 0.0


def proportion_test(x1: float, n1: float, x0: float, n0: float) -> Test:
    """Two-proportion z test (pooled under the null): share x1/n1 now vs x0/n0 before."""
    p1, p0 = x1 / n1, x0 / n0
    pooled = (x1 + x0) / (n1 + n0)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    z = (p1 - p0) / se if se > 0 else (0.0 if p1 == p0 else math.copysign(math.inf, p1 - p0))
    return Test(p1, p0, p1 - p0, z, _two_sided(z))


def nps_test(
    promoters1: float,
    detractors1: float,
    n1: float,
    promoters0: float,
    detractors0: float,
    n0: float,
) -> Test:
    """NPS now vs before (as shares: NPS/100). An answer scores +1 (promoter), 0 or −1
    (detractor); its variance is p + d − (p − d)², pooled over both groups under the null."""
    s1 = (promoters1 - detractors1) / n1
    s0 = (promoters0 - detractors0) / n0
    p = (promoters1 + promoters0) / (n1 + n0)
    d = (detractors1 + detractors0) / (n1 + n0)
    var = max(p + d - (p - d) ** 2, 0.0)
    se = math.sqrt(var * (1 / n1 + 1 / n0))
    z = (s1 - s0) / se if se > 0 else (0.0 if s1 == s0 else math.copysign(math.inf, s1 - s0))
    return Test(s1, s0, s1 - s0, z, _two_sided(z))


def mean_test(sum1: float, sumsq1: float, n1: float, sum0: float, sumsq0: float, n0: float) -> Test:
    """Welch's test of two means from their sums and sums of squares (sample variances)."""
    m1, m0 = sum1 / n1, sum0 / n0
    v1 = max((sumsq1 - n1 * m1 * m1) / (n1 - 1), 0.0)
    v0 = max((sumsq0 - n0 * m0 * m0) / (n0 - 1), 0.0)
    a, b = v1 / n1, v0 / n0
    se = math.sqrt(a + b)
    if se == 0:
        t = 0.0 if m1 == m0 else math.copysign(math.inf, m1 - m0)
        return Test(m1, m0, m1 - m0, t, _two_sided(t))
    t = (m1 - m0) / se
    df = (a + b) ** 2 / ((a * a / (n1 - 1) if n1 > 1 else 0) + (b * b / (n0 - 1) if n0 > 1 else 0))
    return Test(m1, m0, m1 - m0, t, float(2.0 * scipy_stats().t.sf(abs(t), df)))


def below_target_test(x: float, n: float, target: float) -> Test:
    """Is the share x/n below the target share (0..1)? One-sided z test against the target;
    `previous` holds the target."""
    p = x / n
    se = math.sqrt(target * (1 - target) / n) if 0 < target < 1 else 0.0
    if se == 0:
        z = 0.0 if p == target else math.copysign(math.inf, p - target)
    else:
        z = (p - target) / se
    return Test(
        p,
        target,
        p - target,
        z,
        float(scipy_stats().norm.cdf(z)) if math.isfinite(z) else (1.0 if z > 0 else 0.0),
    )


def wilson(x: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion."""
    if n <= 0:
        return (math.nan, math.nan)
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def proportion_difference(
    x1: float, n1: float, x0: float, n0: float, z: float = Z95
) -> tuple[float, float, float]:
    """(p1 − p0, low, high): Newcombe's (1998) hybrid score interval (his method 10)."""
    p1, p0 = x1 / n1, x0 / n0
    l1, u1 = wilson(x1, n1, z)
    l0, u0 = wilson(x0, n0, z)
    d = p1 - p0
    return (
        d,
        d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2),
        d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2),
    )
