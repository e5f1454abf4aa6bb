-- name: views_delete
-- params: workspace_id, view_id
-- runner: execute
DELETE FROM saved_views WHERE workspace_id = $workspace_id AND view_id = $view_id;
