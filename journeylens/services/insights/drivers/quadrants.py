"""The priority matrix: which quadrant a driver falls in, from its importance and performance."""

from __future__ import annotations

import math

import numpy as np

QUADRANTS = ("fix_first", "keep_up", "over_served", "low_priority")


def quadrant(
    importance: float, mean_importance: float, performance: float, reference: float,
    higher_is_better: bool = True,
) -> str:  # fmt: skip
    """The priority matrix's quadrant of one driver.

    important: importance strictly above the mean importance of the drivers in the model (shares
    sum to 1, so the mean is 1/k); below: performance strictly below the reference (the
    touchpoint's target, else the mean performance), or strictly above it when a higher value is
    worse (CES with "high = hard"). Equal counts as not important / not below (a touchpoint at its
    target meets it).
    """
    important = importance > mean_importance
    below = performance < reference if higher_is_better else performance > reference
    if important:
        return "fix_first" if below else "keep_up"
    return "low_priority" if below else "over_served"


def assign_quadrants(
    importance: np.ndarray, performance: np.ndarray, target: np.ndarray,
    higher_is_better: bool = True,
) -> tuple[list[str | None], np.ndarray, np.ndarray]:  # fmt: skip
    """Quadrants of the drivers in the model: (quadrants, reference used, below). target holds
    NaN where the journey sets none; drivers without a performance get None."""
    importance = np.asarray(importance, dtype=float)
    performance = np.asarray(performance, dtype=float)
    target = np.asarray(target, dtype=float)
    mean_importance = float(importance.mean()) if len(importance) else 0.0
    known = performance[np.isfinite(performance)]
    mean_performance = float(known.mean()) if len(known) else math.nan
    reference = np.where(np.isfinite(target), target, mean_performance)
    out: list[str | None] = []
    below = np.zeros(len(importance), bool)
    for i, (imp, perf, ref) in enumerate(zip(importance, performance, reference, strict=True)):
        if not (math.isfinite(perf) and math.isfinite(ref)):
            out.append(None)
            continue
        out.append(quadrant(float(imp), mean_importance, float(perf), float(ref), higher_is_better))
        below[i] = perf < ref if higher_is_better else perf > ref
    return out, reference, below
