# generated from queries/*.sql by python -m journeylens.storage.sqlgen; do not edit
"""The typed query namespace: one function per query file, generated from its declared
parameters (the aiosql way), so a caller names a query as code, not as a string.

`queries.dash_kpis(cur, filters=filters, workspace_id=ws.workspace_id, ...)` runs
queries/dash_kpis.sql through journeylens.storage.sql, which checks the parameters and returns the
result; a query taking every view filter takes one `filters: Filters` value instead of six.
Long because it is generated, one function per query file: edit the SQL files and run `make sql`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from journeylens.domain.filters import Filters
from journeylens.storage import sql


def attribution_credits(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """queries/attribution_credits.sql"""
    return sql.run(con, "attribution_credits")


def attribution_drop(con: duckdb.DuckDBPyConnection) -> None:
    """queries/attribution_drop.sql"""
    sql.execute(con, "attribution_drop")


def attribution_journeys(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    conversion: str | None,
    half_life_seconds: int,
    use_files: bool,
) -> None:
    """queries/attribution_journeys.sql"""
    sql.execute(
        con,
        "attribution_journeys",
        **filters.params(workspace_id),
        conversion=conversion,
        half_life_seconds=half_life_seconds,
        use_files=use_files,
    )


def attribution_macros(con: duckdb.DuckDBPyConnection) -> None:
    """queries/attribution_macros.sql"""
    sql.script(con, "attribution_macros")


def attribution_sources(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/attribution_sources.sql"""
    return sql.run(con, "attribution_sources", workspace_id=workspace_id)


def attribution_transitions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """queries/attribution_transitions.sql"""
    return sql.run(con, "attribution_transitions")


