-- name: insights_driver_columns_put
-- params: workspace_id, columns
-- runner: execute
-- Mark extra columns as driver questions (added to the ones already marked).
INSERT OR IGNORE INTO driver_columns (workspace_id, column_name)
SELECT $workspace_id, c FROM (SELECT unnest($columns::VARCHAR[]) AS c) WHERE c IS NOT NULL AND trim(c) <> '';
