-- name: workspace_create
-- params: name
INSERT INTO workspaces (name) VALUES ($name) RETURNING workspace_id;
