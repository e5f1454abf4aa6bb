-- name: insights_driver_sums
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, outcome, outcome_touchpoint, driver, columns, buckets, last_touchpoint, use_scores, use_events, sample_per_mille
-- Key drivers: the sufficient statistics of every pair of variables, per bucket of customers.
-- One value per customer and variable (the mean of their answers): the outcome y and each driver
-- x (a touchpoint's CSAT / CES / emotion, or a marked numeric extra column). The model's
-- population is the customers with an outcome and at least one driver value. For each pair
-- (a, b) of variables (a_var NULL = the outcome, first; drivers with a_var <= b_var) and each
-- bucket g = cust % $buckets (cust: a 64-bit hash of the customer key, see customer_scores in
-- queries/schema.sql): n, Σa, Σb, Σa², Σb², Σab over the customers with both (pairwise-complete).
-- journeylens/domain/stats.py turns them into correlations and resamples the buckets (the
-- bootstrap) without reading a row.
-- $outcome: 'nps' (the customer's NPS answers at $outcome_touchpoint, or on answers without a
-- touchpoint when it is NULL: the overall NPS) | 'conversion' (over the customers with events:
-- an event flagged converted where the view's events carry the flag, else reaching
-- $last_touchpoint; the channel and stage filters do not hide a conversion). $driver: 'csat' |
-- 'ces' | 'emotion' | 'columns'.
-- $use_scores / $use_events (the view is unfiltered, but for a stage filter on the scores, and the
-- write-time summaries match the data, see journeylens/services/insights/drivers/inputs.py): read
-- customer_scores / customer_events instead of
-- grouping every answer / event; the same numbers. Parameters fold into constants, so DuckDB
-- drops the branches not asked for.
-- $sample_per_mille (1..1000): the model's customers are a random sample of this size, by another
-- part of the same hash than the bucket (journeylens/services/insights/drivers/inputs.py caps the population: the
-- work grows with customers × their pairs of answers).
WITH rows_r AS NOT MATERIALIZED (
    SELECT hash(coalesce(customer_id, response_id, dataset_id::VARCHAR || ':' || src_row::VARCHAR)) AS cust,
           dataset_id, src_row, touchpoint, nps::DOUBLE AS nps,
           CASE $driver WHEN 'csat' THEN csat::DOUBLE WHEN 'ces' THEN ces::DOUBLE
                        WHEN 'emotion' THEN emotion_value(emotion, csat, nps) END AS metric
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE NOT $use_scores AND jl_in_sample(cust, $sample_per_mille)
), scores AS NOT MATERIALIZED (
    SELECT cust, touchpoint, n_nps, nps_sum,
           CASE $driver WHEN 'csat' THEN n_csat WHEN 'ces' THEN n_ces ELSE n_emotion END AS n_metric,
           CASE $driver WHEN 'csat' THEN csat_sum WHEN 'ces' THEN ces_sum ELSE emotion_sum END AS metric_sum
    FROM customer_scores
    WHERE workspace_id = $workspace_id AND $use_scores AND jl_in_sample(cust, $sample_per_mille)
      AND jl_in_view($workspace_id, touchpoint, NULL, []::VARCHAR[], $stages::VARCHAR[])
), ev_rows AS NOT MATERIALIZED (
    SELECT hash(customer_id) AS cust, touchpoint, converted
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[], $extras::VARCHAR[])
    WHERE $outcome = 'conversion' AND jl_in_sample(cust, $sample_per_mille)
), ev AS (
    SELECT cust, converted AS flag FROM customer_events
    WHERE workspace_id = $workspace_id AND $use_events AND $outcome = 'conversion'
      AND jl_in_sample(cust, $sample_per_mille)
    UNION ALL
    SELECT cust, bool_or(converted) AS flag FROM ev_rows WHERE NOT $use_events GROUP BY cust
), reached AS (
    SELECT DISTINCT cust FROM ev_rows
    WHERE touchpoint = $last_touchpoint AND NOT coalesce((SELECT bool_or(flag IS NOT NULL) FROM ev), FALSE)
), y AS (
    SELECT cust, sum(nps_sum) / sum(n_nps) AS y
    FROM (
        SELECT cust, touchpoint, n_nps, nps_sum FROM scores WHERE n_nps > 0
        UNION ALL
        SELECT cust, touchpoint, 1 AS n_nps, nps AS nps_sum FROM rows_r WHERE nps IS NOT NULL
    )
    WHERE $outcome = 'nps'
      AND CASE WHEN $outcome_touchpoint::VARCHAR IS NULL THEN touchpoint IS NULL
               ELSE touchpoint = $outcome_touchpoint::VARCHAR END
    GROUP BY cust
    UNION ALL
    SELECT cust,
           CASE WHEN coalesce((SELECT bool_or(flag IS NOT NULL) FROM ev), FALSE)
                THEN coalesce(flag, FALSE)
                ELSE cust IN (SELECT cust FROM reached) END::DOUBLE AS y
    FROM ev
), ys AS (
    SELECT * FROM y  -- the sample is taken in the scans above (jl_in_sample)
), x AS (
    SELECT cust, touchpoint AS var, sum(metric_sum) / sum(n_metric) AS x
    FROM (
        SELECT s.cust, s.touchpoint, s.n_metric, s.metric_sum
        FROM scores s SEMI JOIN ys USING (cust)
        WHERE s.n_metric > 0
        UNION ALL
        SELECT r.cust, r.touchpoint, 1 AS n_metric, r.metric AS metric_sum
        FROM rows_r r SEMI JOIN ys USING (cust)
        WHERE r.metric IS NOT NULL
    )
    WHERE $driver IN ('csat', 'ces', 'emotion') AND touchpoint IS NOT NULL
      AND touchpoint IS DISTINCT FROM (CASE WHEN $outcome = 'nps' THEN $outcome_touchpoint::VARCHAR END)
    GROUP BY cust, touchpoint
    UNION ALL
    SELECT cust, e.key AS var, avg(TRY_CAST(replace(trim(e.value), ',', '.') AS DOUBLE)) AS x
    FROM (
        SELECT rx.cust, unnest(map_entries(s.extra)) AS e
        FROM (SELECT * FROM rows_r SEMI JOIN ys USING (cust)) rx
        JOIN responses s
          ON s.workspace_id = $workspace_id AND s.dataset_id = rx.dataset_id AND s.src_row = rx.src_row
        WHERE $driver = 'columns'
    )
    WHERE list_contains($columns::VARCHAR[], e.key)
    GROUP BY cust, e.key
    HAVING x IS NOT NULL
), var_ids AS (
    -- the drivers as small integers (the outcome is 0), so the pairs join and group on integers
    SELECT var, row_number() OVER (ORDER BY var)::INTEGER AS vi FROM (SELECT DISTINCT var FROM x)
), vals AS (
    SELECT cust, 0 AS vi, y AS val FROM ys SEMI JOIN x USING (cust)
    UNION ALL
    SELECT x.cust, v.vi, x.x AS val FROM x JOIN var_ids v USING (var)
), pairs AS (
    SELECT (a.cust % $buckets)::INTEGER AS g, a.vi AS ai, b.vi AS bi,
           count(*)::DOUBLE AS n, sum(a.val) AS sx, sum(b.val) AS sy,
           sum(a.val * a.val) AS sxx, sum(b.val * b.val) AS syy, sum(a.val * b.val) AS sxy
    FROM vals a JOIN vals b ON a.cust = b.cust AND a.vi <= b.vi
    GROUP BY ALL
)
SELECT p.g, va.var AS a_var, vb.var AS b_var, p.n, p.sx, p.sy, p.sxx, p.syy, p.sxy
FROM pairs p
LEFT JOIN var_ids va ON va.vi = p.ai
LEFT JOIN var_ids vb ON vb.vi = p.bi
ORDER BY p.g, a_var NULLS FIRST, b_var NULLS FIRST;
