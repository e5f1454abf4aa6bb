-- name: insights_workspace_facts
-- params: workspace_id
-- What the insights can be computed on: whether the workspace has events, whether any carries a
-- converted flag, and its journey's last funnel step (a customer who reached it converted, when
-- the events carry no converted flag).
SELECT
    EXISTS (SELECT 1 FROM events WHERE workspace_id = $workspace_id) AS has_events,
    EXISTS (SELECT 1 FROM events WHERE workspace_id = $workspace_id AND converted IS NOT NULL)
        AS has_flags,
    (SELECT touchpoint FROM touchpoints WHERE workspace_id = $workspace_id AND in_funnel
     ORDER BY stage_order DESC, step_order DESC, touchpoint DESC LIMIT 1) AS last_touchpoint;
