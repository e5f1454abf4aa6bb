-- name: session_get
-- params: session_id, now
-- A live session only: in the table, not ended, not expired.
SELECT session_id, expires_at FROM editor_sessions
WHERE session_id = $session_id AND ended_at IS NULL AND expires_at > $now;
