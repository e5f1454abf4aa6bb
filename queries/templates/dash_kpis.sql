-- name: dash_kpis
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, cur_from, cur_to, prev_from, prev_to, use_cube
-- Score counts for the filtered view ('overall'), and for the comparison period and the period
-- before it ('current', 'previous'); the other filters apply to all three. Sums of response_cube
-- rows (filtered_cube_lean, queries/macros.sql); one scan per period, each pruned by its dates.
SELECT 'overall' AS period,
    {{ score_sums }}
FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
UNION ALL
SELECT 'current' AS period,
    {{ score_sums }}
FROM filtered_cube_lean($workspace_id, $cur_from, $cur_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
UNION ALL
SELECT 'previous' AS period,
    {{ score_sums }}
FROM filtered_cube_lean($workspace_id, $prev_from, $prev_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube);
