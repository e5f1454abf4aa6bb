-- name: share_revoke
-- params: link_id
-- runner: execute
UPDATE share_links SET revoked = TRUE WHERE link_id = $link_id;
