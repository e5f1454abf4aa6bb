-- name: share_list
-- params: workspace_id, offset, limit
SELECT link_id, created_at, expires_at, revoked, note, last_used_at
FROM share_links WHERE workspace_id = $workspace_id
ORDER BY created_at DESC, link_id
LIMIT $limit OFFSET $offset;
