-- name: dash_response_dates
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages
-- First and last answer date under the filters (used to pick the comparison periods).
SELECT min(submitted_at)::DATE AS first_date, max(submitted_at)::DATE AS last_date, count(*) AS n
FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[]);
