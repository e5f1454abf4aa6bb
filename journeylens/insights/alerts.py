"""Alerts: what changed significantly at a touchpoint, and which touchpoint fell below target.

For every touchpoint × metric (NPS, CSAT %, CES, conversion to the next funnel step) the last
complete period (week or month) is compared with the one before it, or with the same period a
year earlier when the data reaches back that far:

- the last complete period is the latest one whose last day the view's data reaches (data that
  ends on 20 October makes September the last complete month);
- a cell is tested only with at least the workspace's minimum n on both sides;
- NPS: z test of the difference with the per-answer variance p + d − (p − d)² (pooled); CSAT %
  and conversion: two-proportion z test (pooled); CES: Welch's test of the means;
- conversion to the next step: a two-step funnel per period cohort (queries/
  insights_alert_conversion.sql), counting only the events whose window has fully passed before
  the view's last event, so a half-observed last period does not look like a drop;
- below target: the CSAT % was at or above the touchpoint's target in the previous period and is
  below it now, tested one-sided against the target;
- Benjamini–Hochberg across every tested cell at q = 0.05: an alert is a cell with q <= 0.05.
  Nothing else is shown: no alert on noise.

Aggregates only: the scores come from the response cube (insights_alert_scores.sql), the
conversions from one aggregate query per period; the tests run on those few rows.
"""

from __future__ import annotations

import math
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import duckdb
import pandas as pd

from journeylens import metrics, sql
from journeylens.dashboards.sources import cube_is_fresh
from journeylens.errors import JourneyLensError
from journeylens.filters import Filters
from journeylens.insights import significance
from journeylens.store import Workspace

GRAINS = ("month", "week")
COMPARE = ("previous", "year")
ALERT_METRICS = ("nps", "csat", "ces", "conversion")
Q = 0.05
SERIES = {"month": 12, "week": 25}  # periods of history drawn before the current one


class AlertError(JourneyLensError, ValueError):
    """An alert request the analysis cannot answer (unknown period or comparison)."""

    hint_key = "error.hint.settings"


@dataclass(frozen=True)
class AlertSpec:
    period: str = "month"
    compare: str = "previous"
    q: float = Q

    def __post_init__(self) -> None:
        if self.period not in GRAINS:
            raise AlertError("alerts.error.period", known=", ".join(GRAINS), got=self.period)
        if self.compare not in COMPARE:
            raise AlertError("alerts.error.compare", known=", ".join(COMPARE), got=self.compare)


@dataclass
class AlertResult:
    spec: AlertSpec
    current: tuple[date, date] | None = None
    baseline: tuple[date, date] | None = None
    compare_used: str | None = None  # 'year' falls back to 'previous' without a year of data
    alerts: pd.DataFrame = field(default_factory=pd.DataFrame)
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)  # every tested cell
    series: pd.DataFrame = field(default_factory=pd.DataFrame)  # trend of each alerted cell
    reason: str | None = None  # 'no_data' | 'no_complete_period' | 'no_baseline'

    @property
    def count(self) -> int:
        return len(self.alerts)


# --- periods ----------------------------------------------------------------------------------


def period_start(d: date, grain: str) -> date:
    return d.replace(day=1) if grain == "month" else d - timedelta(days=d.weekday())


def period_end(start: date, grain: str) -> date:
    if grain == "month":
        return start.replace(day=monthrange(start.year, start.month)[1])
    return start + timedelta(days=6)


def shift(start: date, grain: str, n: int) -> date:
    """The period n periods after (n < 0: before) the one starting on start."""
    if grain == "week":
        return start + timedelta(days=7 * n)
    y, m = divmod(start.year * 12 + start.month - 1 + n, 12)
    return date(y, m + 1, 1)


def last_complete(last_day: date, grain: str) -> date:
    """The start of the latest period whose last day the data reaches."""
    start = period_start(last_day, grain)
    return start if period_end(start, grain) <= last_day else shift(start, grain, -1)


def baseline_start(current: date, grain: str, compare: str) -> date:
    if compare == "previous":
        return shift(current, grain, -1)
    return shift(current, grain, -12 if grain == "month" else -52)


def label(start: date, grain: str) -> str:
    """2026-10 for a month, 2026-W43 (ISO week) for a week."""
    if grain == "month":
        return f"{start.year:04d}-{start.month:02d}"
    iso = start.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


# --- the tests of one cell --------------------------------------------------------------------


