-- name: attribution_credits
-- The heuristic models' credits per touchpoint, in conversions and in value (each model gives
-- every converting journey's conversions and value out to its touches, so each model adds up to
-- the credited totals), from the run's TEMP tables (queries/attribution_journeys.sql):
--   first_touch / last_touch: all to the first / last touch;
--   linear: 1/n to each of the n touches (repeats count as touches);
--   position_based: 40% first, 40% last, 20% shared by the touches between (one touch: 100%;
--     two: 50% each);
--   time_decay: weight 2^(-age / half-life) per touch, normalised over the journey; age is the
--     time from the touch to the conversion (weights taken relative to the journey's last touch,
--     so old touches cannot underflow to 0/0). Path files have no times: there a touch's age is
--     the number of steps before the last touch, in half-lives (weights 1, 1/2, 1/4, ...).
-- Plus one row with touchpoint NULL: the conversions and value of journeys with no touch.
WITH w AS MATERIALIZED (
    SELECT t.journey, t.touchpoint, t.i, j.n, j.conversions, j.value,
           pow(0.5, j.x_last - t.x) AS decay
    FROM jl_attribution_touches t
    JOIN jl_attribution_journeys j USING (journey)
    WHERE j.conversions > 0 AND t.touchpoint IS NOT NULL
), totals AS (
    SELECT journey, sum(decay) AS decay_total FROM w GROUP BY journey
), weighted AS (
    SELECT touchpoint, conversions, value,
           (i = 1)::DOUBLE AS w_first,
           (i = n)::DOUBLE AS w_last,
           1.0 / n AS w_linear,
           CASE WHEN n = 1 THEN 1.0
                WHEN n = 2 THEN 0.5
                WHEN i = 1 OR i = n THEN 0.4
                ELSE 0.2 / (n - 2) END AS w_position,
           decay / decay_total AS w_decay
    FROM w JOIN totals USING (journey)
)
SELECT touchpoint,
       sum(conversions * w_first) AS first_touch,
       sum(conversions * w_last) AS last_touch,
       sum(conversions * w_linear) AS linear,
       sum(conversions * w_position) AS position_based,
       sum(conversions * w_decay) AS time_decay,
       sum(value * w_first) AS first_touch_value,
       sum(value * w_last) AS last_touch_value,
       sum(value * w_linear) AS linear_value,
       sum(value * w_position) AS position_based_value,
       sum(value * w_decay) AS time_decay_value
FROM weighted
GROUP BY touchpoint
UNION ALL
SELECT NULL AS touchpoint, sum(conversions), NULL, NULL, NULL, NULL, sum(value), NULL, NULL, NULL,
       NULL
FROM jl_attribution_touches
WHERE touchpoint IS NULL AND conversions > 0
ORDER BY touchpoint NULLS LAST;
