-- name: paths_flow_stored
-- params: workspace_id, steps
-- The unfiltered flow from each customer's first event kept at write time (repeats collapsed),
-- in the shape of queries/paths_flow.sql, cut at $steps.
SELECT converted, step, source, target, customers
FROM path_flow_summary
WHERE workspace_id = $workspace_id AND step <= $steps
ORDER BY converted, step, source NULLS FIRST, target;
