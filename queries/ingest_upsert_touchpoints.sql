-- name: ingest_upsert_touchpoints
-- params: workspace_id, dataset_id
-- runner: execute
-- The journey definition: a touchpoint already defined in the workspace is replaced by the new
-- row (the last row wins when a file names a touchpoint twice). Missing orders follow the file:
-- stages in order of first appearance, steps in row order. The notes of the map's free-text lanes
-- (thoughts, opportunities, ideas) are optional columns: a blank cell is no note.
INSERT INTO touchpoints (workspace_id, dataset_id, touchpoint, stage, stage_order, step_order,
                         channel, owner, goal, description, target_csat, in_funnel,
                         thoughts, opportunities, ideas)
SELECT $workspace_id, $dataset_id, touchpoint, stage, stage_order, step_order, channel, owner,
       goal, description, target_csat, coalesce(in_funnel, TRUE),
       nullif(trim(thoughts), ''), nullif(trim(opportunities), ''), nullif(trim(ideas), '')
FROM (
    SELECT touchpoint, stage,
           coalesce(stage_order, CAST(dense_rank() OVER (ORDER BY stage_first) AS INTEGER))
               AS stage_order,
           coalesce(step_order, CAST(row_number() OVER (ORDER BY src_row) AS INTEGER))
               AS step_order,
           channel, owner, goal, description, target_csat, in_funnel,
           thoughts, opportunities, ideas, src_row,
           row_number() OVER (PARTITION BY touchpoint ORDER BY src_row DESC) AS last_first
    FROM (SELECT *, min(src_row) OVER (PARTITION BY stage) AS stage_first FROM jl_rows)
)
WHERE last_first = 1
ON CONFLICT (workspace_id, touchpoint) DO UPDATE SET
    dataset_id = excluded.dataset_id, stage = excluded.stage,
    stage_order = excluded.stage_order, step_order = excluded.step_order,
    channel = excluded.channel, owner = excluded.owner, goal = excluded.goal,
    description = excluded.description, target_csat = excluded.target_csat,
    in_funnel = excluded.in_funnel, thoughts = excluded.thoughts,
    opportunities = excluded.opportunities, ideas = excluded.ideas;
