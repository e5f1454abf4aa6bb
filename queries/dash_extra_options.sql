-- name: dash_extra_options
-- params: workspace_id, max_values
-- The columns kept from the user's files (responses.extra / events.extra: Qualtrics embedded data,
-- a region, a plan) that the sidebar offers as filters: those with at most $max_values distinct
-- non-blank values (an id or a free-text column is no filter), each value with its rows.
SELECT "column", value, n FROM (
    SELECT e.key AS "column", e.value AS value, count(*)::BIGINT AS n,
           count(*) OVER (PARTITION BY e.key) AS n_values
    FROM (
        SELECT unnest(map_entries(extra)) AS e FROM responses WHERE workspace_id = $workspace_id
        UNION ALL
        SELECT unnest(map_entries(extra)) AS e FROM events WHERE workspace_id = $workspace_id
    )
    WHERE e.value IS NOT NULL AND trim(e.value) <> ''
    GROUP BY e.key, e.value
)
WHERE n_values <= $max_values
ORDER BY "column", value;
