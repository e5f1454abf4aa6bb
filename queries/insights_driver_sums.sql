-- name: insights_driver_sums
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, outcome, outcome_touchpoint, driver, columns, buckets, last_touchpoint
-- Key drivers: the sufficient statistics of every pair of variables, per bucket of customers.
-- One value per customer and variable (the mean of their answers): the outcome y and each driver
-- x (a touchpoint's CSAT / CES / emotion, or a marked numeric extra column). The model's
-- population is the customers with an outcome and at least one driver value. For each pair
-- (a, b) of variables (a_var NULL = the outcome, first; drivers with a_var <= b_var) and each
-- bucket g = hash(customer) % $buckets: n, Σa, Σb, Σa², Σb², Σab over the customers with both
-- (pairwise-complete). journeylens/insights/stats.py turns them into correlations and resamples
-- the buckets (the bootstrap) without reading a row.
-- $outcome: 'nps' (the customer's NPS answers at $outcome_touchpoint, or on answers without a
-- touchpoint when it is NULL: the overall NPS) | 'conversion' (their events: the converted flag
-- where the view's events carry one, else reaching $last_touchpoint; the channel and stage
-- filters do not hide a conversion). $driver: 'csat' | 'ces' | 'emotion' | 'columns'. Parameters
-- fold into constants, so DuckDB drops the branches not asked for.
WITH r AS (
    SELECT coalesce(customer_id, response_id, dataset_id::VARCHAR || ':' || src_row::VARCHAR) AS cust,
           dataset_id, src_row, touchpoint, nps, csat, ces, emotion
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
), ev AS (
    SELECT customer_id AS cust, bool_or(converted) AS flag,
           bool_or(touchpoint = $last_touchpoint) AS reached
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])
    WHERE $outcome = 'conversion'
    GROUP BY customer_id
), y AS (
    SELECT cust, avg(nps)::DOUBLE AS y
    FROM r
    WHERE $outcome = 'nps' AND nps IS NOT NULL
      AND CASE WHEN $outcome_touchpoint::VARCHAR IS NULL THEN touchpoint IS NULL
               ELSE touchpoint = $outcome_touchpoint::VARCHAR END
    GROUP BY cust
    UNION ALL
    SELECT cust,
           CASE WHEN (SELECT bool_or(flag IS NOT NULL) FROM ev) THEN coalesce(flag, FALSE)
                ELSE coalesce(reached, FALSE) END::DOUBLE AS y
    FROM ev
), rx AS (
    SELECT * FROM r SEMI JOIN y USING (cust)
), x AS (
    SELECT cust, touchpoint AS var,
           avg(CASE $driver WHEN 'csat' THEN csat WHEN 'ces' THEN ces
                            ELSE emotion_value(emotion, csat, nps) END)::DOUBLE AS x
    FROM rx
    WHERE $driver IN ('csat', 'ces', 'emotion') AND touchpoint IS NOT NULL
      AND touchpoint IS DISTINCT FROM (CASE WHEN $outcome = 'nps' THEN $outcome_touchpoint::VARCHAR END)
    GROUP BY cust, touchpoint
    HAVING x IS NOT NULL
    UNION ALL
    SELECT cust, e.key AS var, avg(TRY_CAST(replace(trim(e.value), ',', '.') AS DOUBLE)) AS x
    FROM (
        SELECT rx.cust, unnest(map_entries(s.extra)) AS e
        FROM rx JOIN responses s
          ON s.workspace_id = $workspace_id AND s.dataset_id = rx.dataset_id AND s.src_row = rx.src_row
        WHERE $driver = 'columns'
    )
    WHERE list_contains($columns::VARCHAR[], e.key)
    GROUP BY cust, e.key
    HAVING x IS NOT NULL
), vals AS (
    SELECT cust, NULL::VARCHAR AS var, y AS val FROM y SEMI JOIN x USING (cust)
    UNION ALL
    SELECT cust, var, x AS val FROM x
)
SELECT (hash(a.cust) % $buckets)::INTEGER AS g, a.var AS a_var, b.var AS b_var,
       count(*)::DOUBLE AS n, sum(a.val) AS sx, sum(b.val) AS sy,
       sum(a.val * a.val) AS sxx, sum(b.val * b.val) AS syy, sum(a.val * b.val) AS sxy
FROM vals a JOIN vals b
  ON a.cust = b.cust AND (a.var IS NULL OR (b.var IS NOT NULL AND a.var <= b.var))
GROUP BY ALL
ORDER BY g, a_var NULLS FIRST, b_var NULLS FIRST;
