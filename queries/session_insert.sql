-- name: session_insert
-- params: session_id, expires_at, client
-- runner: execute
INSERT INTO editor_sessions (session_id, expires_at, client)
VALUES ($session_id, $expires_at, $client);
