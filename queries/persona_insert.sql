-- name: persona_insert
-- params: workspace_id
-- runner: execute
-- The edited personas, from the frame journeylens/services/personas.py registers as persona_src
-- (its rows in the order written).
INSERT INTO personas (workspace_id, position, name, description, goals, pains, rule_column,
                      rule_value)
SELECT $workspace_id, position, name, description, goals, pains, rule_column, rule_value
FROM persona_src;
