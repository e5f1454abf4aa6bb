-- generated from queries/templates/dash_kpis.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: dash_kpis
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, cur_from, cur_to, prev_from, prev_to, use_cube
-- Score counts for the filtered view ('overall'), and for the comparison period and the period
-- before it ('current', 'previous'); the other filters apply to all three. Sums of response_cube
-- rows (filtered_cube_lean, queries/macros.sql); one scan per period, each pruned by its dates.
SELECT 'overall' AS period,
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
UNION ALL
SELECT 'current' AS period,
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
FROM filtered_cube_lean($workspace_id, $cur_from, $cur_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
UNION ALL
SELECT 'previous' AS period,
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
FROM filtered_cube_lean($workspace_id, $prev_from, $prev_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube);
