-- name: insights_alert_scores
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, use_cube, grain
-- Counts are summed as DOUBLE (exact to 2^53): summed as BIGINT, DuckDB 2.0's
-- compressed_materialization narrows them and the totals wrap past 32,767 under a stage filter
-- (seen at 10M answers; tests/unit/test_insights_sql.py).
-- Alerts and their trend charts: score counts per touchpoint and period (the first day of the
-- week or month; grain checked by the caller) of the filtered view, from the response cube.
SELECT touchpoint, date_trunc($grain, day)::DATE AS period,
    {{ score_sums(double_counts=True) }}
FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
WHERE day IS NOT NULL AND touchpoint IS NOT NULL
GROUP BY ALL
ORDER BY touchpoint, period;
