-- name: dataset_by_sha
-- params: workspace_id, sha256, kind
SELECT dataset_id, source_name, loaded_at, rows_loaded
FROM datasets WHERE workspace_id = $workspace_id AND sha256 = $sha256 AND kind = $kind;
