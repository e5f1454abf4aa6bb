-- name: views_by_name
-- params: workspace_id, name
SELECT view_id, name, description, url_path, query, created_at, updated_at, updated_by
FROM saved_views WHERE workspace_id = $workspace_id AND lower(name) = lower($name);