def dash_answer_touchpoints(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/dash_answer_touchpoints.sql"""
    return sql.run(con, "dash_answer_touchpoints", workspace_id=workspace_id)


def dash_comments(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    pattern: str,
    touchpoint: str | None,
    col_by: Any,
    col_value: Any,
    group_names: list[str],
    group_rules: list[str],
    page_limit: int,
    page_offset: int,
    mask_pii: bool,
) -> pd.DataFrame:
    """queries/dash_comments.sql"""
    return sql.run(
        con,
        "dash_comments",
        **filters.params(workspace_id),
        pattern=pattern,
        touchpoint=touchpoint,
        col_by=col_by,
        col_value=col_value,
        group_names=group_names,
        group_rules=group_rules,
        page_limit=page_limit,
        page_offset=page_offset,
        mask_pii=mask_pii,
    )


def dash_comments_count(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    pattern: str,
    touchpoint: str | None,
    col_by: Any,
    col_value: Any,
    group_names: list[str],
    group_rules: list[str],
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_comments_count.sql"""
    return sql.run(
        con,
        "dash_comments_count",
        **filters.params(workspace_id),
        pattern=pattern,
        touchpoint=touchpoint,
        col_by=col_by,
        col_value=col_value,
        group_names=group_names,
        group_rules=group_rules,
        use_cube=use_cube,
    )


def dash_cube_fresh(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/dash_cube_fresh.sql"""
    return sql.run(con, "dash_cube_fresh", workspace_id=workspace_id)


def dash_emotion(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    by: Any,
    group_names: list[str],
    group_rules: list[str],
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_emotion.sql"""
    return sql.run(
        con,
        "dash_emotion",
        **filters.params(workspace_id),
        by=by,
        group_names=group_names,
        group_rules=group_rules,
        use_cube=use_cube,
    )


def dash_extra_options(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, max_values: Any
) -> pd.DataFrame:
    """queries/dash_extra_options.sql"""
    return sql.run(con, "dash_extra_options", workspace_id=workspace_id, max_values=max_values)


def dash_filter_options(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, use_facets: bool
) -> pd.DataFrame:
    """queries/dash_filter_options.sql"""
    return sql.run(con, "dash_filter_options", workspace_id=workspace_id, use_facets=use_facets)


def dash_heatmap(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    by: Any,
    group_names: list[str],
    group_rules: list[str],
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_heatmap.sql"""
    return sql.run(
        con,
        "dash_heatmap",
        **filters.params(workspace_id),
        by=by,
        group_names=group_names,
        group_rules=group_rules,
        use_cube=use_cube,
    )


def dash_journey_lanes(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    persona: str | None,
    stopwords: list[str],
    min_word_freq: int,
    use_volume: bool,
    use_words: bool,
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_journey_lanes.sql"""
    return sql.run(
        con,
        "dash_journey_lanes",
        **filters.params(workspace_id),
        persona=persona,
        stopwords=stopwords,
        min_word_freq=min_word_freq,
        use_volume=use_volume,
        use_words=use_words,
        use_cube=use_cube,
    )


def dash_kpis(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    cur_from: date | None,
    cur_to: date | None,
    prev_from: date | None,
    prev_to: date | None,
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_kpis.sql"""
    return sql.run(
        con,
        "dash_kpis",
        **filters.params(workspace_id),
        cur_from=cur_from,
        cur_to=cur_to,
        prev_from=prev_from,
        prev_to=prev_to,
        use_cube=use_cube,
    )


def dash_response_dates(
    con: duckdb.DuckDBPyConnection, *, filters: Filters, workspace_id: int, use_cube: bool
) -> pd.DataFrame:
    """queries/dash_response_dates.sql"""
    return sql.run(con, "dash_response_dates", **filters.params(workspace_id), use_cube=use_cube)


def dash_summary_fresh(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/dash_summary_fresh.sql"""
    return sql.run(con, "dash_summary_fresh", workspace_id=workspace_id)


def dash_summary_refresh(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    events_changed: bool,
    responses_changed: bool,
) -> None:
    """queries/dash_summary_refresh.sql"""
    sql.execute(
        con,
        "dash_summary_refresh",
        workspace_id=workspace_id,
        events_changed=events_changed,
        responses_changed=responses_changed,
    )


def dash_touchpoints(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    use_volume: bool,
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_touchpoints.sql"""
    return sql.run(
        con,
        "dash_touchpoints",
        **filters.params(workspace_id),
        use_volume=use_volume,
        use_cube=use_cube,
    )


def dash_trend(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    grain: str,
    use_cube: bool,
) -> pd.DataFrame:
    """queries/dash_trend.sql"""
    return sql.run(
        con, "dash_trend", **filters.params(workspace_id), grain=grain, use_cube=use_cube
    )


def dataset_by_sha(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, sha256: str, kind: str
) -> pd.DataFrame:
    """queries/dataset_by_sha.sql"""
    return sql.run(con, "dataset_by_sha", workspace_id=workspace_id, sha256=sha256, kind=kind)


def dataset_delete(con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int) -> None:
    """queries/dataset_delete.sql"""
    sql.execute(con, "dataset_delete", workspace_id=workspace_id, dataset_id=dataset_id)


def dataset_insert(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    kind: str,
    source_name: str,
    sha256: str,
    source_format: str,
    rows_loaded: int,
    rows_rejected: int,
    mapping: str,
) -> pd.DataFrame:
    """queries/dataset_insert.sql"""
    return sql.run(
        con,
        "dataset_insert",
        workspace_id=workspace_id,
        kind=kind,
        source_name=source_name,
        sha256=sha256,
        source_format=source_format,
        rows_loaded=rows_loaded,
        rows_rejected=rows_rejected,
        mapping=mapping,
    )


def dataset_list(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/dataset_list.sql"""
    return sql.run(con, "dataset_list", workspace_id=workspace_id)


def demo_insert_events(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int
) -> None:
    """queries/demo_insert_events.sql"""
    sql.execute(con, "demo_insert_events", workspace_id=workspace_id, dataset_id=dataset_id)


def demo_insert_responses(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int
) -> None:
    """queries/demo_insert_responses.sql"""
    sql.execute(con, "demo_insert_responses", workspace_id=workspace_id, dataset_id=dataset_id)


def demo_insert_touchpoints(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int
) -> None:
    """queries/demo_insert_touchpoints.sql"""
    sql.execute(con, "demo_insert_touchpoints", workspace_id=workspace_id, dataset_id=dataset_id)


def funnel_default_get(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, steps: Any, window_seconds: int
) -> pd.DataFrame:
    """queries/funnel_default_get.sql"""
    return sql.run(
        con,
        "funnel_default_get",
        workspace_id=workspace_id,
        steps=steps,
        window_seconds=window_seconds,
    )


def funnel_default_key(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/funnel_default_key.sql"""
    return sql.run(con, "funnel_default_key", workspace_id=workspace_id)


def funnel_default_put(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    steps: Any,
    window_seconds: int,
    step: Any,
    touchpoint: str | None,
    count: Any,
    median: Any,
    mean: Any,
) -> None:
    """queries/funnel_default_put.sql"""
    sql.execute(
        con,
        "funnel_default_put",
        workspace_id=workspace_id,
        steps=steps,
        window_seconds=window_seconds,
        step=step,
        touchpoint=touchpoint,
        count=count,
        median=median,
        mean=mean,
    )


def funnel_default_steps(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/funnel_default_steps.sql"""
    return sql.run(con, "funnel_default_steps", workspace_id=workspace_id)


def funnel_dropped(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    window_seconds: int,
    mask_pii: bool,
) -> pd.DataFrame:
    """queries/funnel_dropped.sql"""
    return sql.run(
        con,
        "funnel_dropped",
        **filters.params(workspace_id),
        window_seconds=window_seconds,
        mask_pii=mask_pii,
    )


def funnel_rows(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    codes: Any,
    strict: bool,
    by: Any,
    group_names: list[str],
    group_rules: list[str],
    with_ids: bool,
    parts: int,
    part: int,
) -> pa.Table:
    """queries/funnel_rows.sql"""
    return sql.run_arrow(
        con,
        "funnel_rows",
        **filters.params(workspace_id),
        codes=codes,
        strict=strict,
        by=by,
        group_names=group_names,
        group_rules=group_rules,
        with_ids=with_ids,
        parts=parts,
        part=part,
    )


def funnel_rows_count(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, touchpoints: Any
) -> pd.DataFrame:
    """queries/funnel_rows_count.sql"""
    return sql.run(con, "funnel_rows_count", workspace_id=workspace_id, touchpoints=touchpoints)


def funnel_rows_estimate(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    touchpoints: Any,
    personas: list[str],
    segments: list[str],
) -> pd.DataFrame:
    """queries/funnel_rows_estimate.sql"""
    return sql.run(
        con,
        "funnel_rows_estimate",
        workspace_id=workspace_id,
        touchpoints=touchpoints,
        personas=personas,
        segments=segments,
    )


def funnel_workspace_window(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/funnel_workspace_window.sql"""
    return sql.run(con, "funnel_workspace_window", workspace_id=workspace_id)


def ingest_insert_events(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int, extra_keys: Any
) -> None:
    """queries/ingest_insert_events.sql"""
    sql.execute(
        con,
        "ingest_insert_events",
        workspace_id=workspace_id,
        dataset_id=dataset_id,
        extra_keys=extra_keys,
    )


def ingest_insert_paths(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int
) -> None:
    """queries/ingest_insert_paths.sql"""
    sql.execute(con, "ingest_insert_paths", workspace_id=workspace_id, dataset_id=dataset_id)


def ingest_insert_responses(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    dataset_id: int,
    extra_keys: Any,
    mask_pii: bool,
) -> None:
    """queries/ingest_insert_responses.sql"""
    sql.execute(
        con,
        "ingest_insert_responses",
        workspace_id=workspace_id,
        dataset_id=dataset_id,
        extra_keys=extra_keys,
        mask_pii=mask_pii,
    )


def ingest_macros(con: duckdb.DuckDBPyConnection) -> None:
    """queries/ingest_macros.sql"""
    sql.script(con, "ingest_macros")


def ingest_upsert_touchpoints(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, dataset_id: int
) -> None:
    """queries/ingest_upsert_touchpoints.sql"""
    sql.execute(con, "ingest_upsert_touchpoints", workspace_id=workspace_id, dataset_id=dataset_id)


def insights_alert_conversion(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    personas: list[str],
    segments: list[str],
    channels: list[str],
    stages: list[str],
    extras: Any,
    steps: Any,
    only: Any,
    grain: str,
    period_from: date | None,
    period_to: date | None,
    window_seconds: int,
    data_end: Any,
    use_cohorts: bool,
) -> pd.DataFrame:
    """queries/insights_alert_conversion.sql"""
    return sql.run(
        con,
        "insights_alert_conversion",
        workspace_id=workspace_id,
        personas=personas,
        segments=segments,
        channels=channels,
        stages=stages,
        extras=extras,
        steps=steps,
        only=only,
        grain=grain,
        period_from=period_from,
        period_to=period_to,
        window_seconds=window_seconds,
        data_end=data_end,
        use_cohorts=use_cohorts,
    )


def insights_alert_dates(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    use_cube: bool,
    use_facets: bool,
) -> pd.DataFrame:
    """queries/insights_alert_dates.sql"""
    return sql.run(
        con,
        "insights_alert_dates",
        **filters.params(workspace_id),
        use_cube=use_cube,
        use_facets=use_facets,
    )


def insights_alert_scores(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    use_cube: bool,
    grain: str,
) -> pd.DataFrame:
    """queries/insights_alert_scores.sql"""
    return sql.run(
        con, "insights_alert_scores", **filters.params(workspace_id), use_cube=use_cube, grain=grain
    )


def insights_cohorts_fresh(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    steps: Any,
    window_seconds: int,
    period_from: date | None,
) -> pd.DataFrame:
    """queries/insights_cohorts_fresh.sql"""
    return sql.run(
        con,
        "insights_cohorts_fresh",
        workspace_id=workspace_id,
        steps=steps,
        window_seconds=window_seconds,
        period_from=period_from,
    )


def insights_conversion_impact(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    last_touchpoint: Any,
    use_scores: bool,
    use_events: bool,
    from_summary: bool,
) -> pd.DataFrame:
    """queries/insights_conversion_impact.sql"""
    return sql.run(
        con,
        "insights_conversion_impact",
        **filters.params(workspace_id),
        last_touchpoint=last_touchpoint,
        use_scores=use_scores,
        use_events=use_events,
        from_summary=from_summary,
    )


def insights_customer_count(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/insights_customer_count.sql"""
    return sql.run(con, "insights_customer_count", workspace_id=workspace_id)


def insights_driver_columns_clear(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/insights_driver_columns_clear.sql"""
    sql.execute(con, "insights_driver_columns_clear", workspace_id=workspace_id)


def insights_driver_columns_get(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int
) -> pd.DataFrame:
    """queries/insights_driver_columns_get.sql"""
    return sql.run(con, "insights_driver_columns_get", workspace_id=workspace_id)


def insights_driver_columns_put(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, columns: Any
) -> None:
    """queries/insights_driver_columns_put.sql"""
    sql.execute(con, "insights_driver_columns_put", workspace_id=workspace_id, columns=columns)


def insights_driver_sums(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    outcome: Any,
    outcome_touchpoint: Any,
    driver: Any,
    columns: Any,
    buckets: Any,
    last_touchpoint: Any,
    use_scores: bool,
    use_events: bool,
    sample_per_mille: int,
) -> pd.DataFrame:
    """queries/insights_driver_sums.sql"""
    return sql.run(
        con,
        "insights_driver_sums",
        **filters.params(workspace_id),
        outcome=outcome,
        outcome_touchpoint=outcome_touchpoint,
        driver=driver,
        columns=columns,
        buckets=buckets,
        last_touchpoint=last_touchpoint,
        use_scores=use_scores,
        use_events=use_events,
        sample_per_mille=sample_per_mille,
    )


def insights_extra_columns(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/insights_extra_columns.sql"""
    return sql.run(con, "insights_extra_columns", workspace_id=workspace_id)


def insights_funnel_steps(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/insights_funnel_steps.sql"""
    return sql.run(con, "insights_funnel_steps", workspace_id=workspace_id)


def insights_summary_fresh(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/insights_summary_fresh.sql"""
    return sql.run(con, "insights_summary_fresh", workspace_id=workspace_id)


def insights_summary_refresh(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    events_changed: bool,
    responses_changed: bool,
    window_seconds: int,
) -> None:
    """queries/insights_summary_refresh.sql"""
    sql.execute(
        con,
        "insights_summary_refresh",
        workspace_id=workspace_id,
        events_changed=events_changed,
        responses_changed=responses_changed,
        window_seconds=window_seconds,
    )


def insights_touchpoint_scores(
    con: duckdb.DuckDBPyConnection, *, filters: Filters, workspace_id: int, use_cube: bool
) -> pd.DataFrame:
    """queries/insights_touchpoint_scores.sql"""
    return sql.run(
        con, "insights_touchpoint_scores", **filters.params(workspace_id), use_cube=use_cube
    )


def insights_workspace_facts(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/insights_workspace_facts.sql"""
    return sql.run(con, "insights_workspace_facts", workspace_id=workspace_id)


def journey_clear(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/journey_clear.sql"""
    sql.execute(con, "journey_clear", workspace_id=workspace_id)


def journey_definition(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/journey_definition.sql"""
    return sql.run(con, "journey_definition", workspace_id=workspace_id)


def journey_insert(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/journey_insert.sql"""
    sql.execute(con, "journey_insert", workspace_id=workspace_id)


def macros(con: duckdb.DuckDBPyConnection) -> None:
    """queries/macros.sql"""
    sql.script(con, "macros")


def mapping_get(con: duckdb.DuckDBPyConnection, *, header_key: str, kind: str) -> pd.DataFrame:
    """queries/mapping_get.sql"""
    return sql.run(con, "mapping_get", header_key=header_key, kind=kind)


def mapping_save(
    con: duckdb.DuckDBPyConnection, *, header_key: str, kind: str, mapping: str
) -> None:
    """queries/mapping_save.sql"""
    sql.execute(con, "mapping_save", header_key=header_key, kind=kind, mapping=mapping)


def metrics_by(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    by: Any,
    group_names: list[str],
    group_rules: list[str],
    use_cube: bool,
) -> pd.DataFrame:
    """queries/metrics_by.sql"""
    return sql.run(
        con,
        "metrics_by",
        **filters.params(workspace_id),
        by=by,
        group_names=group_names,
        group_rules=group_rules,
        use_cube=use_cube,
    )


def paths_codes(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, stages: list[str]
) -> pd.DataFrame:
    """queries/paths_codes.sql"""
    return sql.run(con, "paths_codes", workspace_id=workspace_id, stages=stages)


def paths_dfg(
    con: duckdb.DuckDBPyConnection, *, filters: Filters, workspace_id: int
) -> pd.DataFrame:
    """queries/paths_dfg.sql"""
    return sql.run(con, "paths_dfg", **filters.params(workspace_id))


def paths_dfg_stored(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/paths_dfg_stored.sql"""
    return sql.run(con, "paths_dfg_stored", workspace_id=workspace_id)


def paths_dfg_unfiltered(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/paths_dfg_unfiltered.sql"""
    return sql.run(con, "paths_dfg_unfiltered", workspace_id=workspace_id)


def paths_flow(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    start: Any,
    steps: Any,
    keep_repeats: bool,
    conversion: str | None,
) -> pd.DataFrame:
    """queries/paths_flow.sql"""
    return sql.run(
        con,
        "paths_flow",
        **filters.params(workspace_id),
        start=start,
        steps=steps,
        keep_repeats=keep_repeats,
        conversion=conversion,
    )


def paths_flow_stored(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, steps: Any
) -> pd.DataFrame:
    """queries/paths_flow_stored.sql"""
    return sql.run(con, "paths_flow_stored", workspace_id=workspace_id, steps=steps)


def paths_flow_unfiltered(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, steps: Any
) -> pd.DataFrame:
    """queries/paths_flow_unfiltered.sql"""
    return sql.run(con, "paths_flow_unfiltered", workspace_id=workspace_id, steps=steps)


def paths_rows(
    con: duckdb.DuckDBPyConnection,
    columns: tuple[str, ...],
    batch_rows: int,
    *,
    filters: Filters,
    workspace_id: int,
    codes: Any,
    tp_names: Any,
    tp_channels: Any,
    stage_touchpoints: Any,
    conversion: str | None,
) -> Iterator[tuple[np.ndarray, ...]]:
    """queries/paths_rows.sql"""
    return sql.run_batches(
        con,
        "paths_rows",
        columns,
        batch_rows,
        **filters.params(workspace_id),
        codes=codes,
        tp_names=tp_names,
        tp_channels=tp_channels,
        stage_touchpoints=stage_touchpoints,
        conversion=conversion,
    )


def paths_summary_fresh(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/paths_summary_fresh.sql"""
    return sql.run(con, "paths_summary_fresh", workspace_id=workspace_id)


def paths_summary_kept(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/paths_summary_kept.sql"""
    return sql.run(con, "paths_summary_kept", workspace_id=workspace_id)


def paths_summary_put(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    in_order: bool,
    d_source: Any,
    d_target: Any,
    d_count: Any,
    d_starts: Any,
    d_median: Any,
    f_converted: Any,
    f_step: Any,
    f_source: Any,
    f_target: Any,
    f_customers: Any,
) -> None:
    """queries/paths_summary_put.sql"""
    sql.execute(
        con,
        "paths_summary_put",
        workspace_id=workspace_id,
        in_order=in_order,
        d_source=d_source,
        d_target=d_target,
        d_count=d_count,
        d_starts=d_starts,
        d_median=d_median,
        f_converted=f_converted,
        f_step=f_step,
        f_source=f_source,
        f_target=f_target,
        f_customers=f_customers,
    )


def persona_clear(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/persona_clear.sql"""
    sql.execute(con, "persona_clear", workspace_id=workspace_id)


def persona_insert(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/persona_insert.sql"""
    sql.execute(con, "persona_insert", workspace_id=workspace_id)


def persona_list(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/persona_list.sql"""
    return sql.run(con, "persona_list", workspace_id=workspace_id)


def schema(con: duckdb.DuckDBPyConnection) -> None:
    """queries/schema.sql"""
    sql.script(con, "schema")


def session_end(con: duckdb.DuckDBPyConnection, *, session_id: str, now: datetime) -> None:
    """queries/session_end.sql"""
    sql.execute(con, "session_end", session_id=session_id, now=now)


def session_get(con: duckdb.DuckDBPyConnection, *, session_id: str, now: datetime) -> pd.DataFrame:
    """queries/session_get.sql"""
    return sql.run(con, "session_get", session_id=session_id, now=now)


def session_insert(
    con: duckdb.DuckDBPyConnection, *, session_id: str, expires_at: datetime, client: Any
) -> None:
    """queries/session_insert.sql"""
    sql.execute(con, "session_insert", session_id=session_id, expires_at=expires_at, client=client)


def share_count(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/share_count.sql"""
    return sql.run(con, "share_count", workspace_id=workspace_id)


def share_get(con: duckdb.DuckDBPyConnection, *, link_id: str) -> pd.DataFrame:
    """queries/share_get.sql"""
    return sql.run(con, "share_get", link_id=link_id)


def share_insert(
    con: duckdb.DuckDBPyConnection,
    *,
    link_id: str,
    workspace_id: int,
    expires_at: datetime,
    note: Any,
) -> None:
    """queries/share_insert.sql"""
    sql.execute(
        con,
        "share_insert",
        link_id=link_id,
        workspace_id=workspace_id,
        expires_at=expires_at,
        note=note,
    )


def share_list(
    con: duckdb.DuckDBPyConnection, *, workspace_id: int, offset: int, limit: Any
) -> pd.DataFrame:
    """queries/share_list.sql"""
    return sql.run(con, "share_list", workspace_id=workspace_id, offset=offset, limit=limit)


def share_revoke(con: duckdb.DuckDBPyConnection, *, link_id: str) -> None:
    """queries/share_revoke.sql"""
    sql.execute(con, "share_revoke", link_id=link_id)


def share_revoke_all(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/share_revoke_all.sql"""
    return sql.run(con, "share_revoke_all", workspace_id=workspace_id)


def share_touch(con: duckdb.DuckDBPyConnection, *, link_id: str, now: datetime) -> None:
    """queries/share_touch.sql"""
    sql.execute(con, "share_touch", link_id=link_id, now=now)


def table_counts(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/table_counts.sql"""
    return sql.run(con, "table_counts", workspace_id=workspace_id)


def themes_counts(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    persona: str | None,
    stop_en: list[str],
    stop_vi: list[str],
    stop_ro: list[str],
    negations: list[str],
) -> pd.DataFrame:
    """queries/themes_counts.sql"""
    return sql.run(
        con,
        "themes_counts",
        **filters.params(workspace_id),
        persona=persona,
        stop_en=stop_en,
        stop_vi=stop_vi,
        stop_ro=stop_ro,
        negations=negations,
    )


def themes_examples(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: Filters,
    workspace_id: int,
    persona: str | None,
    by: Any,
    touchpoint: str | None,
    stop_en: list[str],
    stop_vi: list[str],
    stop_ro: list[str],
    negations: list[str],
    keys: Any,
    per_term: int,
    mask_pii: bool,
) -> pd.DataFrame:
    """queries/themes_examples.sql"""
    return sql.run(
        con,
        "themes_examples",
        **filters.params(workspace_id),
        persona=persona,
        by=by,
        touchpoint=touchpoint,
        stop_en=stop_en,
        stop_vi=stop_vi,
        stop_ro=stop_ro,
        negations=negations,
        keys=keys,
        per_term=per_term,
        mask_pii=mask_pii,
    )


def views_by_name(con: duckdb.DuckDBPyConnection, *, workspace_id: int, name: str) -> pd.DataFrame:
    """queries/views_by_name.sql"""
    return sql.run(con, "views_by_name", workspace_id=workspace_id, name=name)


def views_delete(con: duckdb.DuckDBPyConnection, *, workspace_id: int, view_id: Any) -> None:
    """queries/views_delete.sql"""
    sql.execute(con, "views_delete", workspace_id=workspace_id, view_id=view_id)


def views_get(con: duckdb.DuckDBPyConnection, *, workspace_id: int, view_id: Any) -> pd.DataFrame:
    """queries/views_get.sql"""
    return sql.run(con, "views_get", workspace_id=workspace_id, view_id=view_id)


def views_insert(
    con: duckdb.DuckDBPyConnection,
    *,
    view_id: Any,
    workspace_id: int,
    name: str,
    description: Any,
    url_path: Any,
    query: Any,
    now: datetime,
    updated_by: Any,
) -> None:
    """queries/views_insert.sql"""
    sql.execute(
        con,
        "views_insert",
        view_id=view_id,
        workspace_id=workspace_id,
        name=name,
        description=description,
        url_path=url_path,
        query=query,
        now=now,
        updated_by=updated_by,
    )


def views_list(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> pd.DataFrame:
    """queries/views_list.sql"""
    return sql.run(con, "views_list", workspace_id=workspace_id)


def views_update(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    view_id: Any,
    name: str,
    description: Any,
    url_path: Any,
    query: Any,
    now: datetime,
    updated_by: Any,
) -> None:
    """queries/views_update.sql"""
    sql.execute(
        con,
        "views_update",
        workspace_id=workspace_id,
        view_id=view_id,
        name=name,
        description=description,
        url_path=url_path,
        query=query,
        now=now,
        updated_by=updated_by,
    )


def workspace_bump(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/workspace_bump.sql"""
    sql.execute(con, "workspace_bump", workspace_id=workspace_id)


def workspace_create(con: duckdb.DuckDBPyConnection, *, name: str) -> pd.DataFrame:
    """queries/workspace_create.sql"""
    return sql.run(con, "workspace_create", name=name)


def workspace_delete(con: duckdb.DuckDBPyConnection, *, workspace_id: int) -> None:
    """queries/workspace_delete.sql"""
    sql.execute(con, "workspace_delete", workspace_id=workspace_id)


def workspace_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """queries/workspace_list.sql"""
    return sql.run(con, "workspace_list")


def workspace_settings_update(
    con: duckdb.DuckDBPyConnection,
    *,
    workspace_id: int,
    min_n: Any,
    conversion_window_seconds: int,
    ces_high_is_easy: Any,
    emotion_threshold: Any,
    mask_pii: bool,
) -> None:
    """queries/workspace_settings_update.sql"""
    sql.execute(
        con,
        "workspace_settings_update",
        workspace_id=workspace_id,
        min_n=min_n,
        conversion_window_seconds=conversion_window_seconds,
        ces_high_is_easy=ces_high_is_easy,
        emotion_threshold=emotion_threshold,
        mask_pii=mask_pii,
    )
