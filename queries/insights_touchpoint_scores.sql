-- generated from queries/templates/insights_touchpoint_scores.sql by python -m journeylens.storage.sqlgen; do not edit
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
        coalesce(sum(n_nps::DOUBLE), 0)::BIGINT AS n_nps,
        coalesce(sum(promoters::DOUBLE), 0)::BIGINT AS promoters,
        coalesce(sum(passives::DOUBLE), 0)::BIGINT AS passives,
        coalesce(sum(detractors::DOUBLE), 0)::BIGINT AS detractors,
        coalesce(sum(n_csat::DOUBLE), 0)::BIGINT AS n_csat,
        coalesce(sum(csat_top2::DOUBLE), 0)::BIGINT AS csat_top2,
        jl_total(csat_sum) AS csat_sum,
        coalesce(sum(n_ces::DOUBLE), 0)::BIGINT AS n_ces,
        jl_total(ces_sum) AS ces_sum,
        jl_total(ces_sumsq) AS ces_sumsq,
        coalesce(sum(ces_high::DOUBLE), 0)::BIGINT AS ces_high,
        coalesce(sum(n_emotion::DOUBLE), 0)::BIGINT AS n_emotion,
        jl_total(emotion_sum) AS emotion_sum,
        jl_total(emotion_sumsq) AS emotion_sumsq
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
