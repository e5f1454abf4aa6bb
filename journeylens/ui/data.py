"""One DuckDB connection per process, a cursor per call, and bounded result caches.

Results are cached on (database, workspace, data version, query, parameters), never on a
DataFrame, so any write to a workspace (which bumps its data_version) invalidates its entries.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import streamlit as st

from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import attribution, dashboards, demo, funnel, paths, themes
from journeylens.services.ingest import staging
from journeylens.services.insights import alerts as insight_alerts
from journeylens.services.insights import drivers as insight_drivers
from journeylens.storage import queries
from journeylens.storage.store import Store, Workspace, default_path

DEMO_ENV = "JOURNEYLENS_NO_DEMO"


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    staging.clean_stale()  # upload folders of app or CLI processes that were killed
    store = Store(path)
    if not os.environ.get(DEMO_ENV):
        demo.ensure(store, LOCAL)  # the server's own start-up, not a visitor's action
    return store


def get_store() -> Store:
    return _store(str(default_path()))


def _funnel(cur: Any, ws: Workspace, filters: Filters, spec: funnel.FunnelSpec) -> Any:
    return funnel.run(cur, ws.workspace_id, filters, spec)


def _funnel_breakdown(
    cur: Any, ws: Workspace, filters: Filters, spec: funnel.FunnelSpec, by: str, lang: str = "en"
) -> Any:
    return funnel.run_breakdown(cur, ws.workspace_id, filters, spec, by, lang=lang)


def _dropped(cur: Any, ws: Workspace, filters: Filters, spec: funnel.FunnelSpec, step: int) -> Any:
    return funnel.dropped(cur, ws.workspace_id, filters, spec, step, mask_pii=ws.mask_pii)


def _funnel_timing(cur: Any, ws: Workspace, filters: Filters, spec: funnel.FunnelSpec) -> Any:
    return funnel.timing_of(cur, ws.workspace_id, filters, spec, ws.min_n)


def _options(cur: Any, ws: Workspace, filters: Filters) -> Any:
    return dashboards.filter_options(cur, ws.workspace_id)


def _counts(cur: Any, ws: Workspace, filters: Filters) -> dict[str, int]:
    row = queries.table_counts(cur, workspace_id=ws.workspace_id).iloc[0]
    return {k: int(v) for k, v in row.items()}


def _answer_touchpoints(cur: Any, ws: Workspace, filters: Filters) -> dict[str, int]:
    row = queries.dash_answer_touchpoints(cur, workspace_id=ws.workspace_id).iloc[0]
    return {k: int(v) for k, v in row.items()}


def _default_steps(cur: Any, ws: Workspace, filters: Filters) -> Any:
    return funnel.default_steps(cur, ws.workspace_id)


def _paths_dfg(cur: Any, ws: Workspace, filters: Filters) -> Any:
    return paths.dfg(cur, ws.workspace_id, filters)


def _paths_flow(cur: Any, ws: Workspace, filters: Filters, spec: Any) -> Any:
    return paths.flow(cur, ws.workspace_id, filters, spec)


def _attribution_sources(cur: Any, ws: Workspace, filters: Filters) -> Any:
    return attribution.sources(cur, ws.workspace_id)


def _attribution(cur: Any, ws: Workspace, filters: Filters, **kwargs: Any) -> Any:
    return attribution.attribution(cur, ws.workspace_id, filters, **kwargs)


def _themes(cur: Any, ws: Workspace, filters: Filters, **kwargs: Any) -> Any:
    return themes.themes(cur, ws, filters, **kwargs)


QUERIES: dict[str, Callable[..., Any]] = {
    "filter_options": _options,
    "counts": _counts,
    "answer_touchpoints": _answer_touchpoints,
    "kpis": dashboards.kpis,
    "response_dates": dashboards.response_dates,
    "trend": dashboards.trend,
    "touchpoint_metrics": dashboards.touchpoint_metrics,
    "worst_touchpoints": dashboards.worst_touchpoints,
    "heatmap": dashboards.heatmap,
    "emotion_curve": dashboards.emotion_curve,
    "journey_lanes": dashboards.journey_lanes,
    "comments": dashboards.comments,
    "comments_csv": dashboards.comments_csv,
    "funnel": _funnel,
    "funnel_breakdown": _funnel_breakdown,
    "funnel_dropped": _dropped,
    "funnel_timing": _funnel_timing,
    "default_steps": _default_steps,
    "drivers": insight_drivers.run,  # spec=DriverSpec
    "driver_options": lambda cur, ws, filters: insight_drivers.options(cur, ws),
    "alerts": insight_alerts.run,  # spec=AlertSpec
    "paths_dfg": _paths_dfg,
    "paths_flow": _paths_flow,
    "attribution_sources": _attribution_sources,
    "attribution": _attribution,
    "themes": _themes,
}


@st.cache_data(max_entries=512, ttl=3600, show_spinner=False)
def _cached(
    db_path: str,
    ws: Workspace,
    filters: Filters,
    name: str,
    kwargs: tuple[tuple[str, Any], ...],
) -> Any:
    store = _store(db_path)
    cur = store.cursor()
    try:
        return QUERIES[name](cur, ws, filters, **dict(kwargs))
    finally:
        cur.close()


def query(ws: Workspace, filters: Filters, name: str, **kwargs: Any) -> Any:
    """A dashboard query, cached until the workspace's data_version changes."""
    return _cached(str(default_path()), ws, filters, name, tuple(sorted(kwargs.items())))
