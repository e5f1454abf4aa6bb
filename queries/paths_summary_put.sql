-- generated from queries/templates/paths_summary_put.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: paths_summary_put
-- params: workspace_id, in_order, d_source, d_target, d_count, d_starts, d_median, f_converted, f_step, f_source, f_target, f_customers
-- runner: execute
-- Replaces a workspace's stored unfiltered paths (journeylens/services/paths.py refresh_summary) and marks
-- them valid for the data version the writer's coming workspace_bump creates. The d_* lists are
-- the rows of queries/paths_dfg.sql, the f_* lists those of queries/paths_flow.sql. $in_order: the stored rows were found in the
-- paths' order (part 'paths_order': journeylens/domain/path_kernel.py may then read them unsorted).
DELETE FROM path_dfg_summary WHERE workspace_id = $workspace_id;
INSERT INTO path_dfg_summary
SELECT $workspace_id, u.source, u.target, u.count, u.starts, u.median
FROM (
    SELECT unnest($d_source::VARCHAR[]) AS source, unnest($d_target::VARCHAR[]) AS target,
           unnest($d_count::BIGINT[]) AS count, unnest($d_starts::BIGINT[]) AS starts,
           unnest($d_median::DOUBLE[]) AS median
) u;
DELETE FROM path_flow_summary WHERE workspace_id = $workspace_id;
INSERT INTO path_flow_summary
SELECT $workspace_id, u.converted, u.step, u.source, u.target, u.customers
FROM (
    SELECT unnest($f_converted::BOOLEAN[]) AS converted, unnest($f_step::INTEGER[]) AS step,
           unnest($f_source::VARCHAR[]) AS source, unnest($f_target::VARCHAR[]) AS target,
           unnest($f_customers::BIGINT[]) AS customers
) u;
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'paths';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT workspace_id, 'paths', data_version + 1 FROM workspaces WHERE workspace_id = $workspace_id;
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'paths_order';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT workspace_id, 'paths_order', data_version + 1 FROM workspaces
WHERE workspace_id = $workspace_id AND $in_order;
