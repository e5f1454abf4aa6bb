-- name: insights_touchpoint_scores
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, use_cube
-- Counts are summed as DOUBLE (exact to 2^53): summed as BIGINT, DuckDB 2.0's
-- compressed_materialization narrows them and the totals wrap past 32,767 under a stage filter
-- (seen at 10M answers; tests/unit/test_insights_sql.py).
-- Key drivers' performance axis and outcome choices: score counts per touchpoint of the filtered
-- view (sums of response_cube rows, filtered_cube_lean; touchpoint NULL = answers without a
-- touchpoint, e.g. an overall NPS question), with the journey definition (target, order, funnel
-- step) and the position in journey order (touchpoints outside the definition last).
WITH scores AS (
    SELECT touchpoint,
        coalesce(sum(answers::DOUBLE), 0)::BIGINT AS answers,
        {{ score_sums(double_counts=True) }}
    FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
    GROUP BY touchpoint
), defs AS (
    SELECT touchpoint, stage, stage_order, step_order, owner, target_csat, in_funnel
    FROM touchpoints WHERE workspace_id = $workspace_id
)
SELECT
    row_number() OVER (
        ORDER BY s.touchpoint IS NULL, d.stage_order IS NULL, d.stage_order, d.step_order,
                 s.touchpoint
    ) AS position,
    s.touchpoint, d.stage, d.stage_order, d.step_order, d.owner, d.target_csat,
    coalesce(d.in_funnel, FALSE) AS in_funnel,
    s.* EXCLUDE (touchpoint)
FROM scores s
LEFT JOIN defs d USING (touchpoint)
ORDER BY position;
