-- name: dataset_insert
-- params: workspace_id, kind, source_name, sha256, source_format, rows_loaded, rows_rejected, mapping
INSERT INTO datasets (workspace_id, kind, source_name, sha256, source_format, rows_loaded,
                      rows_rejected, mapping)
VALUES ($workspace_id, $kind, $source_name, $sha256, $source_format, $rows_loaded, $rows_rejected,
        $mapping)
RETURNING dataset_id;
