-- generated from queries/templates/dash_trend.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: dash_trend
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, grain, use_cube
-- Score counts per week or month (grain: 'week' | 'month', checked by the caller).
SELECT date_trunc($grain, day)::DATE AS period,
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
FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
WHERE day IS NOT NULL
GROUP BY 1
ORDER BY 1;
