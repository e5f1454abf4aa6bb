-- name: views_get
-- params: workspace_id, view_id
SELECT view_id, name, description, url_path, query, created_at, updated_at, updated_by
FROM saved_views WHERE workspace_id = $workspace_id AND view_id = $view_id;
