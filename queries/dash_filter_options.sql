-- name: dash_filter_options
-- params: workspace_id, use_facets
-- The values offered by the sidebar filters: distinct personas, segments, channels; stages and
-- touchpoints in journey order (touchpoints only seen in the data go last, alphabetically); and
-- the first and last date across answers and events. $use_facets (workspace_facets is current, see
-- dashboards/options.py) reads the distinct values kept at load time instead of scanning every row.
WITH r AS (
    SELECT persona, segment, channel, touchpoint, first_ts, last_ts FROM workspace_facets
    WHERE workspace_id = $workspace_id AND source = 'responses' AND $use_facets
    UNION ALL
    SELECT persona, segment, channel, touchpoint, submitted_at, submitted_at FROM responses
    WHERE workspace_id = $workspace_id AND NOT $use_facets
), e AS (
    SELECT persona, segment, channel, touchpoint, first_ts, last_ts FROM workspace_facets
    WHERE workspace_id = $workspace_id AND source = 'events' AND $use_facets
    UNION ALL
    SELECT persona, segment, channel, touchpoint, ts, ts FROM events
    WHERE workspace_id = $workspace_id AND NOT $use_facets
),
d AS (SELECT * FROM touchpoints WHERE workspace_id = $workspace_id),
personas AS (
    SELECT persona AS v FROM r UNION SELECT persona FROM e
), segments AS (
    SELECT segment AS v FROM r UNION SELECT segment FROM e
), channels AS (
    SELECT channel AS v FROM r UNION SELECT channel FROM e UNION SELECT channel FROM d
), stages AS (
    SELECT stage AS v, min(stage_order) AS o FROM d GROUP BY stage
), tps AS (
    SELECT touchpoint AS v, stage_order, step_order FROM d
    UNION ALL
    SELECT DISTINCT touchpoint, NULL, NULL FROM (
        SELECT touchpoint FROM r UNION SELECT touchpoint FROM e
    )
    WHERE touchpoint IS NOT NULL AND touchpoint NOT IN (SELECT touchpoint FROM d)
)
SELECT
    coalesce((SELECT list(v ORDER BY v) FROM personas WHERE v IS NOT NULL), []) AS personas,
    coalesce((SELECT list(v ORDER BY v) FROM segments WHERE v IS NOT NULL), []) AS segments,
    coalesce((SELECT list(v ORDER BY v) FROM channels WHERE v IS NOT NULL), []) AS channels,
    coalesce((SELECT list(v ORDER BY o, v) FROM stages WHERE v IS NOT NULL), []) AS stages,
    coalesce((
        SELECT list(v ORDER BY stage_order IS NULL, stage_order, step_order, v) FROM tps
    ), []) AS touchpoints,
    least(
        (SELECT min(first_ts) FROM r), (SELECT min(first_ts) FROM e)
    )::DATE AS first_date,
    greatest(
        (SELECT max(last_ts) FROM r), (SELECT max(last_ts) FROM e)
    )::DATE AS last_date;
