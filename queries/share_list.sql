-- name: share_list
-- params: workspace_id
SELECT link_id, created_at, expires_at, revoked, note
FROM share_links WHERE workspace_id = $workspace_id ORDER BY created_at DESC;
