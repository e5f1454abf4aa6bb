-- generated from queries/templates/dash_emotion.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: dash_emotion
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, by, group_names, group_rules, use_cube
-- Emotion counts per touchpoint (journey order), overall ($by NULL) or per series: per persona
-- ($by 'persona') or per value of a column of the user's files ($by 'col:<column>'), with the
-- number of answers whose emotion came from each source (explicit column, CSAT - 3, rescaled NPS).
-- The series is in `persona`: the persona column's values, or with $group_names / $group_rules
-- (the defined personas) each persona's answers (jl_groups: an answer matching two rules is in
-- both); '—' for a blank value.
WITH f AS (
    SELECT *
    FROM filtered_cube($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
    WHERE touchpoint IS NOT NULL
), c AS (
    SELECT f.* EXCLUDE (persona),
        CASE WHEN $by::VARCHAR IS NOT NULL
             THEN jl_column($by::VARCHAR, segment, persona, channel, stage, day, extra) END AS persona,
        NULL::BIGINT AS persona_pos
    FROM f
    WHERE NOT jl_by_groups($by::VARCHAR, $group_rules::VARCHAR[])
    UNION ALL BY NAME
    SELECT f.* EXCLUDE (persona), coalesce(pg.group_name, '—') AS persona, pg.group_pos AS persona_pos
    FROM f LEFT JOIN jl_groups($group_names::VARCHAR[], $group_rules::VARCHAR[]) pg
        ON jl_rule_hit(pg.group_rule, f.persona, f.segment, f.channel, f.extra)
    WHERE jl_by_groups($by::VARCHAR, $group_rules::VARCHAR[])
), g AS (
    SELECT touchpoint, stage, stage_order, step_order, persona, persona_pos,
    jl_count(src_emotion) AS src_emotion,
    jl_count(src_csat) AS src_csat,
    jl_count(src_nps) AS src_nps,
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
    FROM c
    GROUP BY ALL
)
SELECT
    dense_rank() OVER (
        ORDER BY stage_order IS NULL, stage_order, step_order,
                 jl_tp_rank($workspace_id)[touchpoint], touchpoint
    ) AS position,
    *,
    jl_order_source($workspace_id) AS order_source,
    CASE WHEN src_emotion > 0 AND src_emotion >= src_csat AND src_emotion >= src_nps THEN 'emotion'
         WHEN src_csat > 0 AND src_csat >= src_nps THEN 'csat'
         WHEN src_nps > 0 THEN 'nps' END AS emotion_source
FROM g
ORDER BY position, persona_pos NULLS LAST, persona;
