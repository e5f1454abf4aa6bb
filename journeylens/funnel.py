"""The conversion funnel: ordered touchpoint steps, counted per customer, computed in DuckDB.

Semantics (those of Amplitude / Mixpanel / PostHog / ClickHouse ``windowFunnel``):

* **Events considered**: the customer's events that pass the global filters
  (``filtered_events``), ordered by ``(ts, dataset_id, src_row)``; that tiebreak makes every
  result deterministic.
* **Reaching step k**: there are distinct events e1..ek with the touchpoints of steps 1..k,
  ``ts(e1) <= ts(e2) <= … <= ts(ek)`` (equal timestamps allowed, in any file order) and
  ``ts(ek) <= ts(e1) + window`` (the boundary is inclusive). One event fills one step, so the
  funnel A → B → A needs a second A event at or after the B.
* **Attempts**: every step-1 event starts an attempt. Its chain is built greedily: each step takes
  the earliest event of its touchpoint that the chain has not used, at or after the previous
  step's timestamp and within the window (which also yields the deepest chain from that start).
  Events before the first step-1 event play no part; repeated attempts of a step count once.
* **Exclusions** (optional) ``Exclusion(X, i, j)``, as PostHog counts them, per attempt: an
  attempt whose chain reached step i is spoiled when an X event lies strictly after step i's
  timestamp and strictly before step j's, or, when the chain never reached step j, strictly after
  step i and within the window. Equal timestamps do not spoil (the tie rule: "between" is strict).
  X may not be one of the steps i..j itself.
* **One chain per customer**: the deepest unspoiled attempt; among equally deep ones the latest
  start, so that time to convert runs from the last step-1 event that still leads there
  (``A 00:00, A 00:10, B 00:30`` converts in 20 minutes). Among step-1 events with equal
  timestamps the last in file order is the start. A customer with step-1 events but no unspoiled
  attempt is removed from every step (step 1 included), every breakdown and the drop-off lists.
* **Counts** are cumulative: count(k) = customers whose chain reaches at least step k.
  drop-off(k) = count(k-1) - count(k); conversion_from_first = count(k) / count(1);
  conversion_from_previous = count(k) / count(k-1) (None when the denominator is 0).
* **Time to convert**: median and mean seconds from the chain's step k-1 event to its step k
  event, over the customers reaching step k.
* **Strict order** (optional): the step-k event must be the very next event of the customer, in
  ``(ts, dataset_id, src_row)`` order, after the step-(k-1) event: any other event in between,
  of any touchpoint that passes the filters, breaks the chain. Here equal timestamps follow
  the tiebreak order.
* **Breakdown**: the group is the persona / segment / channel of the chain's step-1 event.

The chains come from the funnel engine (journeylens/chains.py): DuckDB reads the filtered events
once, sorted (queries/funnel_rows.sql), and one compiled pass per customer builds them. This module
turns the chains into per-step counts and times, breakdowns and drop-off lists; nothing here
loops over customers in Python.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from journeylens import chains, sql
from journeylens.errors import JourneyLensError
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


class FunnelError(JourneyLensError, ValueError):
    """Bad funnel input (a page's setting or a link's parameter): ``key`` and ``params`` give the
    message in any UI language."""

    hint_key = "error.hint.settings"


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

    def plan(self) -> chains.Plan:
        """The touchpoint codes the funnel engine reads for these steps and exclusions."""
        return chains.plan(
            self.steps, tuple((x.touchpoint, x.from_step, x.to_step) for x in self.exclusions)
        )


# --- queries ------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Chains:
    """Each customer's chain (journeylens/chains.py), one entry per customer with a step-1 event:
    depth (0: every attempt spoiled by an exclusion), the step timestamps in µs (0 past the
    depth), and when asked the chain start's group value and the customer id."""

    depth: np.ndarray
    times: np.ndarray
    group: np.ndarray | None = None
    customer_id: np.ndarray | None = None


def chains_of(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    *,
    by: str | None = None,
    with_ids: bool = False,
) -> Chains:
    """Read the view's events sorted (queries/funnel_rows.sql), in customer-hash parts sized from
    the load-time facets, and build every customer's chain in one compiled pass per part."""
    plan = spec.plan()
    touchpoints = None if spec.strict else list(plan.codes)
    parts = max(
        1, math.ceil(_rows_to_read(cur, workspace_id, filters, touchpoints) / ROWS_PER_PART)
    )
    query = sql.load("funnel_rows")
    params = filters.params(workspace_id) | {
        "codes": list(plan.codes),
        "strict": spec.strict,
        "by": by,
        "with_ids": with_ids,
        "parts": parts,
    }
    depths, times_, groups, ids = [], [], [], []
    for part in range(parts):  # the parts hold disjoint sets of customers
        table = cur.sql(query.text, params=query.bind(params | {"part": part})).to_arrow_table()
        d, t_, start = chains.build(
            table["customer"].to_numpy(),
            table["t"].to_numpy(),
            table["code"].to_numpy(),
            plan,
            spec.window_seconds * 1_000_000,
            spec.strict,
        )
        keep = d > 0
        depths.append(d[keep])
        times_.append(t_[keep])
        rows = pa.array(start[keep])
        if by is not None:
            groups.append(table["grp"].take(rows).to_numpy(zero_copy_only=False))
        if with_ids:
            ids.append(table["cid"].take(rows).to_numpy(zero_copy_only=False))
        del table
    n = len(spec.steps)
    return Chains(
        depth=np.concatenate(depths) if depths else np.zeros(0, np.int8),
        times=np.concatenate(times_) if times_ else np.zeros((0, n), np.int64),
        group=np.concatenate(groups) if by is not None else None,
        customer_id=np.concatenate(ids) if with_ids else None,
    )


