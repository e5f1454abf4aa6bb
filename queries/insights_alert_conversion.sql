-- name: insights_alert_conversion
-- params: workspace_id, personas, segments, channels, stages, steps, only, grain, period_from, period_to, window_seconds, data_end
-- Conversion to the next step, per funnel step and period: of the customers with an event at
-- step k ($steps, in journey order) in the period, how many had an event at step k + 1 at or
-- after it and within the conversion window (a two-step funnel per period cohort; a customer
-- counts once per step and period, converted when any of their step-k events was followed in
-- time). Only events whose window has fully passed before $data_end (the view's last event)
-- count, so the last period is not a half-observed cohort. $only: the steps wanted (empty: all).
-- The channel and stage filters choose the steps, not the events that follow them.
WITH e AS (
    SELECT customer_id, touchpoint, ts, channel
    FROM filtered_events_lean($workspace_id, NULL, NULL, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])
    WHERE list_contains($steps::VARCHAR[], touchpoint)
      AND ts >= CAST($period_from AS TIMESTAMP)
      AND ts < CAST($period_to AS TIMESTAMP) + INTERVAL 1 DAY + to_seconds($window_seconds::BIGINT)
), nxt AS (
    SELECT ($steps::VARCHAR[])[i] AS touchpoint, ($steps::VARCHAR[])[i + 1] AS next_touchpoint
    FROM range(1, len($steps::VARCHAR[])) r(i)
), a AS (
    SELECT e.customer_id, e.touchpoint, e.ts, n.next_touchpoint
    FROM e JOIN nxt n USING (touchpoint)
    WHERE e.ts < CAST($period_to AS TIMESTAMP) + INTERVAL 1 DAY
      AND e.ts + to_seconds($window_seconds::BIGINT) <= $data_end::TIMESTAMP
      AND (len($only::VARCHAR[]) = 0 OR list_contains($only::VARCHAR[], e.touchpoint))
      AND jl_in_view($workspace_id, e.touchpoint, e.channel, $channels::VARCHAR[], $stages::VARCHAR[])
), b AS (
    SELECT customer_id, touchpoint AS next_touchpoint, ts AS next_ts FROM e
), j AS (
    SELECT a.*, b.next_ts
    FROM a ASOF LEFT JOIN b
      ON a.customer_id = b.customer_id AND a.next_touchpoint = b.next_touchpoint
     AND b.next_ts >= a.ts
)
SELECT touchpoint, next_touchpoint, date_trunc($grain, ts)::DATE AS period,
       count(DISTINCT customer_id)::BIGINT AS n,
       count(DISTINCT customer_id) FILTER (
           WHERE next_ts <= ts + to_seconds($window_seconds::BIGINT))::BIGINT AS converted
FROM j
GROUP BY ALL
ORDER BY touchpoint, period;
