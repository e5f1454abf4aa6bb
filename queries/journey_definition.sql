-- name: journey_definition
-- params: workspace_id
SELECT touchpoint, stage, stage_order, step_order, channel, owner, goal, description, target_csat, in_funnel,
       thoughts, opportunities, ideas
FROM touchpoints
WHERE workspace_id = $workspace_id
ORDER BY stage_order, step_order, touchpoint;
