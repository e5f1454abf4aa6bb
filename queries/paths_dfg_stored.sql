-- name: paths_dfg_stored
-- params: workspace_id
-- The unfiltered directly-follows graph kept at write time, in the shape of queries/paths_dfg.sql.
SELECT source, target, count, starts, median_seconds
FROM path_dfg_summary
WHERE workspace_id = $workspace_id
ORDER BY source, target NULLS FIRST;
