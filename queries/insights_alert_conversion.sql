-- name: insights_alert_conversion
-- params: workspace_id, personas, segments, channels, stages, steps, only, grain, period_from, period_to, window_seconds, data_end
-- Conversion to the next step, per funnel step and period: of the customers with an event at
-- step k ($steps, in journey order) in the period, how many had an event at step k + 1 at or
-- after it and within the conversion window (a two-step funnel per period cohort; a customer
-- counts once per step and period, converted when any of their step-k events was followed in
-- time). Only events whose window has fully passed before $data_end (the last event of the view)
-- count (the last event whatever the date filter), so the last period is not a half-observed
-- cohort. $only: the steps wanted (empty: all).
-- The channel and stage filters choose the steps, not the events that follow them. Customers are
-- a 64-bit hash of their id and steps their position, so the joins run on integers.
WITH steps AS (
    SELECT unnest($steps::VARCHAR[]) AS touchpoint, generate_subscripts($steps::VARCHAR[], 1) AS k
), e AS (
    SELECT hash(e.customer_id) AS cust, s.k, e.ts, e.touchpoint, e.channel
    FROM filtered_events_lean($workspace_id, NULL, NULL, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[]) e
    JOIN steps s USING (touchpoint)
    WHERE e.ts >= CAST($period_from AS TIMESTAMP)
      AND e.ts < CAST($period_to AS TIMESTAMP) + INTERVAL 1 DAY + to_seconds($window_seconds::BIGINT)
), a AS (
    SELECT cust, k, ts, date_trunc($grain, ts)::DATE AS period
    FROM e
    WHERE ts < CAST($period_to AS TIMESTAMP) + INTERVAL 1 DAY
      AND ts + to_seconds($window_seconds::BIGINT) <= $data_end::TIMESTAMP
      AND k < len($steps::VARCHAR[])
      AND (len($only::VARCHAR[]) = 0 OR list_contains($only::VARCHAR[], touchpoint))
      AND jl_in_view($workspace_id, touchpoint, channel, $channels::VARCHAR[], $stages::VARCHAR[])
), b AS (
    SELECT cust, k - 1 AS k, ts AS next_ts FROM e WHERE k > 1
), per_customer AS (
    -- a hash join on (customer, step) with the window as a range condition (a customer has few
    -- events per step, so the pairs stay few), then one row per customer, step and period
    SELECT a.k, a.period, a.cust, bool_or(b.cust IS NOT NULL) AS hit
    FROM a LEFT JOIN b ON a.cust = b.cust AND a.k = b.k
     AND b.next_ts >= a.ts AND b.next_ts <= a.ts + to_seconds($window_seconds::BIGINT)
    GROUP BY a.k, a.period, a.cust
)
SELECT ($steps::VARCHAR[])[k] AS touchpoint, ($steps::VARCHAR[])[k + 1] AS next_touchpoint,
       period, count(*)::BIGINT AS n, count(*) FILTER (WHERE hit)::BIGINT AS converted
FROM per_customer
GROUP BY k, period
ORDER BY touchpoint, period;
