-- name: paths_flow_unfiltered
-- params: workspace_id, steps
-- queries/paths_flow.sql for the unfiltered view from each customer's first event, repeats
-- collapsed, converted = a conversion event by flag or value: read in stored order, one pass, with
-- the order check `bad` (see queries/paths_dfg_unfiltered.sql; rows with step -1 count the bad
-- rows). Kept at write time (journeylens/services/paths.py refresh_summary).
WITH marked AS (
    SELECT customer_id, touchpoint,
           lag(customer_id) OVER () IS DISTINCT FROM customer_id AS first_row,
           lag(touchpoint) OVER () AS prev_touchpoint,
           coalesce(lag(customer_id) OVER () > customer_id
                    OR (lag(customer_id) OVER () = customer_id
                        AND (lag(ts) OVER (), lag(dataset_id) OVER (), lag(src_row) OVER ())
                            > (ts, dataset_id, src_row)), FALSE) AS bad
    FROM events
    WHERE workspace_id = $workspace_id
), compact AS (  -- the path steps (repeats collapsed), and the rows out of order
    SELECT customer_id, touchpoint AS target, first_row, bad,
           CASE WHEN NOT first_row THEN prev_touchpoint END AS source,
           row_number() OVER () AS rn
    FROM marked
    WHERE first_row OR touchpoint <> prev_touchpoint OR bad
), steps AS (
    SELECT *,
           rn - max(CASE WHEN first_row THEN rn END)
                    OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) + 1 AS step
    FROM compact
), converters AS (  -- a plain scan of its own: the streaming rows above are read once
    SELECT DISTINCT customer_id FROM events
    WHERE workspace_id = $workspace_id AND jl_is_conversion(touchpoint, converted, value, NULL)
)
SELECT customer_id IN (SELECT customer_id FROM converters) AS converted,
       CASE WHEN bad THEN -1 ELSE step END::INTEGER AS step,
       CASE WHEN NOT bad AND step > 1 THEN source END AS source,
       CASE WHEN bad THEN '(order)' ELSE target END AS target,
       count(*) AS customers
FROM steps
WHERE bad OR step <= $steps
GROUP BY ALL
ORDER BY converted, step, source NULLS FIRST, target;