def _value(
    row: dict[str, Any], metric: str
) -> tuple[float | None, float | None, float | None, int]:
    """(value, low, high, n) of a period's counts in display units (NPS points, %, mean)."""
    if metric == "nps":
        n = int(row.get("n_nps") or 0)
        p, pa, d = (float(row.get(c) or 0) for c in ("promoters", "passives", "detractors"))
        ci = metrics.nps_ci95(p, pa, d)
        return metrics.nps(p, pa, d), ci[0] if ci else None, ci[1] if ci else None, n
    if metric == "csat":
        n = int(row.get("n_csat") or 0)
        x = float(row.get("csat_top2") or 0)
        ci = metrics.share_ci95(x, n)
        return (100 * x / n if n else None), ci[0] if ci else None, ci[1] if ci else None, n
    if metric == "ces":
        n = int(row.get("n_ces") or 0)
        s, ss = float(row.get("ces_sum") or 0), float(row.get("ces_sumsq") or 0)
        ci = metrics.mean_ci95(s, ss, n)
        return (s / n if n else None), ci[0] if ci else None, ci[1] if ci else None, n
    n = int(row.get("n") or 0)
    x = float(row.get("converted") or 0)
    ci = metrics.share_ci95(x, n)
    return (100 * x / n if n else None), ci[0] if ci else None, ci[1] if ci else None, n


def change_test(metric: str, now: dict[str, Any], before: dict[str, Any]) -> significance.Test:
    """The test of a change in metric between two periods' counts (values in display units)."""
    if metric == "nps":
        t = significance.nps_test(
            now["promoters"], now["detractors"], now["n_nps"],
            before["promoters"], before["detractors"], before["n_nps"],
        )  # fmt: skip
        scale = 100.0
    elif metric == "csat":
        t = significance.proportion_test(
            now["csat_top2"], now["n_csat"], before["csat_top2"], before["n_csat"]
        )
        scale = 100.0
    elif metric == "ces":
        t = significance.mean_test(
            now["ces_sum"], now["ces_sumsq"], now["n_ces"],
            before["ces_sum"], before["ces_sumsq"], before["n_ces"],
        )  # fmt: skip
        scale = 1.0
    else:
        t = significance.proportion_test(
            now["converted"], now["n"], before["converted"], before["n"]
        )
        scale = 100.0
    return significance.Test(
        t.current * scale, t.previous * scale, t.change * scale, t.z, t.p_value
    )


_N_COL = {"nps": "n_nps", "csat": "n_csat", "ces": "n_ces", "conversion": "n"}


def _cells(
    scores: pd.DataFrame,
    conversion: pd.DataFrame,
    targets: dict[str, float],
    current: date,
    base: date,
    min_n: int,
    ces_high_is_easy: bool,
) -> list[dict[str, Any]]:
    """Every testable cell of the two periods, with its test."""
    out: list[dict[str, Any]] = []
    frames = {"scores": scores, "conversion": conversion}
    for source, df in frames.items():
        if df.empty:
            continue
        periods = pd.to_datetime(df["period"]).dt.date
        now_rows = {r["touchpoint"]: r for r in df[periods == current].to_dict("records")}
        old_rows = {r["touchpoint"]: r for r in df[periods == base].to_dict("records")}
        names = ("nps", "csat", "ces") if source == "scores" else ("conversion",)
        for tp, now in now_rows.items():
            before = old_rows.get(tp)
            if before is None:
                continue
            for metric in names:
                n1, n0 = int(now[_N_COL[metric]] or 0), int(before[_N_COL[metric]] or 0)
                if not (metrics.reliable(n1, min_n) and metrics.reliable(n0, min_n)):
                    continue
                t = change_test(metric, now, before)
                worse = t.change < 0 if metric != "ces" or ces_high_is_easy else t.change > 0
                out.append(
                    {
                        "touchpoint": str(tp),
                        "metric": metric,
                        "kind": "change",
                        "previous": t.previous,
                        "current": t.current,
                        "change": t.change,
                        "n_previous": n0,
                        "n_current": n1,
                        "p_value": t.p_value,
                        "target": None,
                        "direction": "worse" if worse else "better",
                        "next_touchpoint": now.get("next_touchpoint"),
                    }
                )
            target = targets.get(str(tp))
            if source == "scores" and target is not None:
                n1, n0 = int(now["n_csat"] or 0), int(before["n_csat"] or 0)
                if not (metrics.reliable(n1, min_n) and metrics.reliable(n0, min_n)):
                    continue
                before_pct = 100 * before["csat_top2"] / n0
                now_pct = 100 * now["csat_top2"] / n1
                if before_pct >= target and now_pct < target:
                    t = significance.below_target_test(now["csat_top2"], n1, target / 100.0)
                    out.append(
                        {
                            "touchpoint": str(tp),
                            "metric": "csat",
                            "kind": "below_target",
                            "previous": before_pct,
                            "current": now_pct,
                            "change": now_pct - before_pct,
                            "n_previous": n0,
                            "n_current": n1,
                            "p_value": t.p_value,
                            "target": float(target),
                            "direction": "worse",
                            "next_touchpoint": None,
                        }
                    )
    return out


