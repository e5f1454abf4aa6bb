-- name: dash_summary_fresh
-- params: workspace_id
-- Which unfiltered-view summaries ('volume', 'words', 'facets') match the workspace's current data.
SELECT
    coalesce(bool_or(s.part = 'volume'), false) AS volume,
    coalesce(bool_or(s.part = 'words'), false) AS words,
    coalesce(bool_or(s.part = 'facets'), false) AS facets
FROM summary_versions s
JOIN workspaces w ON w.workspace_id = s.workspace_id AND w.data_version = s.data_version
WHERE s.workspace_id = $workspace_id;
