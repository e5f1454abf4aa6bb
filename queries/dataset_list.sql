-- name: dataset_list
-- params: workspace_id
SELECT dataset_id, kind, source_name, source_format, sha256, rows_loaded, rows_rejected, loaded_at,
       mapping
FROM datasets WHERE workspace_id = $workspace_id ORDER BY dataset_id;
