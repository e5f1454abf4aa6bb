-- name: workspace_bump
-- params: workspace_id
-- runner: execute
-- Every write to a workspace bumps its version, which keys the result cache.
UPDATE workspaces SET data_version = data_version + 1 WHERE workspace_id = $workspace_id;
