-- name: journey_insert
-- params: workspace_id
-- runner: execute
-- The edited journey definition, from the frame journeylens.services.journey registers as journey_src.
INSERT INTO touchpoints (workspace_id, dataset_id, touchpoint, stage, stage_order, step_order,
                         channel, owner, goal, description, target_csat, in_funnel,
                         thoughts, opportunities, ideas)
SELECT $workspace_id, NULL, touchpoint, stage, stage_order, step_order, channel, owner, goal,
       description, target_csat, in_funnel, thoughts, opportunities, ideas
FROM journey_src;
