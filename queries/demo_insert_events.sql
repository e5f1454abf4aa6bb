-- name: demo_insert_events
-- params: workspace_id, dataset_id
-- runner: execute
-- The demo touchpoint log, from the frame journeylens.services.demo registers as demo_events_src.
-- src_row follows (customer_id, ts): stored in that order it is also the per-customer tiebreak.
INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, ts, channel,
                    persona, segment, value, converted)
SELECT $workspace_id, $dataset_id, src_row, customer_id, touchpoint, ts, channel, persona, segment,
       value, converted
FROM demo_events_src
ORDER BY src_row;
