-- name: funnel_default_steps
-- The journey's funnel steps (touchpoints not marked optional) in journey order: the default
-- funnel.
-- params: workspace_id
SELECT touchpoint
FROM touchpoints
WHERE workspace_id = $workspace_id AND in_funnel
ORDER BY stage_order, step_order, touchpoint
LIMIT 10;
