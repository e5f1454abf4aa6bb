-- name: insights_conversion_impact
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, last_touchpoint
-- Impact on conversion per touchpoint: of the customers who rated it (CSAT) and have events in
-- the view, how many were satisfied there (their mean CSAT at the touchpoint >= 4: answers 4-5)
-- or not (below 4: answers 1-3), and how many of each converted. A customer converted when one of
-- their events carries converted = TRUE (when the view's events carry the flag at all), else when
-- they reached $last_touchpoint (the journey's last funnel step). The channel and stage filters
-- choose the touchpoints rated, not the events that show a conversion.
WITH sat AS (
    SELECT customer_id AS cust, touchpoint, avg(csat) >= 4 AS satisfied
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
    WHERE csat IS NOT NULL AND touchpoint IS NOT NULL AND customer_id IS NOT NULL
    GROUP BY customer_id, touchpoint
), ev AS (
    SELECT customer_id AS cust, bool_or(converted) AS flag,
           bool_or(touchpoint = $last_touchpoint) AS reached
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], []::VARCHAR[], []::VARCHAR[])
    WHERE customer_id IN (SELECT cust FROM sat)
    GROUP BY customer_id
), conv AS (
    SELECT cust,
           CASE WHEN (SELECT bool_or(flag IS NOT NULL) FROM ev) THEN coalesce(flag, FALSE)
                ELSE coalesce(reached, FALSE) END AS converted
    FROM ev
)
SELECT s.touchpoint,
       count(*) FILTER (WHERE s.satisfied)::BIGINT AS n_satisfied,
       count(*) FILTER (WHERE s.satisfied AND c.converted)::BIGINT AS converted_satisfied,
       count(*) FILTER (WHERE NOT s.satisfied)::BIGINT AS n_dissatisfied,
       count(*) FILTER (WHERE NOT s.satisfied AND c.converted)::BIGINT AS converted_dissatisfied
FROM sat s JOIN conv c USING (cust)
GROUP BY s.touchpoint
ORDER BY s.touchpoint;
