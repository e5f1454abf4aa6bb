-- name: dash_trend
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, grain
-- Score counts per week or month (grain: 'week' | 'month', checked by the caller).
SELECT date_trunc($grain, submitted_at)::DATE AS period,
    count(nps) AS n_nps,
    count_if(is_promoter(nps)) AS promoters,
    count_if(is_passive(nps)) AS passives,
    count_if(is_detractor(nps)) AS detractors,
    count(csat) AS n_csat,
    count_if(is_csat_top2(csat)) AS csat_top2,
    coalesce(sum(csat::DOUBLE), 0) AS csat_sum,
    count(ces) AS n_ces,
    coalesce(sum(ces::DOUBLE), 0) AS ces_sum,
    coalesce(sum(ces::DOUBLE * ces), 0) AS ces_sumsq,
    count_if(is_ces_high(ces)) AS ces_high,
    count(emotion_value(emotion, csat, nps)) AS n_emotion,
    coalesce(sum(emotion_value(emotion, csat, nps)), 0) AS emotion_sum,
    coalesce(sum(emotion_value(emotion, csat, nps) ^ 2), 0) AS emotion_sumsq
FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
WHERE submitted_at IS NOT NULL
GROUP BY 1
ORDER BY 1;
