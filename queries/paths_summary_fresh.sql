-- name: paths_summary_fresh
-- params: workspace_id
-- Whether the stored unfiltered paths (part 'paths') match the workspace's current data.
SELECT count(*) > 0 AS fresh
FROM summary_versions s
JOIN workspaces w ON w.workspace_id = s.workspace_id AND w.data_version = s.data_version
WHERE s.workspace_id = $workspace_id AND s.part = 'paths';
