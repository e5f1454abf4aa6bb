-- name: funnel_rows_estimate
-- params: workspace_id, touchpoints, personas, segments
-- An upper bound of the events the view's funnel reads ($touchpoints; NULL: every touchpoint, for
-- strict order), from the load-time facets (rows per persona x segment x channel x touchpoint;
-- the date, channel and stage filters are left out): sizes the parts of queries/funnel_rows.sql
-- without a scan of the events. NULL when the facets predate their row counts.
SELECT CASE WHEN count_if(n_rows IS NULL) = 0 THEN coalesce(sum(n_rows), 0) END AS n
FROM workspace_facets
WHERE workspace_id = $workspace_id AND source = 'events'
  AND ($touchpoints::VARCHAR[] IS NULL OR list_contains($touchpoints::VARCHAR[], touchpoint))
  -- the facets keep no extra columns: a rule on one may match any of their rows (an upper bound)
  AND (jl_rules_read_extra($personas::VARCHAR[])
       OR jl_in_personas($personas::VARCHAR[], persona, segment,
                         coalesce(channel, jl_tp_channels($workspace_id)[touchpoint]),
                         NULL::MAP(VARCHAR, VARCHAR)))
  AND (len($segments::VARCHAR[]) = 0 OR list_contains($segments::VARCHAR[], segment));
