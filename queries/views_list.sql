-- name: views_list
-- params: workspace_id
SELECT view_id, name, description, url_path, query, created_at, updated_at, updated_by
FROM saved_views WHERE workspace_id = $workspace_id
ORDER BY lower(name), view_id;
