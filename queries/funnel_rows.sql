-- name: funnel_rows
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, steps, parts, part
-- The step events of the filtered view for journeylens/chains.py, one row each: the customer as a
-- 64-bit hash (it only marks where a customer's rows end: the rows are sorted by the id itself),
-- the time in µs and the step number (the steps are distinct touchpoints on this path).
-- The customers are split into $parts parts by hash, read one $part at a time: each sort and each
-- set of arrays stays small (at 50M events, 5 steps: 2.2 GB peak RSS in one part, 1.5 GB in two).
SELECT hash(customer_id) AS customer,
       epoch_us(ts) AS t,
       list_position($steps::VARCHAR[], touchpoint)::TINYINT AS step
FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
WHERE list_contains($steps::VARCHAR[], touchpoint)
  AND hash(customer_id) % $parts::UBIGINT = $part::UBIGINT
ORDER BY customer_id, ts;
