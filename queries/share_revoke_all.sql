-- name: share_revoke_all
-- params: workspace_id
-- Every link of the workspace not revoked yet (expired ones too: nothing is left to reopen);
-- returns their ids.
UPDATE share_links SET revoked = TRUE
WHERE workspace_id = $workspace_id AND NOT revoked
RETURNING link_id;
