-- name: share_touch
-- params: link_id, now
-- runner: execute
UPDATE share_links SET last_used_at = $now WHERE link_id = $link_id;
