-- name: dash_heatmap
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, by
-- Score counts per touchpoint x column, the column chosen by $by ('segment' | 'persona' |
-- 'channel' | 'month' | 'stage', checked by the caller). Blank column values show as '—'.
WITH r AS (
    SELECT *,
        coalesce(CASE $by
            WHEN 'segment' THEN segment
            WHEN 'persona' THEN persona
            WHEN 'channel' THEN channel
            WHEN 'stage' THEN stage
            WHEN 'month' THEN strftime(submitted_at, '%Y-%m')
        END, '—') AS col,
        CASE WHEN $by = 'stage' THEN stage_order END AS col_sort
    FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
    WHERE touchpoint IS NOT NULL
)
SELECT
    dense_rank() OVER (
        ORDER BY stage_order IS NULL, stage_order, step_order, touchpoint
    ) AS position,
    touchpoint, stage, stage_order, step_order,
    col AS "column",
    dense_rank() OVER (ORDER BY col_sort NULLS LAST, col = '—', col) AS column_position,
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
FROM r
GROUP BY touchpoint, stage, stage_order, step_order, col, col_sort
ORDER BY position, column_position;
