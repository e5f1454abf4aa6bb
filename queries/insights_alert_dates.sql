-- name: insights_alert_dates
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, use_cube, use_facets
-- The first and last day with answers and the first and last event of the filtered view: the
-- alerts' last complete period ends on or before the later last day, and a step's conversion
-- counts only the events whose conversion window has fully passed before the last event.
-- $use_facets (no date filter and workspace_facets matches the data, see
-- journeylens/insights/alerts.py): the first / last timestamps kept at load time per persona x
-- segment x channel x touchpoint give the same answer without a scan of every event.
WITH facets AS (
    SELECT source, first_ts, last_ts FROM workspace_facets
    WHERE workspace_id = $workspace_id AND $use_facets
      AND (len($personas::VARCHAR[]) = 0 OR list_contains($personas::VARCHAR[], persona))
      AND (len($segments::VARCHAR[]) = 0 OR list_contains($segments::VARCHAR[], segment))
      AND (source = 'events'
           OR jl_in_view($workspace_id, touchpoint, channel, $channels::VARCHAR[], $stages::VARCHAR[]))
)
SELECT
    coalesce(
        (SELECT max(last_ts)::DATE FROM facets WHERE source = 'responses'),
        (SELECT max(day) FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $use_cube)
         WHERE day IS NOT NULL AND NOT $use_facets)) AS last_answer_day,
    coalesce(
        (SELECT min(first_ts)::DATE FROM facets WHERE source = 'responses'),
        (SELECT min(day) FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $use_cube)
         WHERE day IS NOT NULL AND NOT $use_facets)) AS first_answer_day,
    coalesce(
        (SELECT max(last_ts) FROM facets WHERE source = 'events'),
        (SELECT max(ts) FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])
         WHERE NOT $use_facets)) AS last_event,
    coalesce(
        (SELECT min(first_ts) FROM facets WHERE source = 'events'),
        (SELECT min(ts) FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])
         WHERE NOT $use_facets)) AS first_event;
