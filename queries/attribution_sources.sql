-- name: attribution_sources
-- params: workspace_id
-- What attribution can read in a workspace: events (and whether any carries a conversion flag or
-- a value) and aggregated path files.
SELECT (SELECT count(*) FROM events WHERE workspace_id = $workspace_id) AS events,
       (SELECT count(*) FROM events
        WHERE workspace_id = $workspace_id AND (converted IS TRUE OR value > 0)) AS conversion_events,
       (SELECT count(*) FROM path_counts WHERE workspace_id = $workspace_id) AS path_rows;
