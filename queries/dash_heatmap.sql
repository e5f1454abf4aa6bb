-- generated from queries/templates/dash_heatmap.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: dash_heatmap
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, by, group_names, group_rules, use_cube
-- Score counts per touchpoint x column, the column chosen by $by ('segment' | 'persona' |
-- 'channel' | 'month' | 'stage' | 'col:<extra column>', checked by the caller; an extra column
-- reads the answers, not the cube). Blank column values show as '—'. By 'persona' with
-- $group_names / $group_rules (the defined personas), an answer is in every matching persona's
-- column (jl_groups), in the definitions' order.
WITH c AS (
    SELECT *
    FROM filtered_cube($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
    WHERE touchpoint IS NOT NULL
), r AS (
    SELECT c.*, jl_column($by, segment, persona, channel, stage, day, extra) AS col,
        CASE WHEN $by = 'stage' THEN stage_order END AS col_sort
    FROM c
    WHERE NOT jl_by_groups($by, $group_rules::VARCHAR[])
    UNION ALL BY NAME
    SELECT c.*, coalesce(pg.group_name, '—') AS col, pg.group_pos AS col_sort
    FROM c LEFT JOIN jl_groups($group_names::VARCHAR[], $group_rules::VARCHAR[]) pg
        ON jl_rule_hit(pg.group_rule, c.persona, c.segment, c.channel, c.extra)
    WHERE jl_by_groups($by, $group_rules::VARCHAR[])
)
SELECT
    dense_rank() OVER (
        ORDER BY stage_order IS NULL, stage_order, step_order,
                 jl_tp_rank($workspace_id)[touchpoint], touchpoint
    ) AS position,
    touchpoint, stage, stage_order, step_order,
    col AS "column",
    dense_rank() OVER (ORDER BY col_sort NULLS LAST, col = '—', col) AS column_position,
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
FROM r
GROUP BY touchpoint, stage, stage_order, step_order, col, col_sort
ORDER BY position, column_position;
