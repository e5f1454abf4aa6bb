-- name: attribution_journeys
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, conversion, use_files
-- The journeys of one attribution run (jl_attribution_paths, queries/attribution_macros.sql), kept
-- once in a TEMP table of this cursor for queries/attribution_credits.sql and
-- queries/attribution_transitions.sql: as CTEs each query rebuilt them once per reference (at 5M
-- events 15 s of CPU for both queries instead of 4).
CREATE OR REPLACE TEMP TABLE jl_attribution_journeys AS
SELECT * FROM jl_attribution_paths($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $conversion::VARCHAR, $use_files);
