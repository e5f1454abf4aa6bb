"""What a workspace lets the reader choose: the outcomes and drivers on offer, the spec for a
choice, and the extra columns marked as driver questions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from journeylens.domain.filters import Filters
from journeylens.domain.permissions import Access, require
from journeylens.services.insights.drivers.inputs import (
    driver_columns,
    touchpoint_scores,
    workspace_facts,
)
from journeylens.services.insights.drivers.spec import DriverError, DriverSpec
from journeylens.storage import queries
from journeylens.storage.store import Store, Workspace

OVERALL = "__overall__"
NUMERIC_SHARE = 0.8  # a column is a rating question when this share of its values are numbers


@dataclass(frozen=True)
class Options:
    """The outcomes and drivers a workspace offers (unfiltered, so a link's choices stay valid)."""

    nps_touchpoints: tuple[str, ...]  # touchpoints with NPS answers, in journey order
    has_overall_nps: bool  # NPS answers without a touchpoint
    default_touchpoint: str | None  # None: the overall NPS
    has_events: bool
    last_touchpoint: str | None
    columns: tuple[str, ...]  # marked driver questions


def options(cur: duckdb.DuckDBPyConnection, ws: Workspace) -> Options:
    """Outcomes and drivers the workspace offers; the default outcome touchpoint is the overall
    NPS where the data has one, else the journey's last funnel step with NPS answers, else the
    touchpoint with the most NPS answers."""
    facts = workspace_facts(cur, ws.workspace_id)
    scores = touchpoint_scores(cur, ws, Filters())
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


def candidate_columns(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> pd.DataFrame:
    """The extra columns of the workspace's answers that hold numbers (column_name, numbers,
    values)."""
    return queries.insights_extra_columns(cur, workspace_id=workspace_id)


def mark_driver_columns(
    store: Store, access: Access, workspace_id: int, columns: list[str]
) -> None:
    """Replace the workspace's marked driver questions (one transaction; the data version moves
    on so cached results are recomputed; no rows change, so the write-time summaries stay valid).
    """
    # the writers' one refresh call
    from journeylens.services import summaries

    require(access, "drivers.mark_columns")
    clean = sorted({str(c) for c in columns if str(c).strip()})
    with store.write(access, "drivers.mark_columns") as cur:
        summaries.refresh(cur, workspace_id, events_changed=False, responses_changed=False)
        queries.insights_driver_columns_clear(cur, workspace_id=workspace_id)
        if clean:
            queries.insights_driver_columns_put(cur, workspace_id=workspace_id, columns=clean)
        queries.workspace_bump(cur, workspace_id=workspace_id)


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
