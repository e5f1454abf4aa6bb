-- name: paths_flow
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, start, steps, keep_repeats, conversion
-- The flow (Sankey) of the filtered touchpoint log as per-step pair counts of distinct customers.
-- Each customer's path is their events in (ts, dataset_id, src_row) order, immediate repeats of a
-- touchpoint collapsed unless $keep_repeats, starting at their first event ($start NULL) or at
-- their first event at touchpoint $start (customers without one have no path), cut at $steps.
-- One row per (converted, step, source, target): `customers` had `target` at path position `step`
-- and `source` at position step - 1 (NULL at step 1). A customer counts once per step, so a
-- step's rows add up to the customers whose path reaches it. `converted`: the customer has a
-- conversion event in the view (jl_is_conversion, queries/macros.sql; $conversion names a
-- conversion touchpoint, or NULL for the converted flag / a value).
-- Positions come from running counts over the sorted rows (streaming windows, no PARTITION BY):
-- rn numbers the path steps of all customers in order, c_rn is the rn of the customer's first
-- step and t_rn the rn of their first $start step.
WITH ev AS (
    SELECT customer_id, touchpoint
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    ORDER BY customer_id, ts, dataset_id, src_row
), marked AS (
    SELECT customer_id, touchpoint,
           lag(customer_id) OVER () IS DISTINCT FROM customer_id AS first_row,
           lag(touchpoint) OVER () AS prev_touchpoint
    FROM ev
), compact AS (
    SELECT customer_id, touchpoint, first_row,
           CASE WHEN NOT first_row THEN prev_touchpoint END AS source,
           coalesce(touchpoint = $start::VARCHAR, FALSE)::BIGINT AS is_start
    FROM marked
    WHERE first_row OR $keep_repeats OR touchpoint <> prev_touchpoint
), numbered AS (
    SELECT *, row_number() OVER () AS rn,
           sum(is_start) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS starts_so_far
    FROM compact
), customer_base AS (
    SELECT *,
           max(CASE WHEN first_row THEN rn END)
               OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_rn,
           max(CASE WHEN first_row THEN starts_so_far - is_start END)
               OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_starts
    FROM numbered
), with_start AS (
    SELECT *,
           max(CASE WHEN is_start = 1 AND starts_so_far - c_starts = 1 THEN rn END)
               OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS t_rn
    FROM customer_base
), steps AS (
    SELECT customer_id, touchpoint AS target,
           rn - CASE WHEN $start::VARCHAR IS NULL THEN c_rn
                     WHEN t_rn >= c_rn THEN t_rn END + 1 AS step,
           source
    FROM with_start
), converters AS (
    SELECT DISTINCT customer_id
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE jl_is_conversion(touchpoint, converted, value, $conversion::VARCHAR)
)
SELECT customer_id IN (SELECT customer_id FROM converters) AS converted,
       step::INTEGER AS step,
       CASE WHEN step > 1 THEN source END AS source,
       target,
       count(*) AS customers
FROM steps
WHERE step BETWEEN 1 AND $steps
GROUP BY ALL
ORDER BY converted, step, source NULLS FIRST, target;
