-- name: journey_clear
-- params: workspace_id
-- runner: execute
DELETE FROM touchpoints WHERE workspace_id = $workspace_id;
