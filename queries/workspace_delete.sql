-- name: workspace_delete
-- params: workspace_id
-- runner: execute
DELETE FROM responses WHERE workspace_id = $workspace_id;
DELETE FROM events WHERE workspace_id = $workspace_id;
DELETE FROM touchpoints WHERE workspace_id = $workspace_id;
DELETE FROM summary_versions WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_volume WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_words WHERE workspace_id = $workspace_id;
DELETE FROM workspace_facets WHERE workspace_id = $workspace_id;
DELETE FROM response_cube WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_order WHERE workspace_id = $workspace_id;
DELETE FROM datasets WHERE workspace_id = $workspace_id;
DELETE FROM share_links WHERE workspace_id = $workspace_id;
DELETE FROM saved_views WHERE workspace_id = $workspace_id;
DELETE FROM workspaces WHERE workspace_id = $workspace_id;
DELETE FROM funnel_default WHERE workspace_id = $workspace_id;
DELETE FROM driver_columns WHERE workspace_id = $workspace_id;
DELETE FROM customer_scores WHERE workspace_id = $workspace_id;
DELETE FROM customer_events WHERE workspace_id = $workspace_id;
DELETE FROM conversion_cohorts WHERE workspace_id = $workspace_id;
DELETE FROM path_dfg_summary WHERE workspace_id = $workspace_id;
DELETE FROM path_flow_summary WHERE workspace_id = $workspace_id;
DELETE FROM path_counts WHERE workspace_id = $workspace_id;
DELETE FROM personas WHERE workspace_id = $workspace_id;
