"""Scores per touchpoint: the touchpoint table, the worst touchpoints, the heatmap cells and the
emotion curve."""

from __future__ import annotations

import duckdb
import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.services import persona_rules
from journeylens.services.dashboards import sources
from journeylens.storage import queries
from journeylens.storage.store import Workspace


def _lower_is_worse(metric: str, ws: Workspace) -> bool:
    """NPS and CSAT: lower is worse. CES: lower is worse when a high score means easy."""
    return metric != "ces" or ws.ces_high_is_easy


def touchpoint_metrics(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters
) -> pd.DataFrame:
    """One row per touchpoint in journey order: definition, volume, score counts and metrics."""
    use = sources.summaries_in_use(cur, ws, filters)
    df = queries.dash_touchpoints(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        use_volume=use["use_volume"],
        use_cube=sources.cube_is_fresh(cur, ws.workspace_id),
    )
    return sources.metric_frame(df, ws)


def worst_touchpoints(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    metric: str = "nps",
    k: int = 3,
) -> pd.DataFrame:
    """The k touchpoints with the worst value of metric, among those with n >= ws.min_n."""
    sources.check_choice(metric, sources.METRIC_NAMES, "metric")
    cols = metrics.METRICS[metric]
    df = touchpoint_metrics(cur, ws, filters)
    df = df[metrics.reliable(df[cols["n"]], ws.min_n) & df[cols["value"]].notna()]
    df = df.sort_values(
        [cols["value"], "position"], ascending=[_lower_is_worse(metric, ws), True], kind="stable"
    )
    return df.head(max(k, 0)).reset_index(drop=True)


def heatmap(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    by: str = "segment",
    metric: str = "nps",
) -> pd.DataFrame:
    """Cells touchpoint (journey order) x column with value, n and reliable (n >= min_n). `by` is
    a built-in breakdown (HEATMAP_BY) or an extra column of the user's files (extra_by).

    Columns: position, touchpoint, stage, column, column_position, value, low, high, n,
    reliable, metric, by (plus the score counts and all metric columns).
    """
    sources.check_by(by)
    sources.check_choice(metric, sources.METRIC_NAMES, "metric")
    groups = persona_rules.breakdown_groups(cur, ws.workspace_id, filters, by)
    use_cube = sources.cube_serves(cur, ws.workspace_id, by, groups)
    df = queries.dash_heatmap(
        cur, filters=filters, workspace_id=ws.workspace_id, by=by, **groups, use_cube=use_cube
    )
    df = sources.metric_frame(df, ws)
    cols = metrics.METRICS[metric]
    df["value"] = df[cols["value"]]
    df["low"] = df[cols["low"]]
    df["high"] = df[cols["high"]]
    df["n"] = df[cols["n"]].astype("int64")
    df["reliable"] = metrics.reliable(df["n"], ws.min_n)
    df["metric"] = metric
    df["by"] = by
    return df[df["n"] > 0].reset_index(drop=True)


def emotion_curve(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    by_persona: bool = False,
    by: str | None = None,
) -> pd.DataFrame:
    """Mean emotion per touchpoint (journey order), overall (persona = None), per persona
    (by_persona) or per value of a column of the user's files (`by` = extra_by(column)).

    Columns: position, touchpoint, stage, stage_order, step_order, persona (the series: the
    persona, or the column's value), emotion_mean, emotion_low, emotion_high, n (= n_emotion),
    reliable, emotion_source ('emotion' | 'csat' | 'nps', the source of most answers), src_emotion
    / src_csat / src_nps and pain_point (mean below ws.emotion_threshold).
    """
    by = by or ("persona" if by_persona else None)
    if by is not None:
        sources.check_by(by, ("persona",))
    groups = persona_rules.breakdown_groups(cur, ws.workspace_id, filters, by)
    use_cube = sources.cube_serves(cur, ws.workspace_id, by, groups)
    df = queries.dash_emotion(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        by=by,
        **groups,
        use_cube=use_cube,
    )
    df = sources.metric_frame(df, ws)
    cols = metrics.METRIC_COLUMNS["emotion"]
    df = df[df[cols["n"]] > 0].reset_index(drop=True)
    df["n"] = df[cols["n"]]
    df["reliable"] = df[cols["reliable"]]
    # a pain point needs the minimum n: one unhappy answer is not "the" pain point
    low = (df["emotion_mean"] < ws.emotion_threshold).fillna(False).astype(bool)
    df["pain_point"] = low & df["reliable"].astype(bool)
    if by is None:
        df["persona"] = None
    return df


def dominant_emotion_source(df: pd.DataFrame) -> str | None:
    """The source ('emotion' | 'csat' | 'nps') behind most emotion values of a frame."""
    if df.empty or not {"src_emotion", "src_csat", "src_nps"} <= set(df.columns):
        return None
    totals = {s: float(df[f"src_{s}"].sum()) for s in ("emotion", "csat", "nps")}
    best = max(totals, key=lambda s: totals[s])
    return best if totals[best] > 0 else None
