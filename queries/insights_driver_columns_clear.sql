-- name: insights_driver_columns_clear
-- params: workspace_id
-- runner: execute
-- Forget the marked driver questions of a workspace (before marking a new list).
DELETE FROM driver_columns WHERE workspace_id = $workspace_id;
