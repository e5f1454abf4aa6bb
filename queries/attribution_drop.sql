-- name: attribution_drop
-- Frees the journeys of the attribution run (queries/attribution_journeys.sql).
DROP TABLE IF EXISTS jl_attribution_journeys;
