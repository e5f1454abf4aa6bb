-- name: funnel_rows_count
-- params: workspace_id, touchpoints
-- How many events the funnel's touchpoints have ($touchpoints; NULL: all), before the view's
-- filters: sizes the parts of queries/funnel_rows.sql when the facets are stale.
SELECT count(*) FROM events
WHERE workspace_id = $workspace_id
  AND ($touchpoints::VARCHAR[] IS NULL OR list_contains($touchpoints::VARCHAR[], touchpoint));
