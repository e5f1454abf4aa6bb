-- name: dash_cube_fresh
-- params: workspace_id
-- Whether response_cube matches the workspace's current data (else filtered_cube reads the rows).
-- Apart from dash_summary_fresh because the cube serves every view, filtered or not.
SELECT count(*) > 0 AS cube
FROM summary_versions s
JOIN workspaces w ON w.workspace_id = s.workspace_id AND w.data_version = s.data_version
WHERE s.workspace_id = $workspace_id AND s.part = 'cube';
