-- name: funnel_default_key
-- params: workspace_id
-- The steps and window the stored default funnel was computed for, if its 'funnel' part is still
-- valid for the current data (before the writer's bump).
SELECT any_value(f.steps) AS steps, any_value(f.window_seconds) AS window_seconds
FROM funnel_default f
JOIN summary_versions s ON s.workspace_id = f.workspace_id AND s.part = 'funnel'
JOIN workspaces w ON w.workspace_id = f.workspace_id AND w.data_version + 1 = s.data_version
WHERE f.workspace_id = $workspace_id;
