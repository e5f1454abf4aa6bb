-- name: share_insert
-- params: link_id, workspace_id, expires_at, note
-- runner: execute
INSERT INTO share_links (link_id, workspace_id, expires_at, note)
VALUES ($link_id, $workspace_id, $expires_at, $note);
