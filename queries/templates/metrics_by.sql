-- name: metrics_by
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, by, group_names, group_rules, use_cube
-- Score counts per group for the CLI's `metrics --by`. The grouping column is chosen by a bound
-- parameter, never spliced into the SQL text. By 'persona' with $group_names / $group_rules (the
-- defined personas), each persona's answers (jl_groups: an answer matching two rules is in
-- both; one matching none is '(none)').
WITH c AS (
    SELECT *
    FROM filtered_cube($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
), r AS (
    SELECT c.*,
        CASE $by
            WHEN 'touchpoint' THEN touchpoint
            WHEN 'segment' THEN segment
            WHEN 'persona' THEN persona
            WHEN 'channel' THEN channel
            WHEN 'stage' THEN stage
            WHEN 'month' THEN strftime(day, '%Y-%m')
            ELSE 'all'
        END AS grp
    FROM c
    WHERE NOT jl_by_groups($by, $group_rules::VARCHAR[])
    UNION ALL BY NAME
    SELECT c.*, pg.group_name AS grp
    FROM c LEFT JOIN jl_groups($group_names::VARCHAR[], $group_rules::VARCHAR[]) pg
        ON jl_rule_hit(pg.group_rule, c.persona, c.segment, c.channel, c.extra)
    WHERE jl_by_groups($by, $group_rules::VARCHAR[])
)
SELECT
    coalesce(grp, '(none)') AS "group",
    -- touchpoints (and stages) in journey order, then the customers' own order; others by name
    CASE WHEN $by IN ('touchpoint', 'stage') THEN min(stage_order) END AS stage_order,
    CASE WHEN $by = 'touchpoint' THEN min(step_order) END AS step_order,
    CASE WHEN $by = 'touchpoint' THEN min(jl_tp_rank($workspace_id)[touchpoint]) END AS tp_rank,
    {{ score_sums }}
FROM r
GROUP BY ALL
ORDER BY stage_order NULLS LAST, step_order NULLS LAST, tp_rank NULLS LAST, "group";
