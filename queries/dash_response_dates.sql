-- name: dash_response_dates
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, use_cube
-- First and last answer date under the filters (used to pick the comparison periods).
SELECT min(day) AS first_date, max(day) AS last_date, jl_count(answers) AS n
FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube);
