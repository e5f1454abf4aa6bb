-- generated from queries/templates/insights_alert_scores.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: insights_alert_scores
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, use_cube, grain
-- Counts are summed as DOUBLE (exact to 2^53): summed as BIGINT, DuckDB 2.0's
-- compressed_materialization narrows them and the totals wrap past 32,767 under a stage filter
-- (seen at 10M answers; tests/unit/test_insights_sql.py).
-- Alerts and their trend charts: score counts per touchpoint and period (the first day of the
-- week or month; grain checked by the caller) of the filtered view, from the response cube.
SELECT touchpoint, date_trunc($grain, day)::DATE AS period,
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
WHERE day IS NOT NULL AND touchpoint IS NOT NULL
GROUP BY ALL
ORDER BY touchpoint, period;
