-- name: attribution_transitions
-- The first-order Markov chain of the journeys (journeylens/insights/attribution.py solves it):
-- consecutive repeats of a touchpoint are collapsed first (as ChannelAttribution does), then
-- every journey adds its weight (conversions + nulls) to (start) -> first touch and to each
-- touch -> next touch, its conversions to last touch -> (conversion) (with their value) and its
-- nulls to last touch -> (null). Journeys with no touch play no part.
WITH p AS (
    SELECT list_filter(path, lambda x, i: i = 1 OR x <> path[i - 1]) AS path, conversions, value,
           nulls
    FROM jl_attribution_journeys  -- queries/attribution_journeys.sql
    WHERE len(path) > 0 AND conversions + nulls > 0
), steps AS MATERIALIZED (
    SELECT unnest(['(start)'] || path) AS source,
           unnest(path || [NULL::VARCHAR]) AS target,
           conversions, value, nulls
    FROM p
)
SELECT source, target, sum(conversions + nulls) AS weight, NULL::DOUBLE AS value
FROM steps WHERE target IS NOT NULL
GROUP BY source, target
UNION ALL
SELECT source, '(conversion)', sum(conversions), sum(value)
FROM steps WHERE target IS NULL AND conversions > 0
GROUP BY source
UNION ALL
SELECT source, '(null)', sum(nulls), NULL
FROM steps WHERE target IS NULL AND nulls > 0
GROUP BY source
ORDER BY source, target;
