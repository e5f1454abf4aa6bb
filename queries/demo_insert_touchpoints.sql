-- name: demo_insert_touchpoints
-- params: workspace_id, dataset_id
-- runner: execute
-- The demo journey definition, from the frame journeylens.services.demo registers as demo_touchpoints_src.
INSERT INTO touchpoints (workspace_id, dataset_id, touchpoint, stage, stage_order, step_order,
                         channel, owner, goal, description, target_csat, in_funnel,
                         thoughts, opportunities, ideas)
SELECT $workspace_id, $dataset_id, touchpoint, stage, stage_order, step_order, channel, owner,
       goal, description, target_csat, in_funnel,
       nullif(thoughts, ''), nullif(opportunities, ''), nullif(ideas, '')
FROM demo_touchpoints_src
ORDER BY step_order;
