-- name: paths_rows
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, codes, tp_names, tp_channels, stage_touchpoints, conversion
-- runner: run_batches
-- The filtered events as journeylens/domain/path_kernel.py reads them: a plain scan in the order the
-- events are stored (no ORDER BY: DuckDB keeps the insertion order of a filtered scan), which is
-- the paths' order (customer_id, ts, dataset_id, src_row) when refresh_summary found the stored
-- rows in that order (part 'paths_order' of summary_versions). The same filters as
-- filtered_events_lean (jl_row_in_view), with the journey definition's lookups passed in as lists ($tp_names,
-- their $tp_channels, the touchpoints of the chosen $stages) so that no join breaks the order.
-- customer: a 64-bit hash that only marks where a customer's rows end; code: the position of the
-- touchpoint in $codes; t: µs; conv: a conversion event (jl_is_conversion).
SELECT hash(e.customer_id) AS customer,
       list_position($codes::VARCHAR[], e.touchpoint)::SMALLINT AS code,
       epoch_us(e.ts) AS t,
       coalesce(jl_is_conversion(e.touchpoint, e.converted, e.value, $conversion::VARCHAR), FALSE) AS conv
FROM events e
WHERE e.workspace_id = $workspace_id
  AND jl_row_in_view($date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[],
                     $stages::VARCHAR[], $stage_touchpoints::VARCHAR[], $extras::VARCHAR[],
                     e.ts, e.persona, e.segment, e.touchpoint,
                     coalesce(e.channel, ($tp_channels::VARCHAR[])[list_position($tp_names::VARCHAR[], e.touchpoint)]),
                     e.extra);
