-- name: funnel_default_put
-- params: workspace_id, steps, window_seconds, step, touchpoint, count, median, mean
-- runner: execute
-- Replaces the stored default funnel of a workspace and marks it valid for the data version the
-- writer's coming workspace_bump creates (the lists hold one entry per step; empty: no funnel).
{{ replace_rows("funnel_default", "$steps::VARCHAR[]", "$window_seconds", step="$step::INTEGER[]",
                touchpoint="$touchpoint::VARCHAR[]", count="$count::BIGINT[]",
                median="$median::DOUBLE[]", mean="$mean::DOUBLE[]") }}
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'funnel';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT workspace_id, 'funnel', data_version + 1 FROM workspaces WHERE workspace_id = $workspace_id;
