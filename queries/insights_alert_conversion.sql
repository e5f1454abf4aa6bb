-- name: insights_alert_conversion
-- params: workspace_id, personas, segments, channels, stages, extras, steps, only, grain, period_from, period_to, window_seconds, data_end, use_cohorts
-- Conversion to the next step, per funnel step and period: of the customers with an event at
-- step k ($steps, in journey order) in the period, how many had an event at step k + 1 at or
-- after it and within the conversion window (a two-step funnel per period cohort; a customer
-- counts once per step and period, converted when any of their step-k events was followed in
-- time). Only events whose window has fully passed before $data_end (the last event of the view)
-- count (the last event whatever the date filter), so the last period is not a half-observed
-- cohort. $only: the steps wanted (empty: all).
-- The channel and stage filters choose the steps, not the events that follow them. Customers are
-- a 64-bit hash of their id and steps their position, so the joins run on integers (jl_step_hits,
-- queries/macros.sql). $use_cohorts (the view has no persona / segment / channel / stage filter and
-- conversion_cohorts matches the data, steps and window): read the cohorts kept at write time.
SELECT touchpoint, next_touchpoint, period, n, converted
FROM conversion_cohorts
WHERE workspace_id = $workspace_id AND $use_cohorts AND grain = $grain
  AND period BETWEEN $period_from AND $period_to
  AND (len($only::VARCHAR[]) = 0 OR list_contains($only::VARCHAR[], touchpoint))
UNION ALL
SELECT ($steps::VARCHAR[])[k] AS touchpoint, ($steps::VARCHAR[])[k + 1] AS next_touchpoint,
       period, count(*)::BIGINT AS n, count(*) FILTER (WHERE hit)::BIGINT AS converted
FROM (
    SELECT k, date_trunc($grain, ts)::DATE AS period, cust, bool_or(hit) AS hit
    FROM jl_step_hits($workspace_id, $personas::VARCHAR[], $segments::VARCHAR[], $extras::VARCHAR[], $steps::VARCHAR[],
                      CAST($period_from AS TIMESTAMP), CAST($period_to AS TIMESTAMP) + INTERVAL 1 DAY,
                      $window_seconds::BIGINT, $data_end::TIMESTAMP)
    WHERE NOT $use_cohorts
      AND (len($only::VARCHAR[]) = 0 OR list_contains($only::VARCHAR[], touchpoint))
      AND jl_in_view($workspace_id, touchpoint, channel, $channels::VARCHAR[], $stages::VARCHAR[])
    GROUP BY ALL
)
GROUP BY k, period
ORDER BY touchpoint, period;
