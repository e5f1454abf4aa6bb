-- name: funnel_dropped
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, window_seconds, mask_pii
-- The drop-off list's details for one page of customers (jl_dropped_page: customer_id, t1 = their
-- chain's step-1 time, reached_at = the time of the last step they reached, registered by
-- journeylens/services/funnel/dropoff.py from the funnel engine's chains): the touchpoint of their last filtered
-- event from reached_at to the end of the window, and their non-empty survey comments (all of the
-- customer's responses in the workspace, oldest first).
WITH page AS (
    SELECT * FROM jl_dropped_page
),
last_event AS (
    SELECT p.customer_id,
           arg_max(e.touchpoint, struct_pack(e.ts, e.dataset_id, e.src_row)) AS last_touchpoint,
           max(e.ts) AS last_ts
    FROM page p
    JOIN filtered_events_lean(
        $workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[],
        $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[]
    ) e
      ON e.customer_id = p.customer_id
     AND e.ts >= p.reached_at
     AND e.ts <= p.t1 + to_seconds($window_seconds::BIGINT)
    GROUP BY p.customer_id
),
comments AS (
    SELECT r.customer_id,
           string_agg(trim(CASE WHEN $mask_pii THEN mask_pii(r.comment) ELSE r.comment END), ' | ' ORDER BY r.submitted_at NULLS FIRST, r.dataset_id, r.src_row) AS comments,
           arg_max(trim(CASE WHEN $mask_pii THEN mask_pii(r.comment) ELSE r.comment END), struct_pack(r.submitted_at, r.dataset_id, r.src_row)) AS latest_comment,
           count(*) AS n_comments
    FROM responses r
    WHERE r.workspace_id = $workspace_id
      AND r.customer_id IN (SELECT customer_id FROM page)
      AND trim(coalesce(r.comment, '')) <> ''
    GROUP BY r.customer_id
)
SELECT p.customer_id, p.reached_at, l.last_touchpoint, l.last_ts, c.comments, c.latest_comment,
       coalesce(c.n_comments, 0) AS n_comments
FROM page p
LEFT JOIN last_event l USING (customer_id)
LEFT JOIN comments c USING (customer_id)
ORDER BY p.reached_at DESC, p.customer_id;
