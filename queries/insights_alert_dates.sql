-- name: insights_alert_dates
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, use_cube, use_facets
-- The first and last day with answers and the first and last event of the filtered view: the
-- alerts' last complete period ends on or before the later last day, and a step's conversion
-- counts only the events whose conversion window has fully passed before the last event.
-- $use_facets (workspace_facets matches the data, see journeylens/services/insights/alerts.py): the first /
-- last timestamps kept at load time per persona x segment x channel x touchpoint give the same
-- answer without a scan of every event; a date filter clamps them (a view filtered to end on
-- 30 June reaches 30 June when the data goes on past it).
WITH facets AS (
    SELECT source, first_ts, last_ts FROM workspace_facets
    WHERE workspace_id = $workspace_id AND $use_facets
      AND jl_in_personas($personas::VARCHAR[], persona, segment,
                         coalesce(channel, jl_tp_channels($workspace_id)[touchpoint]),
                         NULL::MAP(VARCHAR, VARCHAR))
      AND (len($segments::VARCHAR[]) = 0 OR list_contains($segments::VARCHAR[], segment))
      AND (source = 'events'
           OR jl_in_view($workspace_id, touchpoint, channel, $channels::VARCHAR[], $stages::VARCHAR[]))
)
SELECT
    coalesce(
        (SELECT CASE WHEN count(*) > 0 THEN least(max(last_ts)::DATE, $date_to::DATE) END
         FROM facets WHERE source = 'responses'),
        (SELECT max(day) FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
         WHERE day IS NOT NULL AND NOT $use_facets)) AS last_answer_day,
    coalesce(
        (SELECT CASE WHEN count(*) > 0 THEN greatest(min(first_ts)::DATE, $date_from::DATE) END
         FROM facets WHERE source = 'responses'),
        (SELECT min(day) FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
         WHERE day IS NOT NULL AND NOT $use_facets)) AS first_answer_day,
    coalesce(
        (SELECT CASE WHEN count(*) > 0 THEN least(max(last_ts),
                CAST($date_to AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 SECOND) END
         FROM facets WHERE source = 'events'),
        (SELECT max(ts) FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[], $extras::VARCHAR[])
         WHERE NOT $use_facets)) AS last_event,
    coalesce(
        (SELECT CASE WHEN count(*) > 0 THEN greatest(min(first_ts), CAST($date_from AS TIMESTAMP)) END
         FROM facets WHERE source = 'events'),
        (SELECT min(ts) FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[], $extras::VARCHAR[])
         WHERE NOT $use_facets)) AS first_event,
    -- the end of the follow-up: the last event whatever the date filter (the next steps of a
    -- conversion are looked up past the filter's end)
    coalesce(
        (SELECT max(last_ts) FROM facets WHERE source = 'events'),
        (SELECT max(ts) FROM filtered_events_lean($workspace_id, NULL, NULL, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[], $extras::VARCHAR[])
         WHERE NOT $use_facets)) AS data_end;
