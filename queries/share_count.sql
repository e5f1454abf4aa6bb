-- name: share_count
-- params: workspace_id
SELECT count(*) AS links FROM share_links WHERE workspace_id = $workspace_id;
