-- name: funnel_workspace_window
-- params: workspace_id
-- The workspace's conversion window in seconds (the default funnel's window).
SELECT conversion_window_seconds FROM workspaces WHERE workspace_id = $workspace_id;
