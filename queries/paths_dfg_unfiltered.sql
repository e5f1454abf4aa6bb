-- name: paths_dfg_unfiltered
-- params: workspace_id
-- queries/paths_dfg.sql for the unfiltered view, read in the order the events are stored instead
-- of sorted: each upload is stored sorted by (customer_id, ts, src_row), so a workspace with one
-- events upload is stored in the graph's order, and a streaming window over the plain scan reads
-- it in one pass (at 50M events the sorted query spills its sort to disk: 50 s). `bad` counts
-- adjacent rows out of (customer_id, ts, dataset_id, src_row) order (several uploads, or a scan
-- that did not keep the stored order): any bad row and the caller uses queries/paths_dfg.sql.
-- Kept at write time (journeylens/services/paths.py refresh_summary); tests/unit/test_paths.py checks the
-- two queries agree. The filter macro is not used: it has no filter to apply here, and its
-- lookups of the journey definition are joins that do not keep the scan's order.
WITH facts AS (
    SELECT touchpoint AS source,
           CASE WHEN lead(customer_id) OVER () = customer_id
                THEN lead(touchpoint) OVER () END AS target,
           lag(customer_id) OVER () IS DISTINCT FROM customer_id AS is_start,
           round((epoch_us(lead(ts) OVER ()) - epoch_us(ts)) / 1e6)::INTEGER AS gap,
           coalesce(lead(customer_id) OVER () < customer_id
                    OR (lead(customer_id) OVER () = customer_id
                        AND (lead(ts) OVER (), lead(dataset_id) OVER (), lead(src_row) OVER ())
                            < (ts, dataset_id, src_row)), FALSE) AS bad
    FROM events
    WHERE workspace_id = $workspace_id
)
SELECT source, target,
       count(*) AS count,
       count(*) FILTER (WHERE is_start) AS starts,
       median(gap) FILTER (WHERE target IS NOT NULL) AS median_seconds,
       count(*) FILTER (WHERE bad) AS bad
FROM facts
GROUP BY source, target
ORDER BY source, target NULLS FIRST;
