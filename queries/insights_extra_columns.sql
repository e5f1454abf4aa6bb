-- name: insights_extra_columns
-- params: workspace_id
-- The unmapped (extra) columns of a workspace's answers that hold numbers: candidates for
-- driver questions, with how many answers carry a number in them.
SELECT e.key AS column_name,
       count(TRY_CAST(replace(trim(e.value), ',', '.') AS DOUBLE))::BIGINT AS numbers,
       count(*)::BIGINT AS values
FROM (SELECT unnest(map_entries(extra)) AS e FROM responses WHERE workspace_id = $workspace_id)
GROUP BY e.key
HAVING count(TRY_CAST(replace(trim(e.value), ',', '.') AS DOUBLE)) > 0
ORDER BY e.key;
