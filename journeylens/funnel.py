"""The conversion funnel: ordered touchpoint steps, counted per customer, computed in DuckDB.

Semantics (those of Amplitude / Mixpanel / PostHog / ClickHouse ``windowFunnel``):

* **Events considered**: the customer's events that pass the global filters
  (``filtered_events``), ordered by ``(ts, dataset_id, src_row)``; that tiebreak makes every
  result deterministic.
* **Reaching step k**: there are distinct events e1..ek with the touchpoints of steps 1..k,
  ``ts(e1) <= ts(e2) <= … <= ts(ek)`` (equal timestamps allowed, in any file order) and
  ``ts(ek) <= ts(e1) + window`` (the boundary is inclusive). One event fills one step, so the
  funnel A → B → A needs a second A event at or after the B.
* **One chain per customer**: every step-1 event can start a chain, built greedily (each step
  takes the earliest unused event that qualifies, which also yields the deepest chain from that
  start). The customer's chain is the deepest one; among equally deep ones the earliest start.
  Events before the first step-1 event play no part; repeated attempts of a step count once.
* **Counts** are cumulative: count(k) = customers whose chain reaches at least step k.
  drop-off(k) = count(k-1) - count(k); conversion_from_first = count(k) / count(1);
  conversion_from_previous = count(k) / count(k-1) (None when the denominator is 0).
* **Time to convert**: median and mean seconds from the chain's step k-1 event to its step k
  event, over the customers reaching step k.
* **Strict order** (optional): the step-k event must be the very next event of the customer, in
  ``(ts, dataset_id, src_row)`` order, after the step-(k-1) event: any other event in between,
  of any touchpoint that passes the filters, breaks the chain. Here equal timestamps follow
  the tiebreak order.
* **Exclusions** (optional) ``Exclusion(X, i, j)``: a customer whose chosen chain reaches step j
  and who has an event X strictly between the chain's step-i and step-j timestamps is removed
  from the whole funnel (every step, every breakdown, the drop-off lists). X may not be one of the
  steps i..j itself. The chain is chosen first, then the exclusion is checked (no search for
  another chain that avoids X).
* **Breakdown**: the group is the persona / segment / channel of the chain's step-1 event.

The SQL is in queries/funnel_macros.sql (the ``funnel_chains`` / ``funnel_chain_starts`` table
macros, created here as TEMP macros on the cursor) and queries/funnel_*.sql. When the steps are
distinct touchpoints in loose order (the common case) the chains come from a fast path: one ASOF
join per step on the timestamp itself. Nothing in this module loops over customers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from journeylens import chains, sql
from journeylens.filters import Filters
from journeylens.i18n import t

MIN_STEPS, MAX_STEPS = 2, 10
DEFAULT_WINDOW_SECONDS = 14 * 86400
MAX_WINDOW_DAYS = 3660
BREAKDOWN_BY = ("persona", "segment", "channel")
MAX_GROUPS = 20
ROWS_PER_PART = 8_000_000  # step events per read of the compiled funnel path

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_WINDOW = re.compile(r"^\s*(\d+)\s*([smhdw]?)\s*$", re.IGNORECASE)

STEP_COLUMNS = (
    "step",
    "touchpoint",
    "count",
    "conversion_from_first",
    "conversion_from_previous",
    "dropoff",
    "median_seconds_from_previous",
    "mean_seconds_from_previous",
)
JSON_FIELDS = (
    "step",
    "touchpoint",
    "count",
    "conversion_from_first",
    "conversion_from_previous",
    "median_seconds_from_previous",
    "mean_seconds_from_previous",
)


class FunnelError(ValueError):
    """Bad funnel input. ``key`` and ``kwargs`` give the message in any UI language via t()."""

    def __init__(self, key: str, **kwargs: Any) -> None:
        self.key, self.kwargs = key, kwargs
        super().__init__(t(key, "en", **kwargs))

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.kwargs)


# --- window -------------------------------------------------------------------------------------


def parse_window(text: str | int) -> int:
    """'30s', '15m', '2h', '14d', '2w' or a bare number of days -> seconds (positive, <= 10 y)."""
    match = _WINDOW.match(str(text))
    seconds = int(match.group(1)) * _UNITS[(match.group(2) or "d").lower()] if match else 0
    if not 0 < seconds <= MAX_WINDOW_DAYS * 86400:
        raise FunnelError("funnel.error.window", text=str(text), max_days=MAX_WINDOW_DAYS)
    return seconds


def format_window(seconds: int) -> str:
    """The shortest exact form parse_window reads back: 1209600 -> '14d', 5400 -> '90m'."""
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"


# --- spec ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exclusion:
    """Customers with a `touchpoint` event between the steps from_step and to_step (1-based)."""

    touchpoint: str
    from_step: int
    to_step: int


def parse_exclusion(text: str) -> Exclusion:
    """'Call centre:1:2' -> Exclusion('Call centre', 1, 2); the touchpoint may contain ':'."""
    parts = str(text).rsplit(":", 2)
    if len(parts) != 3 or not parts[0].strip():
        raise FunnelError("funnel.error.exclusion_format", text=str(text))
    try:
        return Exclusion(parts[0].strip(), int(parts[1]), int(parts[2]))
    except ValueError:
        raise FunnelError("funnel.error.exclusion_format", text=str(text)) from None


@dataclass(frozen=True)
class FunnelSpec:
    steps: tuple[str, ...]
    window_seconds: int = DEFAULT_WINDOW_SECONDS
    strict: bool = False
    exclusions: tuple[Exclusion, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "exclusions", tuple(self.exclusions))
        n = len(self.steps)
        if not MIN_STEPS <= n <= MAX_STEPS:
            raise FunnelError("funnel.error.step_count", n=n)
        for i, step in enumerate(self.steps, start=1):
            if not isinstance(step, str) or not step.strip():
                raise FunnelError("funnel.error.blank_step", step=i)
        window = self.window_seconds
        if not isinstance(window, int) or not 0 < window <= MAX_WINDOW_DAYS * 86400:
            raise FunnelError(
                "funnel.error.window", text=str(self.window_seconds), max_days=MAX_WINDOW_DAYS
            )
        for ex in self.exclusions:
            if not 1 <= ex.from_step < ex.to_step <= n:
                raise FunnelError(
                    "funnel.error.exclusion_range",
                    touchpoint=ex.touchpoint,
                    from_step=ex.from_step,
                    to_step=ex.to_step,
                    n=n,
                )
            if ex.touchpoint in self.steps[ex.from_step - 1 : ex.to_step]:
                raise FunnelError(
                    "funnel.error.exclusion_is_step",
                    touchpoint=ex.touchpoint,
                    from_step=ex.from_step,
                    to_step=ex.to_step,
                )

    @property
    def compiled_path(self) -> bool:
        """Loose order, distinct steps, no exclusions: journeylens/chains.py can build the chains."""
        return not self.strict and not self.exclusions and len(set(self.steps)) == len(self.steps)

    def params(self) -> dict[str, Any]:
        return {
            "steps": list(self.steps),
            "window_seconds": self.window_seconds,
            "strict": self.strict,
            "ex_touchpoints": [ex.touchpoint for ex in self.exclusions],
            "ex_from": [ex.from_step for ex in self.exclusions],
            "ex_to": [ex.to_step for ex in self.exclusions],
        }


# --- queries ------------------------------------------------------------------------------------


def _ensure_macro(cur: duckdb.DuckDBPyConnection) -> None:
    """Create the funnel TEMP macros on this cursor once (temp: works read-only too)."""
    found = cur.execute(
        "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'funnel_chain_starts'"
    ).fetchall()
    if not found[0][0]:
        sql.script(cur, "funnel_macros")


def _query(cur: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> pd.DataFrame:
    # execute() binds the (large) funnel macros once; a relation (sql.run) binds them twice,
    # ~25 ms per funnel query. The results are a few rows, so .df() is fine.
    query = sql.load(name)
    return cur.execute(query.text, query.bind(params)).df()


def _run(cur: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    try:  # the macros usually exist already: skip the catalogue query (~15 ms) on every run
        return _query(cur, name, params)
    except duckdb.CatalogException:
        sql.script(cur, "funnel_macros")
        return _query(cur, name, params)


def _params(workspace_id: int, filters: Filters, spec: FunnelSpec) -> dict[str, Any]:
    return filters.params(workspace_id) | spec.params()


def _finish(df: pd.DataFrame) -> pd.DataFrame:
    """Add conversions and drop-off to per-step counts (one funnel, rows in step order)."""
    counts = [int(c) for c in df["count"]]
    first = counts[0] if counts else 0
    df = df.copy()
    df["count"] = counts
    df["conversion_from_first"] = [c / first if first else None for c in counts]
    df["conversion_from_previous"] = [
        1.0 if i == 0 and c else (c / counts[i - 1] if i and counts[i - 1] else None)
        for i, c in enumerate(counts)
    ]
    df["dropoff"] = [0] + [counts[i - 1] - counts[i] for i in range(1, len(counts))]
    for col in ("median_seconds_from_previous", "mean_seconds_from_previous"):
        df[col] = [_num(v) for v in df[col]]
    return df


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Integers as int64, touchpoints as str, the nullable numbers as objects holding None."""
    df = df.copy()
    for col in ("step", "count", "dropoff"):
        df[col] = df[col].astype("int64")
    for col in (
        "conversion_from_first",
        "conversion_from_previous",
        "median_seconds_from_previous",
        "mean_seconds_from_previous",
    ):
        df[col] = pd.Series([_num(v) for v in df[col]], index=df.index, dtype=object)
    return df


