-- name: demo_insert_responses
-- params: workspace_id, dataset_id
-- runner: execute
-- The demo survey answers, from the frame journeylens.services.demo registers as demo_responses_src.
INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, customer_id, touchpoint,
                       submitted_at, nps, csat, ces, emotion, comment, persona, segment, channel)
SELECT $workspace_id, $dataset_id, src_row, response_id, customer_id, touchpoint, submitted_at,
       nps, csat, ces, emotion, comment, persona, segment, channel
FROM demo_responses_src
ORDER BY src_row;
