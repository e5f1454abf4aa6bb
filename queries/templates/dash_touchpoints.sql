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
    {{ score_sums }}
    FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
    WHERE touchpoint IS NOT NULL
    GROUP BY touchpoint
), {{ include("touchpoint_volume") }}
), {{ include("touchpoint_set") }}
)
SELECT
    row_number() OVER (
        ORDER BY d.stage_order IS NULL, d.stage_order, d.step_order,
                 jl_tp_rank($workspace_id)[tps.touchpoint], tps.touchpoint
    ) AS position,
    tps.touchpoint, d.stage, d.stage_order, d.step_order, d.channel, d.owner, d.goal,
    d.target_csat,
    {{ include("touchpoint_volume_columns") }}
    s.* EXCLUDE (touchpoint, n_responses)
FROM tps
LEFT JOIN defs d USING (touchpoint)
LEFT JOIN scores s USING (touchpoint)
LEFT JOIN vol v USING (touchpoint)
ORDER BY position;
