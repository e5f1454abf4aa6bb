-- name: dash_emotion
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, by_persona
-- Emotion counts per touchpoint (journey order), overall or per persona, with the number of
-- answers whose emotion came from each source (explicit column, CSAT - 3, rescaled NPS).
WITH r AS (
    SELECT *, CASE WHEN $by_persona THEN coalesce(persona, '—') END AS series,
        emotion_source(emotion, csat, nps) AS src
    FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
    WHERE touchpoint IS NOT NULL
), g AS (
    SELECT touchpoint, stage, stage_order, step_order, series AS persona,
        count_if(src = 'emotion')::BIGINT AS src_emotion,
        count_if(src = 'csat')::BIGINT AS src_csat,
        count_if(src = 'nps')::BIGINT AS src_nps,
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
    GROUP BY touchpoint, stage, stage_order, step_order, series
)
SELECT
    dense_rank() OVER (
        ORDER BY stage_order IS NULL, stage_order, step_order, touchpoint
    ) AS position,
    *,
    CASE WHEN src_emotion > 0 AND src_emotion >= src_csat AND src_emotion >= src_nps THEN 'emotion'
         WHEN src_csat > 0 AND src_csat >= src_nps THEN 'csat'
         WHEN src_nps > 0 THEN 'nps' END AS emotion_source
FROM g
ORDER BY position, persona;
