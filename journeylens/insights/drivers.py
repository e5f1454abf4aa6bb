"""Key drivers: which touchpoints (or survey questions), improved, move NPS or conversion most.

DuckDB returns sufficient statistics (queries/insights_driver_sums.sql: per bucket of customers,
the sums of every pair of variables), the touchpoints' scores (insights_touchpoint_scores.sql,
the response cube) and the conversion of satisfied vs dissatisfied customers
(insights_conversion_impact.sql); `stats` decomposes R² and bootstraps the buckets. No row of
answers or events reaches Python.

Definitions (shown to the reader in the page's words, journeylens/i18n/catalog_insights.py):

- outcome: the customer's NPS answer (0–10, their mean when they answered more than once) at the
  chosen touchpoint, or on answers without a touchpoint (an overall NPS question); or conversion
  (1/0: an event flagged converted, else reaching the journey's last funnel step);
- drivers: the customer's mean CSAT (or CES, or emotion) at each other touchpoint, or the numeric
  extra columns marked as driver questions; pairwise-complete, each with its n;
- a driver with fewer than the workspace's minimum n customers who gave both values is left out
  of the model (shown faded with its n);
- importance: its share of the explained variance (R²), Shapley / LMG up to 15 drivers, Johnson's
  relative weights above; bucket bootstrap intervals; "distinguishable" after Benjamini–Hochberg;
- the priority matrix (see `quadrant`): important = share above the mean share (1/k); below =
  performance below the touchpoint's CSAT target where the journey sets one, else below the
  mean performance of the drivers in the model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from journeylens import metrics, sql
from journeylens.dashboards.sources import cube_is_fresh
from journeylens.errors import JourneyLensError
from journeylens.filters import Filters
from journeylens.insights import stats
from journeylens.permissions import Access, require
from journeylens.store import Store, Workspace

OUTCOMES = ("nps", "conversion")
DRIVER_METRICS = ("csat", "ces", "emotion", "columns")
QUADRANTS = ("fix_first", "keep_up", "over_served", "low_priority")
BUCKETS = 200  # random groups of customers the bootstrap resamples
RESAMPLES = 200  # bootstrap resamples (bounded: MAX_RESAMPLES)
MAX_RESAMPLES = 2000
SEED = 14
Q = 0.05  # false discovery rate for "distinguishable"
HIGH_VIF = 5.0  # a driver this collinear with the others is called out
MAX_DRIVERS = 40  # more drivers than this: the ones with the most customers are kept
SUBSET_BUDGET = (
    RESAMPLES << 14
)  # resamples x 2^k subsets: 200 resamples up to 14 drivers, 100 at 15
MAX_CUSTOMERS = 50_000  # above this the model runs on a random sample of customers (see run)


class DriverError(JourneyLensError, ValueError):
    """A request the analysis cannot answer (unknown outcome, touchpoint...)."""

    hint_key = "error.hint.settings"


@dataclass(frozen=True)
class DriverSpec:
    """What to explain and with what. outcome_touchpoint None = the overall NPS (answers without
    a touchpoint); it is ignored for conversion."""

    outcome: str = "nps"
    outcome_touchpoint: str | None = None
    driver: str = "csat"
    resamples: int = RESAMPLES
    seed: int = SEED

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise DriverError("drivers.error.outcome", known=", ".join(OUTCOMES), got=self.outcome)
        if self.driver not in DRIVER_METRICS:
            raise DriverError(
                "drivers.error.driver", known=", ".join(DRIVER_METRICS), got=self.driver
            )
        if not 2 <= int(self.resamples) <= MAX_RESAMPLES:
            raise DriverError("drivers.error.resamples", most=MAX_RESAMPLES)


@dataclass(frozen=True)
class Options:
    """The outcomes and drivers a workspace offers (unfiltered, so a link's choices stay valid)."""

    nps_touchpoints: tuple[str, ...]  # touchpoints with NPS answers, in journey order
    has_overall_nps: bool  # NPS answers without a touchpoint
    default_touchpoint: str | None  # None: the overall NPS
    has_events: bool
    last_touchpoint: str | None
    columns: tuple[str, ...]  # marked driver questions


@dataclass
class DriverResult:
    spec: DriverSpec
    n: int = 0
    r2: float | None = None
    r2_low: float | None = None
    r2_high: float | None = None
    method: str = "none"
    level: float = 0.95
    drivers: pd.DataFrame = field(default_factory=pd.DataFrame)
    excluded: pd.DataFrame = field(default_factory=pd.DataFrame)
    high_vif: list[str] = field(default_factory=list)
    has_events: bool = False
    min_n: int = metrics.DEFAULT_MIN_N
    higher_is_better: bool = True  # False for CES when a high score means hard
    sample: int = 1000  # the model's customers: a random sample of this many per thousand
    resamples: int = RESAMPLES  # bootstrap resamples used
    reason: str | None = None  # why there is no model: 'no_outcome' | 'no_drivers'

    @property
    def empty(self) -> bool:
        return self.drivers.empty


# --- the quadrant rule ------------------------------------------------------------------------


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


# --- options and marked columns ---------------------------------------------------------------


def _facts(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, Any]:
    row = sql.run(cur, "insights_workspace_facts", workspace_id=workspace_id).iloc[0]
    last = row["last_touchpoint"]
    return {
        "has_events": bool(row["has_events"]),
        "has_flags": bool(row["has_flags"]),
        "last_touchpoint": None if last is None or last != last else str(last),
    }


def driver_columns(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> list[str]:
    df = sql.run(cur, "insights_driver_columns_get", workspace_id=workspace_id)
    return [str(c) for c in df["column_name"]] if len(df) else []


def candidate_columns(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> pd.DataFrame:
    """The extra columns of the workspace's answers that hold numbers (column_name, numbers,
    values)."""
    return sql.run(cur, "insights_extra_columns", workspace_id=workspace_id)


def mark_driver_columns(
    store: Store, access: Access, workspace_id: int, columns: list[str]
) -> None:
    """Replace the workspace's marked driver questions (one transaction; the data version moves
    on so cached results are recomputed; no rows change, so the write-time summaries stay valid).
    """
    from journeylens import summaries  # the writers' one refresh call

    require(access, "drivers.mark_columns")
    clean = sorted({str(c) for c in columns if str(c).strip()})
    with store.write(access, "drivers.mark_columns") as cur:
        summaries.refresh(cur, workspace_id, events_changed=False, responses_changed=False)
        sql.execute(cur, "insights_driver_columns_clear", workspace_id=workspace_id)
        if clean:
            sql.execute(
                cur, "insights_driver_columns_put", workspace_id=workspace_id, columns=clean
            )
        sql.execute(cur, "workspace_bump", workspace_id=workspace_id)


NUMERIC_SHARE = 0.8  # a column is a rating question when this share of its values are numbers


def numeric_columns(sample: pd.DataFrame | None, exclude: set[str] | None = None) -> list[str]:
    """The columns of an upload's sample (strings) whose non-blank values are mostly numbers
    (a decimal comma allowed): the candidates for driver questions on the mapping step."""
    if sample is None or sample.empty:
        return []
    out = []
    for col in sample.columns:
        if exclude and col in exclude:
            continue
        values = [str(v).strip() for v in sample[col].tolist() if v is not None and v == v]
        values = [v for v in values if v]
        if not values:
            continue
        numbers = pd.to_numeric(pd.Series([v.replace(",", ".") for v in values]), errors="coerce")
        if numbers.notna().mean() >= NUMERIC_SHARE:
            out.append(str(col))
    return out


def options(cur: duckdb.DuckDBPyConnection, ws: Workspace) -> Options:
    """Outcomes and drivers the workspace offers; the default outcome touchpoint is the overall
    NPS where the data has one, else the journey's last funnel step with NPS answers, else the
    touchpoint with the most NPS answers."""
    facts = _facts(cur, ws.workspace_id)
    scores = _scores(cur, ws, Filters())
    with_nps = scores[scores["n_nps"] > 0]
    named = with_nps[with_nps["touchpoint"].notna()]
    touchpoints = tuple(str(x) for x in named["touchpoint"])
    overall = bool((with_nps["touchpoint"].isna()).any())
    default: str | None = None
    if not overall and len(named):
        funnel = named[named["in_funnel"].astype(bool)]
        default = str(funnel["touchpoint"].iloc[-1]) if len(funnel) else None
        if default is None:
            default = str(named.sort_values("n_nps", ascending=False)["touchpoint"].iloc[0])
    return Options(
        nps_touchpoints=touchpoints,
        has_overall_nps=overall,
        default_touchpoint=default,
        has_events=facts["has_events"],
        last_touchpoint=facts["last_touchpoint"],
        columns=tuple(driver_columns(cur, ws.workspace_id)),
    )


def resolve(
    opts: Options, outcome: str = "nps", touchpoint: str | None = None, driver: str = "csat",
    **kwargs: Any,
) -> DriverSpec:  # fmt: skip
    """The spec for a user's choice: a missing touchpoint means the default; OVERALL means the
    overall NPS."""
    if outcome == "nps":
        if touchpoint in (None, ""):
            touchpoint = opts.default_touchpoint
        elif touchpoint == OVERALL:
            if not opts.has_overall_nps:
                raise DriverError("drivers.error.no_overall_nps")
            touchpoint = None
        elif touchpoint not in opts.nps_touchpoints:
            known = ", ".join(opts.nps_touchpoints) or "none"
            raise DriverError("drivers.error.no_touchpoint_nps", touchpoint=touchpoint, known=known)
    else:
        touchpoint = None
    return DriverSpec(outcome=outcome, outcome_touchpoint=touchpoint, driver=driver, **kwargs)


OVERALL = "__overall__"


# --- the analysis -----------------------------------------------------------------------------


def _scores(cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters) -> pd.DataFrame:
    return sql.run(
        cur,
        "insights_touchpoint_scores",
        **filters.params(ws.workspace_id),
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
    row = sql.run(cur, "insights_summary_fresh", workspace_id=workspace_id).iloc[0]
    events_unfiltered = not (
        filters.date_from or filters.date_to or filters.personas or filters.segments
    )
    # a stage filter only narrows the touchpoints, which customer_scores keeps apart
    scores_unfiltered = events_unfiltered and not filters.channels
    return {
        "use_scores": bool(row["scores"]) and scores_unfiltered,
        "use_events": bool(row["events"]) and events_unfiltered,
    }


def _dense(df: pd.DataFrame) -> tuple[list[str], np.ndarray]:
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


def _performance(
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


def _impact(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, last: str | None,
    use: dict[str, bool], flags: bool,
) -> dict[str, dict[str, Any]]:  # fmt: skip
    df = sql.run(
        cur,
        "insights_conversion_impact",
        **filters.params(ws.workspace_id),
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
            d, lo, hi = stats.proportion_difference(c_s, n_s, c_d, n_d)
            rec.update(difference=d, difference_low=lo, difference_high=hi)
        out[str(r["touchpoint"])] = rec
    return out


def _sample_per_mille(
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
            sql.run(cur, "insights_customer_count", workspace_id=ws.workspace_id).iloc[0, 0]
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
    return sql.run(
        cur,
        "insights_driver_sums",
        **filters.params(ws.workspace_id),
        outcome=spec.outcome,
        outcome_touchpoint=spec.outcome_touchpoint,
        driver=spec.driver,
        columns=columns,
        buckets=BUCKETS,
        last_touchpoint=facts["last_touchpoint"],
        use_scores=use["use_scores"] and spec.driver != "columns",  # extras are not summarised
        use_events=use["use_events"],
        sample_per_mille=sample,
    )


def run(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, spec: DriverSpec
) -> DriverResult:
    """The key-driver model of spec under filters, with the priority matrix and the impact on
    conversion (see the module doc)."""
    facts = _facts(cur, ws.workspace_id)
    columns = driver_columns(cur, ws.workspace_id) if spec.driver == "columns" else []
    result = DriverResult(spec=spec, has_events=facts["has_events"], min_n=ws.min_n)
    if spec.driver == "columns" and not columns:
        result.reason = "no_columns"
        return result
    if spec.outcome == "conversion" and not facts["has_events"]:
        result.reason = "no_events"
        return result
    use = summaries_usable(cur, ws.workspace_id, filters)
    scores = _scores(cur, ws, filters)
    result.sample = _sample_per_mille(spec, scores, cur, ws, use)
    long = driver_sums(cur, ws, filters, spec, facts, use, result.sample, columns)
    if long.empty:
        result.reason = "no_outcome"
        return result
    names, sums = _dense(long)
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
    perf = _performance(spec, ws, scores, names, totals).set_index("driver")
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
        _impact(cur, ws, filters, facts["last_touchpoint"], use, facts["has_flags"])
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


# --- JSON ---------------------------------------------------------------------------------------


def _num(value: Any, digits: int = 4) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if not math.isfinite(f) else round(f, digits)


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
