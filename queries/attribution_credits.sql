-- name: attribution_credits
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, conversion, use_files, half_life_seconds
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
WITH p AS (
    SELECT path, conversions, value,
           CASE WHEN ages IS NULL
                THEN list_transform(generate_series(1, len(path)), lambda k: (len(path) - k)::DOUBLE)
                ELSE list_transform(ages, lambda a: a / $half_life_seconds) END AS halves
    FROM jl_attribution_paths($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $conversion::VARCHAR, $use_files)
    WHERE conversions > 0
), touches AS (
    SELECT unnest(path) AS touchpoint,
           unnest(generate_series(1, len(path))) AS i,
           unnest(halves) AS halves,
           len(path) AS n,
           list_min(halves) AS nearest,
           list_sum(list_transform(halves, lambda h: pow(0.5, h - list_min(halves)))) AS decay_total,
           conversions, value
    FROM p
    WHERE len(path) > 0
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
FROM p
WHERE len(path) = 0
ORDER BY touchpoint NULLS LAST;
