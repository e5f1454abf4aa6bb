-- name: share_insert
-- params: link_id, workspace_id, expires_at, note
INSERT INTO share_links (link_id, workspace_id, expires_at, note)
VALUES ($link_id, $workspace_id, $expires_at, $note);
