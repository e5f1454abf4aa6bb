-- name: ingest_insert_events
-- params: workspace_id, dataset_id, extra_keys
-- runner: execute
-- Inserts the valid rows of the upload being loaded, sorted by (customer, ts) as the funnel and
-- path queries prefer. jl_rows is the importer's per-connection temp view.
INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, ts, channel,
                    persona, segment, value, converted, extra)
SELECT $workspace_id, $dataset_id, src_row, customer_id, touchpoint, ts, channel, persona, segment,
       value, converted,
       map_from_entries(list_filter(list_zip($extra_keys::VARCHAR[], extra_vals),
                                    lambda x: x[2] IS NOT NULL))
FROM jl_rows
ORDER BY customer_id, ts, src_row;
