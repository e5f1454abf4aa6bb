-- name: insights_summary_fresh
-- params: workspace_id
-- Whether the key drivers' customer-level summaries match the workspace's current data.
SELECT
    count(*) FILTER (WHERE s.part = 'cust_scores') > 0 AS scores,
    count(*) FILTER (WHERE s.part = 'cust_events') > 0 AS events
FROM summary_versions s
JOIN workspaces w ON w.workspace_id = s.workspace_id AND w.data_version = s.data_version
WHERE s.workspace_id = $workspace_id;
