-- name: views_insert
-- params: view_id, workspace_id, name, description, url_path, query, now, updated_by
-- runner: execute
INSERT INTO saved_views
    (view_id, workspace_id, name, description, url_path, query, created_at, updated_at, updated_by)
VALUES ($view_id, $workspace_id, $name, $description, $url_path, $query, $now, $now, $updated_by);
