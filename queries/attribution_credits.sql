-- name: attribution_credits
-- params: half_life_seconds
-- The heuristic models' credits per touchpoint, in conversions and in value (each model gives
-- every converting journey's conversions and value out to its touches, so each model adds up to
-- the credited totals):
--   first_touch / last_touch: all to the first / last touch;
--   linear: 1/n to each of the n touches (repeats count as touches);
--   position_based: 40% first, 40% last, 20% shared by the touches between (one touch: 100%;
--     two: 50% each);
--   time_decay: weight 2^(-age / half-life) per touch, normalised over the journey; age is the
--     time from the touch to the conversion (weights taken relative to the nearest touch, so old
--     touches cannot underflow to 0/0). Path files have no times: there a touch's age is the
--     number of steps before the last touch, in half-lives (weights 1, 1/2, 1/4, ... backwards).
-- Plus one row with touchpoint NULL: the conversions and value of journeys with no touch.
WITH h AS (
    SELECT path, conversions, value,
           CASE WHEN ages IS NULL
                THEN list_transform(generate_series(1, len(path)), lambda k: (len(path) - k)::DOUBLE)
                ELSE list_transform(ages, lambda a: a / $half_life_seconds) END AS halves
    FROM jl_attribution_journeys  -- queries/attribution_journeys.sql
    WHERE conversions > 0 AND len(path) > 0
), p AS (  -- per journey, not per touch: an expression next to unnest() runs for every touch
    SELECT *, list_min(halves) AS nearest FROM h
), q AS (
    SELECT *, list_sum(list_transform(halves, lambda x: pow(0.5, x - nearest))) AS decay_total
    FROM p
), touches AS (
    SELECT unnest(path) AS touchpoint,
           unnest(generate_series(1, len(path))) AS i,
           unnest(halves) AS halves,
           len(path) AS n,
           nearest, decay_total, conversions, value
    FROM q
), weighted AS (
    SELECT *,
           (i = 1)::DOUBLE AS w_first,
           (i = n)::DOUBLE AS w_last,
           1.0 / n AS w_linear,
           CASE WHEN n = 1 THEN 1.0
                WHEN n = 2 THEN 0.5
                WHEN i = 1 OR i = n THEN 0.4
                ELSE 0.2 / (n - 2) END AS w_position,
           pow(0.5, halves - nearest) / decay_total AS w_decay
    FROM touches
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
FROM jl_attribution_journeys
WHERE conversions > 0 AND len(path) = 0
ORDER BY touchpoint NULLS LAST;
