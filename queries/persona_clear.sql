-- name: persona_clear
-- params: workspace_id
-- runner: execute
DELETE FROM personas WHERE workspace_id = $workspace_id;
