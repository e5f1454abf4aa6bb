-- name: insights_alert_dates
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, use_cube
-- The last day with answers and the last event of the filtered view: the alerts' last complete
-- period ends on or before the later of the two days, and a step's conversion counts only the
-- events whose conversion window has fully passed before the last event.
SELECT
    (SELECT max(day) FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $use_cube)
     WHERE day IS NOT NULL) AS last_answer_day,
    (SELECT min(day) FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $use_cube)
     WHERE day IS NOT NULL) AS first_answer_day,
    (SELECT max(ts) FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])) AS last_event,
    (SELECT min(ts) FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])) AS first_event;