# --- queries ----------------------------------------------------------------------------------


def _as_date(value: Any) -> date | None:
    if value is None or value is pd.NaT:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return pd.Timestamp(value).date()


def _conversion(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, steps: list[str],
    grain: str, start: date, end: date, data_end: Any, only: list[str] | None = None,
) -> pd.DataFrame:  # fmt: skip
    if len(steps) < 2 or data_end is None:
        return pd.DataFrame()
    params = filters.params(ws.workspace_id)
    for key in ("date_from", "date_to"):
        params.pop(key)
    window = int(ws.conversion_window_seconds)
    # the monthly cohorts kept at write time serve the view without a persona / segment /
    # channel / stage filter (the date filter does not apply to conversion cohorts)
    unfiltered = not (filters.personas or filters.segments or filters.channels or filters.stages)
    use_cohorts = unfiltered and grain == "month" and bool(
        sql.run(
            cur, "insights_cohorts_fresh", workspace_id=ws.workspace_id, steps=steps,
            window_seconds=window, period_from=start,
        ).iloc[0]["fresh"]
    )  # fmt: skip
    return sql.run(
        cur,
        "insights_alert_conversion",
        **params,
        use_cohorts=use_cohorts,
        steps=steps,
        only=list(only or []),
        grain=grain,
        period_from=start,
        period_to=end,
        window_seconds=window,
        data_end=pd.Timestamp(data_end).to_pydatetime(),
    )


def run(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, spec: AlertSpec
) -> AlertResult:
    """The significant changes of the last complete period under filters (see the module doc)."""
    grain = spec.period
    result = AlertResult(spec=spec)
    use_cube = cube_is_fresh(cur, ws.workspace_id)
    params = filters.params(ws.workspace_id)
    facets = bool(
        sql.run(cur, "dash_summary_fresh", workspace_id=ws.workspace_id).iloc[0]["facets"]
    )
    dates = sql.run(
        cur,
        "insights_alert_dates",
        **params,
        use_cube=use_cube,
        use_facets=facets,
    ).iloc[0]
    last_answer, last_event = _as_date(dates["last_answer_day"]), dates["last_event"]
    last_event = None if _as_date(last_event) is None else last_event
    data_end = None if _as_date(dates["data_end"]) is None else dates["data_end"]
    firsts = [d for d in (_as_date(dates["first_answer_day"]), _as_date(dates["first_event"])) if d]
    lasts = [d for d in (last_answer, _as_date(last_event)) if d]
    if not lasts:
        result.reason = "no_data"
        return result
    current = last_complete(max(lasts), grain)
    first = min(firsts)
    if filters.date_from and filters.date_from > first:
        first = filters.date_from
    compare = spec.compare
    base = baseline_start(current, grain, compare)
    if compare == "year" and base < period_start(first, grain):
        compare, base = "previous", baseline_start(current, grain, "previous")
    if current < period_start(first, grain):
        result.reason = "no_complete_period"
        return result
    if base < period_start(first, grain):
        result.reason = "no_baseline"
        return result
    result.current = (current, period_end(current, grain))
    result.baseline = (base, period_end(base, grain))
    result.compare_used = compare

    history = min(base, shift(current, grain, -SERIES[grain]))
    span = Filters(
        date_from=max(history, filters.date_from) if filters.date_from else history,
        date_to=result.current[1],
        personas=filters.personas,
        segments=filters.segments,
        channels=filters.channels,
        stages=filters.stages,
    )
    scores = sql.run(
        cur,
        "insights_alert_scores",
        **span.params(ws.workspace_id),
        use_cube=use_cube,
        grain=grain,
    )
    steps_df = sql.run(cur, "insights_funnel_steps", workspace_id=ws.workspace_id)
    steps = [str(s) for s in steps_df["touchpoint"]] if len(steps_df) else []
    spans = (
        [(base, result.current[1])]  # adjacent periods: one pass
        if compare == "previous"
        else [result.baseline, result.current]
    )
    conv = pd.concat(
        [_conversion(cur, ws, filters, steps, grain, s, e, data_end) for s, e in spans],
        ignore_index=True,
    )
    defs = sql.run(cur, "insights_touchpoint_scores", **Filters().params(ws.workspace_id),
                   use_cube=use_cube)  # fmt: skip
    targets = {
        str(r["touchpoint"]): float(r["target_csat"])
        for r in defs.to_dict("records")
        if r["touchpoint"] is not None and r["target_csat"] is not None
        and r["target_csat"] == r["target_csat"]
    }  # fmt: skip
    cells = _cells(scores, conv, targets, current, base, ws.min_n, ws.ces_high_is_easy)
    frame = pd.DataFrame(
        cells,
        columns=["touchpoint", "metric", "kind", "previous", "current", "change", "n_previous",
                 "n_current", "p_value", "target", "direction", "next_touchpoint"],
    )  # fmt: skip
    if len(frame):
        reject, qv = significance.benjamini_hochberg(frame["p_value"].to_numpy(dtype=float), spec.q)
        frame["q_value"] = qv
        frame["significant"] = reject
    else:
        frame["q_value"] = pd.Series(dtype=float)
        frame["significant"] = pd.Series(dtype=bool)
    frame["period"] = label(current, grain)
    frame["baseline_period"] = label(base, grain)
    result.cells = frame
    alerts = frame[frame["significant"]].copy()
    order = {"below_target": 0, "change": 1}
    alerts["_kind"] = alerts["kind"].map(order)
    alerts = alerts.sort_values(["_kind", "q_value", "touchpoint", "metric"], kind="stable")
    result.alerts = alerts.drop(columns="_kind").reset_index(drop=True)
    result.series = _series(cur, ws, filters, result, scores, steps, data_end, targets)
    return result


