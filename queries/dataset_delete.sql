-- name: dataset_delete
-- params: workspace_id, dataset_id
-- Removes exactly the rows that one upload brought in.
DELETE FROM responses WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
DELETE FROM events WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
DELETE FROM touchpoints WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
DELETE FROM datasets WHERE workspace_id = $workspace_id AND dataset_id = $dataset_id;
