-- name: funnel_dropped
-- Customers whose chosen chain reached step $step - 1 but not $step, most recent first, with the
-- touchpoint of their last event between that step's event and the end of the window, and their
-- non-empty survey comments (all of the customer's responses in the workspace, oldest first).
-- total_dropped counts every such customer, not just the first $limit.
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, steps, window_seconds, strict, ex_touchpoints, ex_from, ex_to, step, limit, mask_pii
WITH chains AS (
    SELECT * FROM funnel_chains(
        $workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[],
        $channels::VARCHAR[], $stages::VARCHAR[], $steps::VARCHAR[], $window_seconds::BIGINT,
        $strict::BOOLEAN, $ex_touchpoints::VARCHAR[], $ex_from::INTEGER[], $ex_to::INTEGER[]
    )
),
reached AS (
    SELECT customer_id, t1,
           [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10][$step::INTEGER - 1] AS reached_at
    FROM chains
    WHERE depth = $step::INTEGER - 1
),
page AS (
    SELECT customer_id, t1, reached_at, count(*) OVER () AS total_dropped
    FROM reached
    ORDER BY reached_at DESC, customer_id
    LIMIT $limit::BIGINT
),
last_event AS (
    SELECT p.customer_id,
           arg_max(e.touchpoint, struct_pack(e.ts, e.dataset_id, e.src_row)) AS last_touchpoint,
           max(e.ts) AS last_ts
    FROM page p
    JOIN filtered_events_lean(
        $workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[],
        $channels::VARCHAR[], $stages::VARCHAR[]
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
       coalesce(c.n_comments, 0) AS n_comments, p.total_dropped
FROM page p
LEFT JOIN last_event l USING (customer_id)
LEFT JOIN comments c USING (customer_id)
ORDER BY p.reached_at DESC, p.customer_id;
