-- generated from queries/templates/funnel_default_put.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: funnel_default_put
-- params: workspace_id, steps, window_seconds, step, touchpoint, count, median, mean
-- runner: execute
-- Replaces the stored default funnel of a workspace and marks it valid for the data version the
-- writer's coming workspace_bump creates (the lists hold one entry per step; empty: no funnel).
DELETE FROM funnel_default WHERE workspace_id = $workspace_id;
INSERT INTO funnel_default
SELECT $workspace_id, $steps::VARCHAR[], $window_seconds, u.step, u.touchpoint, u.count, u.median,
       u.mean
FROM (
    SELECT unnest($step::INTEGER[]) AS step, unnest($touchpoint::VARCHAR[]) AS touchpoint,
           unnest($count::BIGINT[]) AS count, unnest($median::DOUBLE[]) AS median,
           unnest($mean::DOUBLE[]) AS mean
) u;
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'funnel';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT workspace_id, 'funnel', data_version + 1 FROM workspaces WHERE workspace_id = $workspace_id;
