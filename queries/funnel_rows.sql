-- name: funnel_rows
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, steps
-- The step events of the filtered view for journeylens/chains.py, one row each: the customer as a
-- 64-bit hash (it only marks where a customer's rows end: the rows are sorted by the id itself),
-- the time in µs and the step number (the steps are distinct touchpoints on this path).
SELECT hash(customer_id) AS customer,
       epoch_us(ts) AS t,
       list_position($steps::VARCHAR[], touchpoint)::TINYINT AS step
FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
WHERE list_contains($steps::VARCHAR[], touchpoint)
ORDER BY customer_id, ts;
