-- name: paths_summary_put
-- params: workspace_id, in_order, d_source, d_target, d_count, d_starts, d_median, f_converted, f_step, f_source, f_target, f_customers
-- runner: execute
-- Replaces a workspace's stored unfiltered paths (journeylens/services/paths.py refresh_summary) and marks
-- them valid for the data version the writer's coming workspace_bump creates. The d_* lists are
-- the rows of queries/paths_dfg.sql, the f_* lists those of queries/paths_flow.sql. $in_order: the stored rows were found in the
-- paths' order (part 'paths_order': journeylens/domain/path_kernel.py may then read them unsorted).
{{ replace_rows("path_dfg_summary", source="$d_source::VARCHAR[]", target="$d_target::VARCHAR[]",
                count="$d_count::BIGINT[]", starts="$d_starts::BIGINT[]", median="$d_median::DOUBLE[]") }}
{{ replace_rows("path_flow_summary", converted="$f_converted::BOOLEAN[]", step="$f_step::INTEGER[]",
                source="$f_source::VARCHAR[]", target="$f_target::VARCHAR[]",
                customers="$f_customers::BIGINT[]") }}
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'paths';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT workspace_id, 'paths', data_version + 1 FROM workspaces WHERE workspace_id = $workspace_id;
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'paths_order';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT workspace_id, 'paths_order', data_version + 1 FROM workspaces
WHERE workspace_id = $workspace_id AND $in_order;
