-- name: insights_conversion_impact
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, last_touchpoint, use_scores, use_events, from_summary
-- Impact on conversion per touchpoint: of the customers who rated it (CSAT) and have events in
-- the view, how many were satisfied there (their mean CSAT at the touchpoint >= 4: answers 4-5)
-- or not (below 4: answers 1-3), and how many of each converted. A customer converted when one of
-- their events carries converted = TRUE (when the view's events carry the flag at all), else when
-- they reached $last_touchpoint (the journey's last funnel step). The channel and stage filters
-- choose the touchpoints rated, not the events that show a conversion. Customers are the 64-bit
-- hash of their id (queries/schema.sql, customer_scores); $use_scores / $use_events read the
-- write-time summaries of the unfiltered view, with the same numbers as the rows; $from_summary
-- (both are usable and the events carry the flag) reads the whole answer from customer_scores,
-- which carries each customer's conversion: one scan, no join.
WITH fast AS (
    SELECT touchpoint, csat_sum / n_csat >= 4 AS satisfied, coalesce(converted, FALSE) AS converted
    FROM customer_scores
    WHERE workspace_id = $workspace_id AND $from_summary
      AND n_csat > 0 AND touchpoint IS NOT NULL AND in_events
      AND jl_in_view($workspace_id, touchpoint, NULL, []::VARCHAR[], $stages::VARCHAR[])
), sat AS (
    SELECT cust, touchpoint, csat_sum / n_csat >= 4 AS satisfied
    FROM customer_scores
    WHERE workspace_id = $workspace_id AND $use_scores AND NOT $from_summary
      AND n_csat > 0 AND touchpoint IS NOT NULL
      AND jl_in_view($workspace_id, touchpoint, NULL, []::VARCHAR[], $stages::VARCHAR[])
    UNION ALL
    SELECT hash(customer_id) AS cust, touchpoint, avg(csat) >= 4 AS satisfied
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE NOT $use_scores AND NOT $from_summary
      AND csat IS NOT NULL AND touchpoint IS NOT NULL AND customer_id IS NOT NULL
    GROUP BY customer_id, touchpoint
), ev_rows AS NOT MATERIALIZED (
    SELECT hash(customer_id) AS cust, touchpoint, converted
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[], $extras::VARCHAR[])
    WHERE NOT $from_summary
), ev AS (
    SELECT cust, converted AS flag FROM customer_events
    WHERE workspace_id = $workspace_id AND $use_events AND NOT $from_summary
    UNION ALL
    SELECT cust, bool_or(converted) AS flag FROM ev_rows WHERE NOT $use_events GROUP BY cust
), flagged AS (
    SELECT coalesce(bool_or(flag IS NOT NULL), FALSE) AS yes FROM ev
), reached AS (
    SELECT DISTINCT cust FROM ev_rows
    WHERE touchpoint = $last_touchpoint AND NOT (SELECT yes FROM flagged)
), conv AS (
    SELECT cust,
           CASE WHEN (SELECT yes FROM flagged) THEN coalesce(flag, FALSE)
                ELSE cust IN (SELECT cust FROM reached) END AS converted
    FROM ev
), pairs AS (
    SELECT s.touchpoint, s.satisfied, c.converted FROM sat s JOIN conv c USING (cust)
    UNION ALL
    SELECT touchpoint, satisfied, converted FROM fast
)
SELECT touchpoint,
       count(*) FILTER (WHERE satisfied)::BIGINT AS n_satisfied,
       count(*) FILTER (WHERE satisfied AND converted)::BIGINT AS converted_satisfied,
       count(*) FILTER (WHERE NOT satisfied)::BIGINT AS n_dissatisfied,
       count(*) FILTER (WHERE NOT satisfied AND converted)::BIGINT AS converted_dissatisfied
FROM pairs
GROUP BY touchpoint
ORDER BY touchpoint;
