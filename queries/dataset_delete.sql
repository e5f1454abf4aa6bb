-- name: dataset_delete
-- params: workspace_id, dataset_id
-- runner: execute
-- Removes exactly the rows that one upload brought in.
DELETE FROM responses WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
DELETE FROM events WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
DELETE FROM touchpoints WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
DELETE FROM path_counts WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
-- The unfiltered-view summaries of the workspace no longer match: drop them (the dashboards
-- compute from the rows until the next load rebuilds them).
DELETE FROM summary_versions WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_volume WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_words WHERE workspace_id = $workspace_id;
DELETE FROM workspace_facets WHERE workspace_id = $workspace_id;
DELETE FROM response_cube WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_order WHERE workspace_id = $workspace_id;
DELETE FROM datasets WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
