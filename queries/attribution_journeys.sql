-- name: attribution_journeys
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, conversion, half_life_seconds, use_files
-- runner: execute
-- One attribution run's touches (jl_attribution_touches, queries/attribution_macros.sql) and
-- journeys, kept in TEMP tables of this cursor for queries/attribution_credits.sql and
-- queries/attribution_transitions.sql (as CTEs each query rebuilt them once per reference).
-- Journeys: n touches, the outcome, x_last (the time of the last touch, for time decay).
CREATE OR REPLACE TEMP TABLE jl_attribution_touches AS
SELECT * FROM jl_attribution_touches($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $conversion::VARCHAR, $half_life_seconds, $use_files);
CREATE OR REPLACE TEMP TABLE jl_attribution_journeys AS
SELECT journey, count(touchpoint) AS n, sum(conversions) AS conversions, sum(value) AS value,
       sum(nulls) AS nulls, max(x) AS x_last
FROM jl_attribution_touches
GROUP BY journey;
