-- name: share_get
-- params: link_id
SELECT link_id, workspace_id, expires_at, revoked FROM share_links WHERE link_id = $link_id;
