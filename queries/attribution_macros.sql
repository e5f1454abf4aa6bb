-- name: attribution_macros
-- runner: script
-- The journeys that attribution credits, one row per touch, for both inputs
-- (journeylens/services/attribution.py creates this TEMP macro on the cursor; temp: works read-only too).
-- jl_attribution_touches(...): journey (an id), touchpoint, i (its position in the journey, from
-- 1; repeats kept), prev_touchpoint (the touch before it in the journey, NULL at i = 1), closes
-- (the journey's last touch), the journey's outcome on its closing row (conversions, value,
-- nulls: the journeys that did not convert), weight (the journey's conversions + nulls, on every
-- row) and x (the touch's time in half-lives, for time decay).
-- * From the touchpoint log ($use_files false): each customer's filtered events in
--   (ts, dataset_id, src_row) order are cut after every conversion event (jl_is_conversion): a
--   journey is the touches since the customer's previous conversion (or first event) and, when it
--   converted, the conversion event, whose value it carries (NULL value: 0). The conversion event
--   itself is not a touch. Touches after a customer's last conversion form a journey that did not
--   convert. A conversion with no touch before it is a row with touchpoint NULL (counted, not
--   credited).
-- * From aggregated path files ($use_files true): the rows of path_counts, unnested; they have
--   no times, so x is the touch's position (time decay then halves per step back).
-- The events are sorted once and read through streaming windows (lag/lead/running sums over the
-- sorted rows, no PARTITION BY). Lists of touches per journey were 8x slower at 50M events.
CREATE OR REPLACE TEMP MACRO jl_attribution_touches(ws, d0, d1, personas, segments, channels, stages, extras, conversion_tp, half_life_seconds, use_files) AS TABLE
WITH ev AS (
    SELECT customer_id, touchpoint, ts, value,
           jl_is_conversion(touchpoint, converted, value, conversion_tp) AS is_conv
    FROM filtered_events_lean(ws, d0, d1, personas, segments, channels, stages, extras)
    WHERE NOT use_files
    ORDER BY customer_id, ts, dataset_id, src_row
), marked AS (
    SELECT touchpoint, is_conv,
           row_number() OVER () AS rn,
           lag(customer_id) OVER () IS DISTINCT FROM customer_id
               OR coalesce(lag(is_conv) OVER (), FALSE) AS opens,
           lag(touchpoint) OVER () AS prev_touchpoint,
           lead(customer_id) OVER () IS DISTINCT FROM customer_id
               OR coalesce(lead(is_conv) OVER (), FALSE) AS closes,
           lead(customer_id) OVER () = customer_id AND coalesce(lead(is_conv) OVER (), FALSE)
               AS converts,
           coalesce(lead(value) OVER (), 0) AS next_value,
           coalesce(value, 0) AS own_value,
           epoch_us(ts) / 1e6 / half_life_seconds AS x
    FROM ev
), opened AS (  -- a journey is named by the row number of its first row
    SELECT *,
           max(CASE WHEN opens THEN rn END)
               OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS journey
    FROM marked
), numbered AS (
    SELECT *, rn - journey + 1 AS i FROM opened
), files AS (
    SELECT dataset_id::BIGINT * 4294967296 + src_row AS journey, path, conversions, value, nulls
    FROM path_counts
    WHERE workspace_id = ws AND use_files
), file_touches AS (
    SELECT journey, unnest(path) AS touchpoint,
           unnest(generate_series(1, len(path))) AS i,
           unnest(list_prepend(NULL::VARCHAR, path[1:len(path) - 1])) AS prev_touchpoint,
           len(path) AS n, conversions, value, nulls
    FROM files
    WHERE len(path) > 0
)
SELECT journey, touchpoint, i::INTEGER AS i,
       CASE WHEN NOT opens THEN prev_touchpoint END AS prev_touchpoint,
       closes,
       CASE WHEN closes AND converts THEN 1.0 ELSE 0.0 END AS conversions,
       CASE WHEN closes AND converts THEN next_value ELSE 0.0 END AS value,
       CASE WHEN closes AND NOT converts THEN 1.0 ELSE 0.0 END AS nulls,
       1.0 AS weight, x
FROM numbered
WHERE NOT is_conv
UNION ALL  -- a conversion that opens its journey had no touch before it
SELECT journey, NULL, 0, NULL, TRUE, 1.0, own_value, 0.0, 1.0, NULL
FROM numbered
WHERE is_conv AND opens
UNION ALL
SELECT journey, touchpoint, i::INTEGER, prev_touchpoint, i = n,
       CASE WHEN i = n THEN conversions ELSE 0 END, CASE WHEN i = n THEN value ELSE 0 END,
       CASE WHEN i = n THEN nulls ELSE 0 END, conversions + nulls, i::DOUBLE
FROM file_touches
UNION ALL
SELECT journey, NULL, 0, NULL, TRUE, conversions, value, nulls, conversions + nulls, NULL
FROM files
WHERE len(path) = 0 AND conversions > 0;
