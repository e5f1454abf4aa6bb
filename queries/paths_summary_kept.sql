-- name: paths_summary_kept
-- params: workspace_id
-- Inside a writer's summaries.refresh, after queries/dash_summary_refresh.sql: whether the stored
-- paths survived it (that query drops a stale part and moves a valid one to the coming version).
SELECT count(*) > 0 AS kept
FROM summary_versions
WHERE workspace_id = $workspace_id AND part = 'paths';
