-- name: attribution_drop
-- runner: execute
-- Frees the touches and journeys of the attribution run (queries/attribution_journeys.sql).
DROP TABLE IF EXISTS jl_attribution_touches;
DROP TABLE IF EXISTS jl_attribution_journeys;
