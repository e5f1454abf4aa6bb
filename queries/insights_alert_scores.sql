-- name: insights_alert_scores
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, use_cube, grain
-- Alerts and their trend charts: score counts per touchpoint and period (the first day of the
-- week or month; grain checked by the caller) of the filtered view, from the response cube.
SELECT touchpoint, date_trunc($grain, day)::DATE AS period,
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
WHERE day IS NOT NULL AND touchpoint IS NOT NULL
GROUP BY ALL
ORDER BY touchpoint, period;
