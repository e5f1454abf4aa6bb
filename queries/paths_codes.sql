-- name: paths_codes
-- params: workspace_id, stages
-- What journeylens/domain/path_kernel.py needs besides the rows: the touchpoints of the workspace's
-- events (the codes), the journey definition's touchpoints with their channels, and the
-- touchpoints of the chosen stages (jl_tp_channels / jl_tp_in_stages as lists).
-- The codes are the sources of the stored graph (every event is the source of an edge or an
-- end), written by the same paths_summary_put as the order flag, so they are current whenever
-- in_order is true, and reading them does not scan the events.
SELECT (SELECT coalesce(list(DISTINCT source ORDER BY source), []::VARCHAR[])
        FROM path_dfg_summary WHERE workspace_id = $workspace_id) AS codes,
       (SELECT coalesce(list(touchpoint ORDER BY touchpoint), []::VARCHAR[])
        FROM touchpoints WHERE workspace_id = $workspace_id) AS tp_names,
       (SELECT coalesce(list(channel ORDER BY touchpoint), []::VARCHAR[])
        FROM touchpoints WHERE workspace_id = $workspace_id) AS tp_channels,
       (SELECT coalesce(list(touchpoint), []::VARCHAR[]) FROM touchpoints
        WHERE workspace_id = $workspace_id AND list_contains($stages::VARCHAR[], stage)) AS stage_touchpoints,
       (SELECT count(*) > 0 FROM summary_versions s
        JOIN workspaces w ON w.workspace_id = s.workspace_id AND w.data_version = s.data_version
        WHERE s.workspace_id = $workspace_id AND s.part = 'paths_order') AS in_order;
