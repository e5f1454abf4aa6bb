-- name: dash_trend
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, grain, use_cube
-- Score counts per week or month (grain: 'week' | 'month', checked by the caller).
SELECT date_trunc($grain, day)::DATE AS period,
    {{ score_sums }}
FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
WHERE day IS NOT NULL
GROUP BY 1
ORDER BY 1;
