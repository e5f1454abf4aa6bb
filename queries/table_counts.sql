-- name: table_counts
-- params: workspace_id
SELECT
    (SELECT count(*) FROM responses WHERE workspace_id = $workspace_id) AS responses,
    (SELECT count(*) FROM events WHERE workspace_id = $workspace_id) AS events,
    (SELECT count(*) FROM touchpoints WHERE workspace_id = $workspace_id) AS touchpoints,
    (SELECT count(*) FROM datasets WHERE workspace_id = $workspace_id) AS datasets;
