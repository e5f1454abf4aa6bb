-- name: workspace_list
SELECT workspace_id, name, created_at, min_n, conversion_window_seconds, ces_high_is_easy,
       emotion_threshold, data_version, mask_pii
FROM workspaces ORDER BY workspace_id;
