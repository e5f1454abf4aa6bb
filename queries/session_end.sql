-- name: session_end
-- params: session_id, now
-- runner: execute
UPDATE editor_sessions SET ended_at = $now WHERE session_id = $session_id AND ended_at IS NULL;
