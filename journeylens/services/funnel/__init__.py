"""The conversion funnel: ordered touchpoint steps, counted per customer, computed in DuckDB.

Semantics (those of Amplitude / Mixpanel / PostHog / ClickHouse ``windowFunnel``):

* **Events considered**: the customer's events that pass the global filters
  (``filtered_events_lean``, queries/macros.sql), ordered by ``(ts, dataset_id, src_row)``; that tiebreak makes every
  result deterministic.
* **Reaching step k**: there are distinct events e1..ek with the touchpoints of steps 1..k,
  ``ts(e1) <= ts(e2) <= … <= ts(ek)`` (equal timestamps allowed, in any file order) and
  ``ts(ek) <= ts(e1) + window`` (the boundary is inclusive). One event fills one step, so the
  funnel A → B → A needs a second A event at or after the B.
* **Attempts**: every step-1 event starts an attempt. Its chain is built greedily: each step takes
  the earliest event of its touchpoint that the chain has not used, at or after the previous
  step's timestamp and within the window (which also yields the deepest chain from that start).
  Events earlier than the first step-1 event play no part; repeated attempts of a step count once.
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
  conversion_from_previous = count(k) / count(k-1) (None when the denominator is 0); step 1
  has drop-off 0 and conversion_from_previous 1.0 (None when nobody reached it).
* **Time to convert**: median and mean seconds from the chain's step k-1 event to its step k
  event, over the customers reaching step k. Its distribution (funnel.timing) adds step 1 to the
  last step, and the p10, quartiles and p90 by linear interpolation (DuckDB's quantile_cont).
* **Conversion over time** (funnel.timing): count(n) / count(1) over the customers whose chain's
  step-1 event falls in each week (Monday first) or month, with a 95% Wilson interval.
* **Strict order** (optional): the step-k event must be the very next event of the customer, in
  ``(ts, dataset_id, src_row)`` order, after the step-(k-1) event: any other event in between,
  of any touchpoint that passes the filters, breaks the chain. Here equal timestamps follow
  the tiebreak order.
* **Breakdown**: the group is the persona / segment / channel of the chain's step-1 event.

The chains come from the funnel engine (journeylens/domain/funnel_engine.py): DuckDB reads the filtered events
sorted (queries/funnel_rows.sql), one part of the customers (by hash) at a time, and one compiled
pass per customer builds them (funnel.events). This package turns the chains into per-step counts
and times (funnel.steps, which also keeps the overview's default funnel), breakdowns
(funnel.breakdown), drop-off lists (funnel.dropoff), conversion by the period of step 1 and the
distribution of time to convert (funnel.timing); funnel.spec checks what a funnel is.
Nothing here loops over customers in Python.
"""

from journeylens.services.funnel.breakdown import BREAKDOWN_BY, MAX_GROUPS, run_breakdown
from journeylens.services.funnel.dropoff import dropped
from journeylens.services.funnel.events import Chains, chains_of
from journeylens.services.funnel.spec import (
    DEFAULT_WINDOW_SECONDS,
    MAX_STEPS,
    MAX_WINDOW_DAYS,
    MIN_STEPS,
    Exclusion,
    FunnelError,
    FunnelSpec,
    format_window,
    parse_exclusion,
    parse_window,
)
from journeylens.services.funnel.steps import (
    JSON_FIELDS,
    STEP_COLUMNS,
    default_steps,
    refresh_default,
    run,
    to_json_records,
)
from journeylens.services.funnel.timing import (
    GRAINS,
    Timing,
    conversion_over_time,
    time_to_convert,
    timing_of,
)

__all__ = [
    "BREAKDOWN_BY",
    "Chains",
    "DEFAULT_WINDOW_SECONDS",
    "Exclusion",
    "FunnelError",
    "FunnelSpec",
    "GRAINS",
    "JSON_FIELDS",
    "MAX_GROUPS",
    "MAX_STEPS",
    "MAX_WINDOW_DAYS",
    "MIN_STEPS",
    "STEP_COLUMNS",
    "Timing",
    "chains_of",
    "conversion_over_time",
    "default_steps",
    "dropped",
    "format_window",
    "parse_exclusion",
    "parse_window",
    "refresh_default",
    "run",
    "run_breakdown",
    "time_to_convert",
    "timing_of",
    "to_json_records",
]
