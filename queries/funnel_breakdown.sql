-- name: funnel_breakdown
-- The funnel per group of the step-1 event's persona / segment / channel ($by). The largest
-- groups by step-1 count are kept ($max_groups at most, counting "Other"); the rest merge into one
-- row flagged is_other. A NULL group is a real group (value not set). funnel_chain_starts:
-- queries/funnel_macros.sql.
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, steps, window_seconds, strict, ex_touchpoints, ex_from, ex_to, by, max_groups
WITH chains AS (
    SELECT *,
           CASE $by::VARCHAR WHEN 'persona' THEN persona WHEN 'segment' THEN segment
                WHEN 'channel' THEN channel END AS grp
    FROM funnel_chain_starts(
        $workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[],
        $channels::VARCHAR[], $stages::VARCHAR[], $steps::VARCHAR[], $window_seconds::BIGINT,
        $strict::BOOLEAN, $ex_touchpoints::VARCHAR[], $ex_from::INTEGER[], $ex_to::INTEGER[]
    )
),
groups AS (
    SELECT grp, count(*) AS n FROM chains GROUP BY grp
),
ranked AS (
    SELECT grp,
           row_number() OVER (ORDER BY n DESC, grp NULLS LAST) AS rk,
           count(*) OVER () AS n_groups
    FROM groups
),
labelled AS (
    SELECT c.*,
           (r.n_groups > $max_groups::INTEGER AND r.rk >= $max_groups::INTEGER) AS is_other
    FROM chains c
    JOIN ranked r ON r.grp IS NOT DISTINCT FROM c.grp
),
durations AS (
    SELECT CASE WHEN is_other THEN NULL ELSE grp END AS grp, is_other,
           t2, t3, t4, t5, t6, t7, t8, t9, t10,
           (epoch_us(t2) - epoch_us(t1)) / 1e6 AS d2,
           (epoch_us(t3) - epoch_us(t2)) / 1e6 AS d3,
           (epoch_us(t4) - epoch_us(t3)) / 1e6 AS d4,
           (epoch_us(t5) - epoch_us(t4)) / 1e6 AS d5,
           (epoch_us(t6) - epoch_us(t5)) / 1e6 AS d6,
           (epoch_us(t7) - epoch_us(t6)) / 1e6 AS d7,
           (epoch_us(t8) - epoch_us(t7)) / 1e6 AS d8,
           (epoch_us(t9) - epoch_us(t8)) / 1e6 AS d9,
           (epoch_us(t10) - epoch_us(t9)) / 1e6 AS d10
    FROM labelled
),
agg AS (
    SELECT grp, is_other,
           [count(*), count(t2), count(t3), count(t4), count(t5), count(t6), count(t7), count(t8),
            count(t9), count(t10)] AS counts,
           [NULL, median(d2), median(d3), median(d4), median(d5), median(d6), median(d7),
            median(d8), median(d9), median(d10)] AS medians,
           [NULL, avg(d2), avg(d3), avg(d4), avg(d5), avg(d6), avg(d7), avg(d8), avg(d9),
            avg(d10)] AS means
    FROM durations
    GROUP BY grp, is_other
)
SELECT grp AS "group", is_other, i::INTEGER AS step, ($steps::VARCHAR[])[i] AS touchpoint,
       counts[i] AS count, medians[i] AS median_seconds_from_previous,
       means[i] AS mean_seconds_from_previous
FROM agg, range(1, len($steps::VARCHAR[]) + 1) r(i)
ORDER BY is_other, counts[1] DESC, "group" NULLS LAST, step;
