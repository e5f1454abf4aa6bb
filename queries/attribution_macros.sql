-- name: attribution_macros
-- The journeys that attribution credits, as one relation for both inputs (journeylens/attribution.py
-- creates these TEMP macros on the cursor; temp: works on a read-only database too).
-- jl_attribution_paths(...): one row per journey, path = its touchpoints in order (repeats kept),
-- ages = seconds from each touch to the conversion (NULL when there are no times), conversions,
-- value and nulls (journeys that did not convert).
-- * From the touchpoint log ($use_files false): each customer's filtered events in
--   (ts, dataset_id, src_row) order are cut after every conversion event (jl_is_conversion): a
--   journey is the touches since the customer's previous conversion (or first event) and, when it
--   converted, the conversion event, whose value it carries (NULL value: 0). The conversion event
--   itself is not a touch. Touches after a customer's last conversion form a journey that did not
--   convert. A conversion with no touch before it has an empty path (counted, not credited).
-- * From aggregated path files ($use_files true): the rows of path_counts (the view filters do
--   not apply: such files have no dates or customers).
-- The events are sorted once and read through streaming windows (no PARTITION BY); a journey's
-- touches are collected as (row number, touchpoint, time) and sorted by row number, so the order
-- never depends on how the aggregate received them.
CREATE OR REPLACE TEMP MACRO jl_attribution_paths(ws, d0, d1, personas, segments, channels, stages, conversion_tp, use_files) AS TABLE
WITH ev AS (
    SELECT customer_id, touchpoint, ts, value,
           jl_is_conversion(touchpoint, converted, value, conversion_tp) AS is_conv
    FROM filtered_events_lean(ws, d0, d1, personas, segments, channels, stages)
    WHERE NOT use_files
    ORDER BY customer_id, ts, dataset_id, src_row
), marked AS (
    SELECT *, row_number() OVER () AS rn,
           lag(customer_id) OVER () IS DISTINCT FROM customer_id
               OR coalesce(lag(is_conv) OVER (), FALSE) AS opens
    FROM ev
), numbered AS (
    SELECT *, sum(opens::BIGINT) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS journey
    FROM marked
), journeys AS (
    SELECT list_sort(list({'rn': rn, 'tp': touchpoint, 'ts': ts}) FILTER (WHERE NOT is_conv))
               AS touches,
           count(*) FILTER (WHERE is_conv) AS conversions,
           coalesce(sum(coalesce(value, 0)) FILTER (WHERE is_conv), 0) AS value,
           max(ts) FILTER (WHERE is_conv) AS converted_at
    FROM numbered
    GROUP BY journey
)
SELECT coalesce(list_transform(touches, lambda x: x.tp), []::VARCHAR[]) AS path,
       CASE WHEN converted_at IS NOT NULL THEN list_transform(
           touches, lambda x: (epoch_us(converted_at) - epoch_us(x.ts)) / 1e6) END AS ages,
       conversions::DOUBLE AS conversions,
       value::DOUBLE AS value,
       (conversions = 0)::DOUBLE AS nulls
FROM journeys
UNION ALL
SELECT path, NULL::DOUBLE[] AS ages, conversions, value, nulls
FROM path_counts
WHERE workspace_id = ws AND use_files;