def _steps_frame(depth: np.ndarray, times: np.ndarray, spec: FunnelSpec) -> pd.DataFrame:
    summary = chains.summarise(depth, times, len(spec.steps))
    return pd.DataFrame(
        {
            "step": [r["step"] for r in summary],
            "touchpoint": list(spec.steps),
            "count": [r["count"] for r in summary],
            "median_seconds_from_previous": [r["median"] for r in summary],
            "mean_seconds_from_previous": [r["mean"] for r in summary],
        }
    )


def _compute(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, spec: FunnelSpec
) -> pd.DataFrame:
    found = chains_of(cur, workspace_id, filters, spec)
    return _steps_frame(found.depth, found.times, spec)


def _rows_to_read(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    touchpoints: list[str] | None,
) -> int:
    """At most how many events the view's funnel reads: from the load-time facets when they are
    current (no scan), else counted."""
    fresh = sql.run(cur, "dash_summary_fresh", workspace_id=workspace_id).iloc[0]
    if bool(fresh["facets"]):
        found = sql.run(
            cur,
            "funnel_rows_estimate",
            workspace_id=workspace_id,
            touchpoints=touchpoints,
            personas=list(filters.personas),
            segments=list(filters.segments),
        ).iloc[0, 0]
        if found is not None and found == found:
            return int(found)
    found = sql.run(cur, "funnel_rows_count", workspace_id=workspace_id, touchpoints=touchpoints)
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
    `lang`), is_other, then STEP_COLUMNS. At most `max_groups` groups (counting "Other"), the
    largest step-1 count first (ties by name, "(not set)" last).
    """
    if by not in BREAKDOWN_BY:
        raise FunnelError("funnel.error.breakdown_by", by=by)
    found = chains_of(cur, workspace_id, filters, spec, by=by)
    assert found.group is not None
    columns = ["group", "is_other", *STEP_COLUMNS]
    if len(found.depth) == 0:
        return pd.DataFrame(columns=columns)
    codes, values = pd.factorize(pd.Series(found.group, dtype=object), use_na_sentinel=False)
    sizes = np.bincount(codes, minlength=len(values))
    ranked = sorted(
        range(len(values)), key=lambda i: (-sizes[i], values[i] is None, str(values[i]))
    )
    limit = max(2, max_groups)
    shown = ranked if len(ranked) <= limit else ranked[: limit - 1]
    parts = [(values[i], False, codes == i) for i in shown]
    if len(ranked) > limit:
        parts.append((None, True, ~np.isin(codes, shown)))
    frames = []
    for value, is_other, mask in parts:
        part = _finish(_steps_frame(found.depth[mask], found.times[mask], spec))
        if is_other:
            label = t("funnel.other", lang)
        elif value is None or value != value:
            label = t("funnel.not_set", lang)
        else:
            label = str(value)
        part.insert(0, "is_other", is_other)
        part.insert(0, "group", label)
        frames.append(part)
    return _tidy(pd.concat(frames, ignore_index=True)[columns])


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

    Columns: customer_id, reached_at (the time of the last step they reached), last_touchpoint /
    last_ts (their last filtered event from then to the end of the window), comments (their
    non-empty survey comments, oldest first, joined by " | "), latest_comment, n_comments. The
    number of all such customers is in ``df.attrs["total"]``.
    """
    n = len(spec.steps)
    if not 2 <= step <= n:
        raise FunnelError("funnel.error.dropped_step", step=step, n=n)
    found = chains_of(cur, workspace_id, filters, spec, with_ids=True)
    here = found.depth == step - 1
    page = pd.DataFrame(
        {
            "customer_id": found.customer_id[here] if found.customer_id is not None else [],
            "t1": pd.to_datetime(found.times[here, 0], unit="us"),
            "reached_at": pd.to_datetime(found.times[here, step - 2], unit="us"),
        }
    )
    total = len(page)
    page = page.sort_values(["reached_at", "customer_id"], ascending=[False, True], kind="stable")
    page = page.head(max(0, int(limit))).reset_index(drop=True)
    cur.register("jl_dropped_page", page)
    try:
        df = sql.run(
            cur,
            "funnel_dropped",
            **filters.params(workspace_id),
            window_seconds=spec.window_seconds,
            mask_pii=bool(mask_pii),
        )
    finally:
        cur.unregister("jl_dropped_page")
    df["n_comments"] = df["n_comments"].astype(int)
    for col in ("last_touchpoint", "comments", "latest_comment"):
        df[col] = pd.Series([None if pd.isna(v) else v for v in df[col]], dtype=object)
    df.attrs["total"] = total
    return df.reset_index(drop=True)


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
