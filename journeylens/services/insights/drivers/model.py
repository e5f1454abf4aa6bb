"""The key-driver model: which drivers enter it, their importance with intervals, the priority
matrix, the impact on conversion; and the CLI's JSON document of the result."""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pandas as pd

from journeylens.domain import metrics, stats
from journeylens.domain.filters import Filters
from journeylens.domain.metrics import json_number as _num
from journeylens.services.insights.drivers.inputs import (
    conversion_impact,
    dense_sums,
    driver_columns,
    driver_performance,
    driver_sums,
    sample_per_mille,
    summaries_usable,
    touchpoint_scores,
    workspace_facts,
)
from journeylens.services.insights.drivers.quadrants import assign_quadrants
from journeylens.services.insights.drivers.spec import RESAMPLES, DriverResult, DriverSpec
from journeylens.storage.store import Workspace

Q = 0.05  # false discovery rate for "distinguishable"
HIGH_VIF = 5.0  # a driver this collinear with the others is called out
MAX_DRIVERS = 40  # more drivers than this: the ones with the most customers are kept
SUBSET_BUDGET = (
    RESAMPLES << 14
)  # resamples x 2^k subsets: 200 resamples up to 14 drivers, 100 at 15


def run(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, spec: DriverSpec
) -> DriverResult:
    """The key-driver model of spec under filters, with the priority matrix and the impact on
    conversion (see the module doc)."""
    facts = workspace_facts(cur, ws.workspace_id)
    columns = driver_columns(cur, ws.workspace_id) if spec.driver == "columns" else []
    result = DriverResult(spec=spec, has_events=facts["has_events"], min_n=ws.min_n)
    if spec.driver == "columns" and not columns:
        result.reason = "no_columns"
        return result
    if spec.outcome == "conversion" and not facts["has_events"]:
        result.reason = "no_events"
        return result
    use = summaries_usable(cur, ws.workspace_id, filters)
    scores = touchpoint_scores(cur, ws, filters)
    result.sample = sample_per_mille(spec, scores, cur, ws, use)
    long = driver_sums(cur, ws, filters, spec, facts, use, result.sample, columns)
    if long.empty:
        result.reason = "no_outcome"
        return result
    names, sums = dense_sums(long)
    totals = sums.sum(axis=0)
    result.n = int(totals[0, 0, 0])
    excluded: list[dict[str, Any]] = []
    keep: list[int] = []
    for i, name in enumerate(names, start=1):
        n, sx, sy, sxx, syy, _ = totals[0, i]
        var_y, var_x = n * sxx - sx * sx, n * syy - sy * sy
        if not metrics.reliable(n, ws.min_n):
            excluded.append({"driver": name, "n": int(n), "reason": "below_min_n"})
        elif var_x <= 1e-9 * max(n * syy, 1.0):
            excluded.append({"driver": name, "n": int(n), "reason": "driver_constant"})
        elif var_y <= 1e-9 * max(n * sxx, 1.0):
            excluded.append({"driver": name, "n": int(n), "reason": "outcome_constant"})
        else:
            keep.append(i)
    if len(keep) > MAX_DRIVERS:
        keep.sort(key=lambda i: -totals[0, i, 0])
        for i in keep[MAX_DRIVERS:]:
            excluded.append(
                {"driver": names[i - 1], "n": int(totals[0, i, 0]), "reason": "too_many"}
            )
        keep = sorted(keep[:MAX_DRIVERS])
    perf = driver_performance(spec, ws, scores, names, totals).set_index("driver")
    result.excluded = pd.DataFrame(
        [{**e, **perf.loc[e["driver"]].to_dict()} for e in excluded],
        columns=["driver", "n", "reason", "position", "stage", "performance", "performance_n",
                 "target"],
    )  # fmt: skip
    if not keep:
        result.reason = "no_drivers"
        return result
    idx = np.array([0, *keep])
    k = len(keep)
    # exact Shapley costs 2^k subsets per resample: bound the work (100 resamples at 15 drivers)
    result.resamples = (
        min(spec.resamples, max(100, SUBSET_BUDGET >> k))
        if k <= stats.MAX_EXACT
        else spec.resamples
    )
    imp = stats.bootstrap_importance(
        sums[:, idx][:, :, idx],
        resamples=result.resamples,
        seed=spec.seed,
        q=Q,
        min_pairs=ws.min_n,
    )
    kept = [names[i - 1] for i in keep]
    result.r2, result.r2_low, result.r2_high = imp.r2, imp.r2_low, imp.r2_high
    result.method, result.level = imp.method, imp.level
    frame = perf.loc[kept].reset_index()
    frame["importance"] = imp.share
    frame["importance_low"] = imp.share_low
    frame["importance_high"] = imp.share_high
    frame["raw_r2_share"] = imp.raw
    frame["distinguishable"] = imp.distinguishable
    frame["p_value"] = imp.p_value
    frame["q_value"] = imp.q_value
    frame["vif"] = imp.vif
    frame["n"] = [int(imp.count[0, j]) for j in range(1, len(kept) + 1)]
    higher_is_better = spec.driver != "ces" or ws.ces_high_is_easy
    result.higher_is_better = higher_is_better
    target = pd.to_numeric(frame["target"], errors="coerce").to_numpy(dtype=float)
    quads, reference, below = assign_quadrants(
        imp.share,
        pd.to_numeric(frame["performance"], errors="coerce").to_numpy(dtype=float),
        target,
        higher_is_better,
    )
    frame["quadrant"] = quads
    frame["reference"] = reference
    frame["below"] = below
    impact = (
        conversion_impact(cur, ws, filters, facts["last_touchpoint"], use, facts["has_flags"])
        if facts["has_events"] and spec.driver != "columns"
        else {}
    )
    frame["conversion_impact"] = [impact.get(name) for name in frame["driver"]]
    frame = frame.sort_values(["importance", "position"], ascending=[False, True], kind="stable")
    frame = frame.reset_index(drop=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    result.drivers = frame
    result.high_vif = [str(d) for d, v in zip(frame["driver"], frame["vif"], strict=True)
                       if v > HIGH_VIF]  # fmt: skip
    return result


def fix_first(result: DriverResult, k: int = 3) -> pd.DataFrame:
    """The top k drivers of the 'fix first' quadrant that stand out from noise, by importance."""
    if result.empty:
        return result.drivers
    d = result.drivers
    return d[(d["quadrant"] == "fix_first") & d["distinguishable"]].head(k).reset_index(drop=True)


def _impact_json(rec: dict[str, Any] | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {
        "satisfied_rate": _num(rec["satisfied_rate"]),
        "dissatisfied_rate": _num(rec["dissatisfied_rate"]),
        "difference": _num(rec["difference"]),
        "difference_low": _num(rec["difference_low"]),
        "difference_high": _num(rec["difference_high"]),
        "n_satisfied": int(rec["n_satisfied"]),
        "n_dissatisfied": int(rec["n_dissatisfied"]),
        "at_stake": int(rec["at_stake"]),
    }


def to_json(result: DriverResult) -> dict[str, Any]:
    """The CLI's `drivers --json` document: drivers sorted by importance (shares of R² that sum
    to 1), each with its interval, part of R², performance, n, quadrant, conversion impact."""
    spec = result.spec
    drivers = []
    for r in result.drivers.to_dict("records"):
        drivers.append(
            {
                "driver": str(r["driver"]),
                "importance": _num(r["importance"]),
                "importance_low": _num(r["importance_low"]),
                "importance_high": _num(r["importance_high"]),
                "raw_r2_share": _num(r["raw_r2_share"]),
                "performance": _num(r["performance"]),
                "n": int(r["n"]),
                "quadrant": r["quadrant"],
                "conversion_impact": _impact_json(r["conversion_impact"]),
                "distinguishable": bool(r["distinguishable"]),
                "p_value": _num(r["p_value"], 6),
                "q_value": _num(r["q_value"], 6),
                "target": _num(r["target"]),
                "vif": _num(r["vif"], 3),
            }
        )
    return {
        "outcome": spec.outcome,
        "outcome_touchpoint": spec.outcome_touchpoint,
        "driver_metric": spec.driver,
        "r2": _num(result.r2),
        "r2_low": _num(result.r2_low),
        "r2_high": _num(result.r2_high),
        "n": int(result.n),
        "method": result.method,
        "interval_level": _num(result.level),
        "resamples": result.resamples,
        "seed": spec.seed,
        "min_n": result.min_n,
        "sample_per_mille": result.sample,
        "high_vif": list(result.high_vif),
        "reason": result.reason,
        "drivers": drivers,
        "excluded": [
            {"driver": str(e["driver"]), "n": int(e["n"]), "reason": str(e["reason"])}
            for e in result.excluded.to_dict("records")
        ],
    }
