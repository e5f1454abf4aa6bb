-- name: dash_answer_touchpoints
-- params: workspace_id
-- The workspace's answers and how many of them name a touchpoint, whatever the filters: a heatmap
-- with no rows says "no touchpoint column" when answers exist and none has one.
SELECT
    count(*) AS answers,
    count(touchpoint) AS with_touchpoint
FROM responses
WHERE workspace_id = $workspace_id;
