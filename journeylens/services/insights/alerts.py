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
conversions from one aggregate query per period; the tests run on those few rows
(journeylens/services/insights/alert_cells.py), over the periods of journeylens/services/insights/periods.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from journeylens.domain import metrics, significance
from journeylens.domain.errors import JourneyLensError
from journeylens.domain.filters import Filters
from journeylens.domain.metrics import json_number as _num
from journeylens.services.dashboards.sources import cube_is_fresh
from journeylens.services.insights.alert_cells import cell_value, testable_cells
from journeylens.services.insights.periods import (
    baseline_start,
    label,
    last_complete,
    period_end,
    period_start,
    shift,
)
from journeylens.storage import queries
from journeylens.storage.store import Workspace

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
    unfiltered = not (
        filters.personas or filters.segments or filters.channels or filters.stages or filters.extras
    )
    use_cohorts = unfiltered and grain == "month" and bool(
        queries.insights_cohorts_fresh(cur, workspace_id=ws.workspace_id, steps=steps, window_seconds=window, period_from=start).iloc[0]["fresh"]
    )  # fmt: skip
    return queries.insights_alert_conversion(
        cur,
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
    # the facets keep no extra columns: a view filtered on one (or a persona ruled by one) reads
    # the rows for its first and last days
    facets = not filters.reads_extras() and bool(
        queries.dash_summary_fresh(cur, workspace_id=ws.workspace_id).iloc[0]["facets"]
    )
    dates = queries.insights_alert_dates(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
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
    span = replace(
        filters,
        date_from=max(history, filters.date_from) if filters.date_from else history,
        date_to=result.current[1],
    )
    scores = queries.insights_alert_scores(
        cur, filters=span, workspace_id=ws.workspace_id, use_cube=use_cube, grain=grain
    )
    steps_df = queries.insights_funnel_steps(cur, workspace_id=ws.workspace_id)
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
    defs = queries.insights_touchpoint_scores(cur, filters=Filters(), workspace_id=ws.workspace_id, use_cube=use_cube)  # fmt: skip
    targets = {
        str(r["touchpoint"]): float(r["target_csat"])
        for r in defs.to_dict("records")
        if r["touchpoint"] is not None and r["target_csat"] is not None
        and r["target_csat"] == r["target_csat"]
    }  # fmt: skip
    cells = testable_cells(scores, conv, targets, current, base, ws.min_n, ws.ces_high_is_easy)
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
            value, low, high, n = cell_value(r, metric)
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
