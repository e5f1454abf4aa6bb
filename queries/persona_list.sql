-- name: persona_list
-- params: workspace_id
-- A workspace's personas in the order they were written (queries/schema.sql personas).
SELECT name, description, goals, pains, rule_column, rule_value
FROM personas
WHERE workspace_id = $workspace_id
ORDER BY position, name;
