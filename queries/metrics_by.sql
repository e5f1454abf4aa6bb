-- name: metrics_by
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, by
-- Score counts per group for the CLI's `metrics --by`. The grouping column is chosen by a bound
-- parameter, never spliced into the SQL text.
WITH r AS (
    SELECT *,
        CASE $by
            WHEN 'touchpoint' THEN touchpoint
            WHEN 'segment' THEN segment
            WHEN 'persona' THEN persona
            WHEN 'channel' THEN channel
            WHEN 'stage' THEN stage
            WHEN 'month' THEN strftime(submitted_at, '%Y-%m')
            ELSE 'all'
        END AS grp
    FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[],
                            $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
)
SELECT
    coalesce(grp, '(none)') AS "group",
    min(stage_order) AS stage_order,
    min(step_order) AS step_order,
    count(nps) AS n_nps,
    count_if(is_promoter(nps)) AS promoters,
    count_if(is_passive(nps)) AS passives,
    count_if(is_detractor(nps)) AS detractors,
    count(csat) AS n_csat,
    count_if(is_csat_top2(csat)) AS csat_top2,
    coalesce(sum(csat), 0) AS csat_sum,
    count(ces) AS n_ces,
    coalesce(sum(ces), 0) AS ces_sum,
    coalesce(sum(ces * ces), 0) AS ces_sumsq,
    count_if(is_ces_high(ces)) AS ces_high,
    count(emotion_value(emotion, csat, nps)) AS n_emotion,
    coalesce(sum(emotion_value(emotion, csat, nps)), 0) AS emotion_sum,
    coalesce(sum(emotion_value(emotion, csat, nps) ^ 2), 0) AS emotion_sumsq
FROM r
GROUP BY ALL
ORDER BY stage_order NULLS LAST, step_order NULLS LAST, "group";
