-- name: funnel_steps
-- One row per funnel step: customers reaching it (cumulative) and the median / mean seconds from
-- the previous step over those customers. Chains come from funnel_chains (queries/funnel_macros.sql).
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, steps, window_seconds, strict, ex_touchpoints, ex_from, ex_to
WITH chains AS (
    SELECT * FROM funnel_chains(
        $workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[],
        $channels::VARCHAR[], $stages::VARCHAR[], $steps::VARCHAR[], $window_seconds::BIGINT,
        $strict::BOOLEAN, $ex_touchpoints::VARCHAR[], $ex_from::INTEGER[], $ex_to::INTEGER[]
    )
),
durations AS (
    SELECT t2, t3, t4, t5, t6, t7, t8, t9, t10,
           (epoch_us(t2) - epoch_us(t1)) / 1e6 AS d2,
           (epoch_us(t3) - epoch_us(t2)) / 1e6 AS d3,
           (epoch_us(t4) - epoch_us(t3)) / 1e6 AS d4,
           (epoch_us(t5) - epoch_us(t4)) / 1e6 AS d5,
           (epoch_us(t6) - epoch_us(t5)) / 1e6 AS d6,
           (epoch_us(t7) - epoch_us(t6)) / 1e6 AS d7,
           (epoch_us(t8) - epoch_us(t7)) / 1e6 AS d8,
           (epoch_us(t9) - epoch_us(t8)) / 1e6 AS d9,
           (epoch_us(t10) - epoch_us(t9)) / 1e6 AS d10
    FROM chains
),
agg AS (
    SELECT [count(*), count(t2), count(t3), count(t4), count(t5), count(t6), count(t7), count(t8),
            count(t9), count(t10)] AS counts,
           [NULL, median(d2), median(d3), median(d4), median(d5), median(d6), median(d7),
            median(d8), median(d9), median(d10)] AS medians,
           [NULL, avg(d2), avg(d3), avg(d4), avg(d5), avg(d6), avg(d7), avg(d8), avg(d9),
            avg(d10)] AS means
    FROM durations
)
SELECT i::INTEGER AS step, ($steps::VARCHAR[])[i] AS touchpoint, counts[i] AS count,
       medians[i] AS median_seconds_from_previous, means[i] AS mean_seconds_from_previous
FROM agg, range(1, len($steps::VARCHAR[]) + 1) r(i)
ORDER BY step;
