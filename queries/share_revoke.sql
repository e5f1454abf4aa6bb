-- name: share_revoke
-- params: link_id
UPDATE share_links SET revoked = TRUE WHERE link_id = $link_id;
