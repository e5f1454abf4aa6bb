-- name: journey_clear
-- params: workspace_id
DELETE FROM touchpoints WHERE workspace_id = $workspace_id;
