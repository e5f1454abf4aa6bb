"""What the model reads from DuckDB: the pair sums per bucket of customers, the touchpoints'
scores and targets, the conversion of satisfied vs dissatisfied customers, and which write-time
summaries may stand in for the rows."""

from __future__ import annotations

import math
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from journeylens.domain import metrics, significance, stats
from journeylens.domain.filters import Filters
from journeylens.services.dashboards.sources import cube_is_fresh
from journeylens.services.insights.drivers.spec import DriverSpec
from journeylens.storage import queries
from journeylens.storage.store import Workspace

BUCKETS = 200  # random groups of customers the bootstrap resamples
MAX_CUSTOMERS = 50_000  # above this the model runs on a random sample of customers (see run)


def workspace_facts(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, Any]:
    row = queries.insights_workspace_facts(cur, workspace_id=workspace_id).iloc[0]
    last = row["last_touchpoint"]
    return {
        "has_events": bool(row["has_events"]),
        "has_flags": bool(row["has_flags"]),
        "last_touchpoint": None if last is None or last != last else str(last),
    }


def driver_columns(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> list[str]:
    df = queries.insights_driver_columns_get(cur, workspace_id=workspace_id)
    return [str(c) for c in df["column_name"]] if len(df) else []


def touchpoint_scores(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters
) -> pd.DataFrame:
    return queries.insights_touchpoint_scores(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        use_cube=cube_is_fresh(cur, ws.workspace_id),
    )


def summaries_usable(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters
) -> dict[str, bool]:
    """use_scores / use_events: whether the queries can read the write-time customer summaries
    (queries/insights_summary_refresh.sql) instead of grouping every answer / event. Only for the
    unfiltered view (a stage filter is fine for the scores: it narrows the touchpoints; events:
    no date, persona or segment filter, the ones that apply to them), and only while they match
    the data; otherwise the same queries read the rows."""
    row = queries.insights_summary_fresh(cur, workspace_id=workspace_id).iloc[0]
    events_unfiltered = not (
        filters.date_from
        or filters.date_to
        or filters.personas
        or filters.segments
        or filters.extras
    )
    # a stage filter only narrows the touchpoints, which customer_scores keeps apart
    scores_unfiltered = events_unfiltered and not filters.channels
    return {
        "use_scores": bool(row["scores"]) and scores_unfiltered,
        "use_events": bool(row["events"]) and events_unfiltered,
    }


def dense_sums(df: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """(driver names, sums (G, V, V, 6)) from the query's long rows; variable 0 = outcome."""
    names = sorted(
        {str(v) for v in pd.concat([df["a_var"], df["b_var"]]).dropna().unique().tolist()}
    )
    index = {name: i + 1 for i, name in enumerate(names)}
    a = np.array([0 if v is None or v != v else index[str(v)] for v in df["a_var"]], dtype=int)
    b = np.array([0 if v is None or v != v else index[str(v)] for v in df["b_var"]], dtype=int)
    g = df["g"].to_numpy(dtype=int)
    groups = BUCKETS
    out = np.zeros((groups, len(names) + 1, len(names) + 1, 6))
    out[g, a, b, :] = df[list(stats.STATS)].to_numpy(dtype=float)
    return names, out


def driver_performance(
    spec: DriverSpec, ws: Workspace, scores: pd.DataFrame, names: list[str], totals: np.ndarray
) -> pd.DataFrame:
    """Per driver: performance, its n, target (CSAT only), journey position and stage."""
    by_tp = scores[scores["touchpoint"].notna()].set_index("touchpoint")
    rows = []
    for i, name in enumerate(names):
        perf = target = None
        n_perf = 0
        position, stage = math.inf, None
        if spec.driver != "columns" and name in by_tp.index:
            s = by_tp.loc[name]
            position = float(s["position"])
            stage = None if pd.isna(s["stage"]) else str(s["stage"])
            if spec.driver == "csat" and s["n_csat"] > 0:
                perf, n_perf = 100.0 * s["csat_top2"] / s["n_csat"], int(s["n_csat"])
                t = s["target_csat"]
                target = None if t is None or pd.isna(t) else float(t)
            elif spec.driver == "ces" and s["n_ces"] > 0:
                perf, n_perf = s["ces_sum"] / s["n_ces"], int(s["n_ces"])
            elif spec.driver == "emotion" and s["n_emotion"] > 0:
                perf, n_perf = s["emotion_sum"] / s["n_emotion"], int(s["n_emotion"])
        elif spec.driver == "columns":
            n_col = totals[i + 1, i + 1, 0]
            if n_col > 0:
                perf, n_perf = totals[i + 1, i + 1, 1] / n_col, int(n_col)
            position = float(i + 1)
        rows.append(
            {
                "driver": name,
                "position": position,
                "stage": stage,
                "performance": perf,
                "performance_n": n_perf,
                "target": target,
            }
        )
    return pd.DataFrame(rows)


def conversion_impact(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, last: str | None,
    use: dict[str, bool], flags: bool,
) -> dict[str, dict[str, Any]]:  # fmt: skip
    df = queries.insights_conversion_impact(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        last_touchpoint=last,
        from_summary=use["use_scores"] and use["use_events"] and flags,
        **use,
    )
    out: dict[str, dict[str, Any]] = {}
    for r in df.to_dict("records"):
        n_s, c_s = int(r["n_satisfied"]), int(r["converted_satisfied"])
        n_d, c_d = int(r["n_dissatisfied"]), int(r["converted_dissatisfied"])
        rec: dict[str, Any] = {
            "n_satisfied": n_s,
            "n_dissatisfied": n_d,
            "satisfied_rate": c_s / n_s if n_s else None,
            "dissatisfied_rate": c_d / n_d if n_d else None,
            "difference": None,
            "difference_low": None,
            "difference_high": None,
            "at_stake": n_d - c_d,
            "reliable": metrics.reliable(n_s, ws.min_n) and metrics.reliable(n_d, ws.min_n),
        }
        if n_s and n_d and rec["reliable"]:
            d, lo, hi = significance.proportion_difference(c_s, n_s, c_d, n_d)
            rec.update(difference=d, difference_low=lo, difference_high=hi)
        out[str(r["touchpoint"])] = rec
    return out


def sample_per_mille(
    spec: DriverSpec, scores: pd.DataFrame, cur: duckdb.DuckDBPyConnection, ws: Workspace,
    use: dict[str, bool],
) -> int:  # fmt: skip
    """How many customers per thousand the model keeps, so that about MAX_CUSTOMERS remain.

    Why: the sums pair every two answers of each customer, so the work grows with the population
    (2M customers with events at 10M answers). A hash sample of 50,000 customers estimates a
    correlation to about ±0.005 (1/√n), and n says how many were used; the intervals come from
    the same sample, so they stay honest. The population is over-estimated from cheap counts (NPS answers at the
    touchpoint; the customers with events, or the answers in view), so it never samples more
    than needed."""
    if spec.outcome == "nps":
        rows = scores[scores["touchpoint"].isna()] if spec.outcome_touchpoint is None else (
            scores[scores["touchpoint"] == spec.outcome_touchpoint]
        )  # fmt: skip
        estimate = int(rows["n_nps"].sum())
    elif use["use_events"]:
        estimate = int(
            queries.insights_customer_count(cur, workspace_id=ws.workspace_id).iloc[0, 0]
        )
    else:
        estimate = int(scores["answers"].sum())
    if estimate <= MAX_CUSTOMERS:
        return 1000
    return max(1, math.ceil(1000 * MAX_CUSTOMERS / estimate))


def driver_sums(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, spec: DriverSpec,
    facts: dict[str, Any], use: dict[str, bool], sample: int, columns: list[str],
) -> pd.DataFrame:  # fmt: skip
    """The pair sums per bucket (queries/insights_driver_sums.sql), long form."""
    return queries.insights_driver_sums(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        outcome=spec.outcome,
        outcome_touchpoint=spec.outcome_touchpoint,
        driver=spec.driver,
        columns=columns,
        buckets=BUCKETS,
        last_touchpoint=facts["last_touchpoint"],
        use_scores=use["use_scores"] and spec.driver != "columns",
        use_events=use["use_events"],
        sample_per_mille=sample,
    )