def _num(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def run(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    """One row per step: STEP_COLUMNS. Conversions are fractions (0..1); times None for step 1."""
    df = None
    if filters == Filters() and not spec.strict and not spec.exclusions:
        stored = sql.run(
            cur,
            "funnel_default_get",
            workspace_id=workspace_id,
            steps=list(spec.steps),
            window_seconds=spec.window_seconds,
        )
        df = stored if len(stored) == len(spec.steps) else None
    if df is None:
        df = _compute(cur, workspace_id, filters, spec)
    df = _finish(df.sort_values("step").reset_index(drop=True))
    return _tidy(df[list(STEP_COLUMNS)])


def _compute(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    if spec.compiled_path and chains.available():
        return _run_compiled(cur, workspace_id, filters, spec)
    return _run(cur, "funnel_steps", **_params(workspace_id, filters, spec))


def _step_rows(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> int:
    """At most how many step events the view holds: from the load-time facets when they are
    current (no scan), else counted."""
    fresh = sql.run(cur, "dash_summary_fresh", workspace_id=workspace_id).iloc[0]
    if bool(fresh["facets"]):
        found = sql.run(
            cur,
            "funnel_rows_estimate",
            workspace_id=workspace_id,
            steps=list(spec.steps),
            personas=list(filters.personas),
            segments=list(filters.segments),
        ).iloc[0, 0]
        if found is not None and found == found:
            return int(found)
    found = sql.run(cur, "funnel_rows_count", workspace_id=workspace_id, steps=list(spec.steps))
    return int(found.iloc[0, 0])


def refresh_default(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    *,
    events_changed: bool,
    window_seconds: int | None = None,
) -> None:
    """Keep the unfiltered default funnel (the overview's) with the write-time summaries, in the
    writer's transaction before its workspace_bump (called by journeylens/summaries.py).

    Why: at 50M events the 10-step default funnel takes about 5 s even on the compiled path, and
    the overview should open in under a second. It is recomputed when the events changed, or when
    the journey definition or the workspace's window changed which steps or window it is for."""
    if window_seconds is None:
        found = sql.run(cur, "funnel_workspace_window", workspace_id=workspace_id)
        window_seconds = int(found.iloc[0, 0]) if len(found) else DEFAULT_WINDOW_SECONDS
    steps = default_steps(cur, workspace_id)
    key = sql.run(cur, "funnel_default_key", workspace_id=workspace_id).iloc[0]
    same = (
        key["steps"] is not None
        and list(key["steps"]) == steps
        and key["window_seconds"] == window_seconds
    )
    if same and not events_changed:
        return
    cols: dict[str, list[Any]] = {
        "step": [], "touchpoint": [], "count": [], "median": [], "mean": []
    }  # fmt: skip
    if len(steps) >= MIN_STEPS:
        spec = FunnelSpec(tuple(steps), window_seconds=window_seconds)
        df = _compute(cur, workspace_id, Filters(), spec).sort_values("step")
        cols["step"] = [int(x) for x in df["step"]]
        cols["touchpoint"] = [str(x) for x in df["touchpoint"]]
        cols["count"] = [int(x) for x in df["count"]]
        cols["median"] = [_num(x) for x in df["median_seconds_from_previous"]]
        cols["mean"] = [_num(x) for x in df["mean_seconds_from_previous"]]
    sql.execute(
        cur,
        "funnel_default_put",
        workspace_id=workspace_id,
        steps=steps,
        window_seconds=window_seconds,
        **cols,
    )


def _run_compiled(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    """The same per-step table as queries/funnel_steps.sql, from one sorted read of the step
    events and journeylens/chains.py (5.5x faster than the ASOF joins at 50M events)."""
    params = filters.params(workspace_id) | {"steps": list(spec.steps)}
    parts = max(1, math.ceil(_step_rows(cur, workspace_id, filters, spec) / ROWS_PER_PART))
    query = sql.load("funnel_rows")
    n = len(spec.steps)
    depths, times_ = [], []
    for part in range(parts):  # the parts hold disjoint sets of customers
        bound = query.bind(params | {"parts": parts, "part": part})
        rows = cur.execute(query.text, bound).fetchnumpy()
        d, t_ = chains.build(
            rows["customer"], rows["t"], rows["step"], n, spec.window_seconds * 1_000_000
        )
        del rows
        depths.append(d)
        times_.append(t_)
    depth, times = np.concatenate(depths), np.concatenate(times_)
    summary = chains.summarise(depth, times, n)
    return pd.DataFrame(
        {
            "step": [r["step"] for r in summary],
            "touchpoint": list(spec.steps),
            "count": [r["count"] for r in summary],
            "median_seconds_from_previous": [r["median"] for r in summary],
            "mean_seconds_from_previous": [r["mean"] for r in summary],
        }
    )


def run_breakdown(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    by: str,
    *,
    max_groups: int = MAX_GROUPS,
    lang: str = "en",
) -> pd.DataFrame:
    """The funnel per group of the customers' step-1 persona / segment / channel.

    Columns: group (the value; "(not set)" for none, "Other" for the merged tail, both in
    `lang`), is_other, then STEP_COLUMNS. At most `max_groups` groups, largest step-1 count first.
    """
    if by not in BREAKDOWN_BY:
        raise FunnelError("funnel.error.breakdown_by", by=by)
    params = _params(workspace_id, filters, spec) | {"by": by, "max_groups": max(2, max_groups)}
    raw = _run(cur, "funnel_breakdown", **params)
    parts = []
    for (_, is_other), part in raw.groupby(
        [raw["group"].fillna("\x00"), "is_other"], sort=False, dropna=False
    ):
        part = _finish(part.sort_values("step").reset_index(drop=True))
        value = part["group"].iloc[0]
        if is_other:
            label = t("funnel.other", lang)
        elif value is None or (isinstance(value, float) and math.isnan(value)):
            label = t("funnel.not_set", lang)
        else:
            label = str(value)
        part["group"] = label
        part["is_other"] = bool(is_other)
        parts.append(part)
    columns = ["group", "is_other", *STEP_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    return _tidy(pd.concat(parts, ignore_index=True)[columns])


def dropped(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    step: int,
    limit: int = 1000,
    mask_pii: bool = False,
) -> pd.DataFrame:
    """Customers whose chain reached step-1 but not `step`, latest first, at most `limit`.

    Columns: customer_id, reached_at (their step-1 event's time), last_touchpoint / last_ts (their
    last filtered event from that event to the end of the window), comments (their non-empty survey
    comments, oldest first, joined by " | "), latest_comment, n_comments. The number of all such
    customers is in ``df.attrs["total"]``.
    """
    n = len(spec.steps)
    if not 2 <= step <= n:
        raise FunnelError("funnel.error.dropped_step", step=step, n=n)
    params = _params(workspace_id, filters, spec) | {
        "step": step,
        "limit": max(0, int(limit)),
        "mask_pii": bool(mask_pii),
    }
    df = _run(cur, "funnel_dropped", **params)
    total = int(df["total_dropped"].iloc[0]) if len(df) else 0
    if total == 0 and limit == 0:
        total = _dropped_count(cur, workspace_id, filters, spec, step)
    df = df.drop(columns=["total_dropped"]).reset_index(drop=True)
    df["n_comments"] = df["n_comments"].astype(int)
    for col in ("last_touchpoint", "comments", "latest_comment"):
        df[col] = pd.Series([None if pd.isna(v) else v for v in df[col]], dtype=object)
    df.attrs["total"] = total
    return df


def _dropped_count(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    step: int,
) -> int:
    steps = run(cur, workspace_id, filters, spec)
    return int(steps["dropoff"].iloc[step - 1])


def default_steps(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> list[str]:
    """The journey's touchpoints in journey order (stage, then step), at most 10."""
    df = sql.run(cur, "funnel_default_steps", workspace_id=workspace_id)
    return [str(x) for x in df["touchpoint"]] if len(df) else []


def to_json_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The CLI's JSON rows: JSON_FIELDS only; fractions to 4 decimals, seconds to 0.1 s."""
    records = []
    for row in df.to_dict("records"):
        rec: dict[str, Any] = {}
        for field in JSON_FIELDS:
            value = row.get(field)
            if field in ("step", "count"):
                rec[field] = int(value)
            elif field == "touchpoint":
                rec[field] = str(value)
            else:
                number = _num(value)
                digits = 4 if field.startswith("conversion") else 1
                rec[field] = None if number is None else round(number, digits)
        records.append(rec)
    return records
