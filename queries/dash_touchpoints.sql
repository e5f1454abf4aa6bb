-- generated from queries/templates/dash_touchpoints.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: dash_touchpoints
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, use_volume, use_cube
-- Score counts and volume per touchpoint in journey order (stage_order, step_order); touchpoints
-- missing from the journey definition go last, alphabetically. Volume is distinct customers with
-- an event at the touchpoint, or the number of answers when the view has no events at all.
-- $use_volume (the view is unfiltered and touchpoint_volume is current, see dashboards/sources.py) reads
-- the volume kept at load time instead of counting distinct customers over every event (a
-- distinct count does not add up, so a filtered view counts it from the events). Score counts
-- are sums of response_cube rows (filtered_cube_lean, queries/macros.sql).
WITH e AS (
    SELECT * FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
), defs AS (
    SELECT touchpoint, stage, stage_order, step_order, channel, owner, goal, target_csat
    FROM touchpoints WHERE workspace_id = $workspace_id
), scores AS (
    SELECT touchpoint, jl_count(answers) AS n_responses,
    jl_count(n_nps) AS n_nps,
    jl_count(promoters) AS promoters,
    jl_count(passives) AS passives,
    jl_count(detractors) AS detractors,
    jl_count(n_csat) AS n_csat,
    jl_count(csat_top2) AS csat_top2,
    jl_total(csat_sum) AS csat_sum,
    jl_count(n_ces) AS n_ces,
    jl_total(ces_sum) AS ces_sum,
    jl_total(ces_sumsq) AS ces_sumsq,
    jl_count(ces_high) AS ces_high,
    jl_count(n_emotion) AS n_emotion,
    jl_total(emotion_sum) AS emotion_sum,
    jl_total(emotion_sumsq) AS emotion_sumsq
    FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
    WHERE touchpoint IS NOT NULL
    GROUP BY touchpoint
), vol AS (
    SELECT touchpoint, customers FROM touchpoint_volume
    WHERE workspace_id = $workspace_id AND $use_volume
    UNION ALL
    SELECT touchpoint, count(DISTINCT customer_id) AS customers FROM e
    WHERE NOT $use_volume
    GROUP BY touchpoint
), has_events AS (
    -- events.touchpoint is NOT NULL: the view has events exactly when vol has a row
    SELECT count(*) > 0 AS yes FROM vol
), tps AS (
    SELECT touchpoint FROM defs
    WHERE (len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], stage))
      AND (len($channels::VARCHAR[]) = 0 OR list_contains($channels::VARCHAR[], channel))
    UNION SELECT touchpoint FROM scores
    UNION SELECT touchpoint FROM vol
)
SELECT
    row_number() OVER (
        ORDER BY d.stage_order IS NULL, d.stage_order, d.step_order,
                 jl_tp_rank($workspace_id)[tps.touchpoint], tps.touchpoint
    ) AS position,
    tps.touchpoint, d.stage, d.stage_order, d.step_order, d.channel, d.owner, d.goal,
    d.target_csat,
    coalesce(s.n_responses, 0) AS n_responses,
    coalesce(v.customers, 0) AS customers,
    CASE WHEN (SELECT yes FROM has_events) THEN coalesce(v.customers, 0)
         ELSE coalesce(s.n_responses, 0) END AS volume,
    CASE WHEN (SELECT yes FROM has_events) THEN 'events' ELSE 'responses' END AS volume_source,
    jl_order_source($workspace_id) AS order_source,
    s.* EXCLUDE (touchpoint, n_responses)
FROM tps
LEFT JOIN defs d USING (touchpoint)
LEFT JOIN scores s USING (touchpoint)
LEFT JOIN vol v USING (touchpoint)
ORDER BY position;
