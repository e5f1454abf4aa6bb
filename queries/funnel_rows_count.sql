-- name: funnel_rows_count
-- params: workspace_id, steps
-- How many events the step touchpoints have (before the view's filters): sizes the parts of
-- queries/funnel_rows.sql.
SELECT count(*) FROM events
WHERE workspace_id = $workspace_id AND list_contains($steps::VARCHAR[], touchpoint);
