-- name: views_update
-- params: workspace_id, view_id, name, description, url_path, query, now, updated_by
-- runner: execute
UPDATE saved_views
SET name = $name, description = $description, url_path = $url_path, query = $query,
    updated_at = $now, updated_by = $updated_by
WHERE workspace_id = $workspace_id AND view_id = $view_id;