def _series(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, result: AlertResult,
    scores: pd.DataFrame, steps: list[str], last_event: Any, targets: dict[str, float],
) -> pd.DataFrame:  # fmt: skip
    """Per alerted (touchpoint, metric): value, interval and n per period, for the trend chart."""
    cols = ["touchpoint", "metric", "period", "value", "low", "high", "n", "reliable", "role",
            "target"]  # fmt: skip
    if result.alerts.empty or result.current is None or result.baseline is None:
        return pd.DataFrame(columns=cols)
    grain = result.spec.period
    wanted = {(a["touchpoint"], a["metric"]) for a in result.alerts.to_dict("records")}
    conv_tps = sorted({tp for tp, m in wanted if m == "conversion"})
    conv = pd.DataFrame()
    if conv_tps:
        start = min(result.baseline[0], shift(result.current[0], grain, -SERIES[grain]))
        conv = _conversion(
            cur, ws, filters, steps, grain, start, result.current[1], last_event, conv_tps
        )
    roles = {result.current[0]: "current", result.baseline[0]: "baseline"}
    rows = []
    for tp, metric in sorted(wanted):
        df = conv if metric == "conversion" else scores
        if df.empty:
            continue
        for r in df[df["touchpoint"] == tp].to_dict("records"):
            value, low, high, n = _value(r, metric)
            if n == 0:
                continue
            period = _as_date(r["period"])
            rows.append(
                {
                    "touchpoint": tp,
                    "metric": metric,
                    "period": pd.Timestamp(period),
                    "value": value,
                    "low": low,
                    "high": high,
                    "n": n,
                    "reliable": metrics.reliable(n, ws.min_n),
                    "role": roles.get(period, ""),
                    "target": targets.get(tp) if metric == "csat" else None,
                }
            )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["touchpoint", "metric", "period"], kind="stable").reset_index(drop=True)


# --- JSON ---------------------------------------------------------------------------------------


def _num(value: Any, digits: int = 4) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if not math.isfinite(f) else round(f, digits)


def to_json(result: AlertResult) -> list[dict[str, Any]]:
    """The CLI's `alerts --json` list: one object per significant change or fall below target."""
    out = []
    for a in result.alerts.to_dict("records"):
        out.append(
            {
                "touchpoint": a["touchpoint"],
                "metric": a["metric"],
                "period": a["period"],
                "previous": _num(a["previous"]),
                "current": _num(a["current"]),
                "change": _num(a["change"]),
                "n_previous": int(a["n_previous"]),
                "n_current": int(a["n_current"]),
                "p_value": _num(a["p_value"], 8),
                "q_value": _num(a["q_value"], 8),
                "kind": a["kind"],
                "baseline_period": a["baseline_period"],
                "target": _num(a["target"]),
                "direction": a["direction"],
            }
        )
    return out
