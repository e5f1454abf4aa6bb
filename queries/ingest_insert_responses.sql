-- name: ingest_insert_responses
-- params: workspace_id, dataset_id, extra_keys, mask_pii
-- runner: execute
-- Inserts the valid rows of the upload being loaded. jl_rows is the importer's per-connection temp
-- view (canonical, typed columns; extra_vals lines up with $extra_keys, the unmapped column names).
INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, customer_id, touchpoint,
                       submitted_at, nps, csat, ces, emotion, comment, persona, segment, channel,
                       extra)
SELECT $workspace_id, $dataset_id, src_row, response_id, customer_id, touchpoint, submitted_at,
       nps, csat, ces, emotion,
       CASE WHEN $mask_pii THEN mask_pii(comment) ELSE comment END,
       persona, segment, channel,
       map_from_entries(list_filter(list_zip($extra_keys::VARCHAR[], extra_vals),
                                    lambda x: x[2] IS NOT NULL))
FROM jl_rows
ORDER BY src_row;
