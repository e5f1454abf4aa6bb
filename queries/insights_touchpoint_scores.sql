-- name: insights_touchpoint_scores
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, use_cube
-- Key drivers' performance axis and outcome choices: score counts per touchpoint of the filtered
-- view (sums of response_cube rows, filtered_cube_lean; touchpoint NULL = answers without a
-- touchpoint, e.g. an overall NPS question), with the journey definition (target, order, funnel
-- step) and the position in journey order (touchpoints outside the definition last).
WITH scores AS (
    SELECT touchpoint,
        jl_count(answers) AS answers,
        jl_count(n_nps) AS n_nps,
        jl_count(promoters) AS promoters,
        jl_count(passives) AS passives,
        jl_count(detractors) AS detractors,
        jl_count(n_csat) AS n_csat,
        jl_count(csat_top2) AS csat_top2,
        jl_total(csat_sum) AS csat_sum,
        jl_count(n_ces) AS n_ces,
        jl_total(ces_sum) AS ces_sum,
        jl_total(ces_sumsq) AS ces_sumsq,
        jl_count(ces_high) AS ces_high,
        jl_count(n_emotion) AS n_emotion,
        jl_total(emotion_sum) AS emotion_sum,
        jl_total(emotion_sumsq) AS emotion_sumsq
    FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $use_cube)
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
