-- name: funnel_default_get
-- params: workspace_id, steps, window_seconds
-- The unfiltered default funnel kept at write time (journeylens/services/funnel/steps.py refresh_default), when
-- it was computed for these steps and window and its 'funnel' part matches the current data.
SELECT f.step, f.touchpoint, f.count, f.median_seconds_from_previous, f.mean_seconds_from_previous
FROM funnel_default f
JOIN summary_versions s ON s.workspace_id = f.workspace_id AND s.part = 'funnel'
JOIN workspaces w ON w.workspace_id = f.workspace_id AND w.data_version = s.data_version
WHERE f.workspace_id = $workspace_id
  AND f.steps = $steps::VARCHAR[]
  AND f.window_seconds = $window_seconds
ORDER BY f.step;
