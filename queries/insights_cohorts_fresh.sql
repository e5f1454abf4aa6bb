-- name: insights_cohorts_fresh
-- params: workspace_id, steps, window_seconds, period_from
-- Whether conversion_cohorts matches the workspace's data and was computed for these funnel steps
-- and this window, from $period_from on.
SELECT
    EXISTS (SELECT 1 FROM summary_versions s JOIN workspaces w
            ON w.workspace_id = s.workspace_id AND w.data_version = s.data_version
            WHERE s.workspace_id = $workspace_id AND s.part = 'cohorts')
    AND NOT EXISTS (SELECT 1 FROM conversion_cohorts WHERE workspace_id = $workspace_id
                    AND (steps <> $steps::VARCHAR[] OR window_seconds <> $window_seconds::BIGINT
                         OR since > $period_from::DATE))
    AS fresh;
