-- name: funnel_rows
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, codes, strict, by, group_names, group_rules, with_ids, parts, part
-- runner: run_arrow
-- The events the funnel engine (journeylens/domain/funnel_engine.py) reads, one row each, in the order its
-- semantics need: customer, then (ts, dataset_id, src_row), the file order breaking ties.
-- customer: a 64-bit hash (it only marks where a customer's rows end); t: µs; code: the position
-- of the touchpoint in $codes (the distinct steps, then the exclusions), 0 for any other
-- touchpoint, which is read only in strict order (where any event in between breaks a chain).
-- grp ($by: 'persona' | 'segment' | 'channel' | 'col:<extra column>', else NULL) and cid, the customer id ($with_ids), are read
-- are read only for a breakdown or the drop-off list. The customers are split into $parts parts by hash,
-- read one $part at a time, so that each sort and each set of arrays stays small.
-- By 'persona' with $group_names / $group_rules (the defined personas), each event is read once for
-- every persona whose rule it matches (jl_groups; NULL for none), and a customer's events of
-- one persona form their own chain (the chain key is customer and persona), so each persona's
-- funnel is the one its persona filter gives.
WITH e AS (
    SELECT *
    FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE ($strict OR list_contains($codes::VARCHAR[], touchpoint))
      AND hash(customer_id) % $parts::UBIGINT = $part::UBIGINT
), x AS (
    SELECT customer_id AS chain_key, customer_id, ts, dataset_id, src_row, touchpoint,
           CASE $by::VARCHAR WHEN 'persona' THEN persona WHEN 'segment' THEN segment
                WHEN 'channel' THEN channel ELSE jl_extra_by($by::VARCHAR, extra) END AS grp
    FROM e
    WHERE NOT jl_by_groups($by::VARCHAR, $group_rules::VARCHAR[])
    UNION ALL
    SELECT e.customer_id || chr(31) || coalesce(pg.group_name, '') AS chain_key,
           e.customer_id, e.ts, e.dataset_id, e.src_row, e.touchpoint, pg.group_name AS grp
    FROM e LEFT JOIN jl_groups($group_names::VARCHAR[], $group_rules::VARCHAR[]) pg
        ON jl_rule_hit(pg.group_rule, e.persona, e.segment, e.channel, e.extra)
    WHERE jl_by_groups($by::VARCHAR, $group_rules::VARCHAR[])
)
SELECT hash(chain_key) AS customer,
       epoch_us(ts) AS t,
       coalesce(list_position($codes::VARCHAR[], touchpoint), 0)::TINYINT AS code,
       grp,
       CASE WHEN $with_ids THEN customer_id END AS cid
FROM x
ORDER BY chain_key, ts, dataset_id, src_row;
