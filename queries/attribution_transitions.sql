-- name: attribution_transitions
-- The first-order Markov chain of the journeys (journeylens/domain/attribution_models.py solves it),
-- from the run's TEMP table of touches (queries/attribution_journeys.sql): consecutive repeats of
-- a touchpoint are collapsed (as ChannelAttribution does: a touch equal to the one before it adds
-- no transition), then every journey adds its weight (conversions + nulls) to (start) -> first
-- touch and to each touch -> next different touch, its conversions to last touch ->
-- (conversion) (with their value) and its nulls to last touch -> (null). Journeys with no touch
-- play no part.
WITH t AS (
    SELECT * FROM jl_attribution_touches WHERE touchpoint IS NOT NULL AND weight > 0
)
SELECT coalesce(prev_touchpoint, '(start)') AS source, touchpoint AS target,
       sum(weight) AS weight, NULL::DOUBLE AS value
FROM t
WHERE prev_touchpoint IS NULL OR prev_touchpoint <> touchpoint
GROUP BY ALL
UNION ALL
SELECT touchpoint, '(conversion)', sum(conversions), sum(value)
FROM t WHERE closes AND conversions > 0
GROUP BY touchpoint
UNION ALL
SELECT touchpoint, '(null)', sum(nulls), NULL
FROM t WHERE closes AND nulls > 0
GROUP BY touchpoint
ORDER BY source, target;
