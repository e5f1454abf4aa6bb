-- name: insights_funnel_steps
-- params: workspace_id
-- Every funnel step of the journey in order (alerts: conversion to the next step; no limit).
SELECT touchpoint
FROM touchpoints
WHERE workspace_id = $workspace_id AND in_funnel
ORDER BY stage_order, step_order, touchpoint;
