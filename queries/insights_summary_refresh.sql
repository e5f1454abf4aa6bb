-- name: insights_summary_refresh
-- params: workspace_id, events_changed, responses_changed, window_seconds
-- runner: execute
-- Keeps the key drivers' customer-level summaries (customer_scores, customer_events in
-- queries/schema.sql) in step with a write, in the writer's transaction, right AFTER
-- dash_summary_refresh (which drops stale parts and carries the valid ones forward to the bumped
-- version) and before the bump: a part whose rows changed is rebuilt and marked valid for the
-- bumped version. conversion_cohorts follows the events, the funnel steps (a journey edit) and the
-- window ($window_seconds: the one this write sets, NULL = the stored one).
DELETE FROM summary_versions
WHERE workspace_id = $workspace_id
  AND ((part = 'cust_scores' AND ($responses_changed OR $events_changed))
       OR (part = 'cust_events' AND $events_changed));
DELETE FROM customer_events WHERE workspace_id = $workspace_id AND $events_changed;
INSERT INTO customer_events
SELECT $workspace_id, hash(customer_id), bool_or(converted)
FROM events
WHERE workspace_id = $workspace_id AND $events_changed
GROUP BY 2;
-- customer_scores carries each customer's conversion, so it follows the events too
DELETE FROM customer_scores WHERE workspace_id = $workspace_id AND ($responses_changed OR $events_changed);
INSERT INTO customer_scores (workspace_id, cust, touchpoint, n_nps, nps_sum, n_csat, csat_sum, n_ces,
                             ces_sum, n_emotion, emotion_sum, in_events, converted)
SELECT $workspace_id, s.*, e.cust IS NOT NULL, e.converted
FROM (
    SELECT hash(coalesce(customer_id, response_id, dataset_id::VARCHAR || ':' || src_row::VARCHAR)) AS cust,
           touchpoint,
           count(nps), sum(nps),
           count(csat), sum(csat),
           count(ces), sum(ces),
           count(emotion_value(emotion, csat, nps)), sum(emotion_value(emotion, csat, nps))
    FROM responses
    WHERE workspace_id = $workspace_id AND ($responses_changed OR $events_changed)
    GROUP BY 1, 2
) s
LEFT JOIN (SELECT cust, converted FROM customer_events WHERE workspace_id = $workspace_id) e USING (cust);
DELETE FROM conversion_cohorts
WHERE workspace_id = $workspace_id
  AND ($events_changed
       OR window_seconds IS DISTINCT FROM coalesce($window_seconds::BIGINT,
           (SELECT conversion_window_seconds FROM workspaces WHERE workspace_id = $workspace_id))
       OR steps IS DISTINCT FROM (SELECT coalesce(list(touchpoint ORDER BY stage_order, step_order, touchpoint), []::VARCHAR[])
                                  FROM touchpoints WHERE workspace_id = $workspace_id AND in_funnel));
INSERT INTO conversion_cohorts (workspace_id, steps, window_seconds, since, grain, period, touchpoint,
                                next_touchpoint, n, converted)
WITH key AS (
    SELECT (SELECT coalesce(list(touchpoint ORDER BY stage_order, step_order, touchpoint), []::VARCHAR[])
            FROM touchpoints WHERE workspace_id = $workspace_id AND in_funnel) AS steps,
           coalesce($window_seconds::BIGINT,
                    (SELECT conversion_window_seconds FROM workspaces WHERE workspace_id = $workspace_id)) AS w,
           (SELECT max(ts) FROM events WHERE workspace_id = $workspace_id) AS data_end,
           (SELECT (date_trunc('month', max(ts)) - INTERVAL 13 MONTH)::DATE
            FROM events WHERE workspace_id = $workspace_id) AS since,
           NOT EXISTS (SELECT 1 FROM conversion_cohorts WHERE workspace_id = $workspace_id) AS rebuild
), per_customer AS (
    -- months only: a week's cohort is read from the events (two weeks of them) at query time
    SELECT 'month' AS grain, k, date_trunc('month', ts)::DATE AS period, cust, bool_or(hit) AS hit
    FROM jl_step_hits($workspace_id, []::VARCHAR[], []::VARCHAR[], []::VARCHAR[], (SELECT steps FROM key),
                      (SELECT since FROM key)::TIMESTAMP, NULL::TIMESTAMP,
                      (SELECT w FROM key), (SELECT data_end FROM key))
    WHERE (SELECT rebuild FROM key)
    GROUP BY ALL
)
SELECT $workspace_id, (SELECT steps FROM key), (SELECT w FROM key), (SELECT since FROM key), grain, period,
       (SELECT steps FROM key)[k], (SELECT steps FROM key)[k + 1],
       count(*), count(*) FILTER (WHERE hit)
FROM per_customer
GROUP BY grain, period, k;
DELETE FROM summary_versions WHERE workspace_id = $workspace_id AND part = 'cohorts';
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT $workspace_id, p.part, w.data_version + 1
FROM workspaces w, (VALUES ('cust_scores', $responses_changed OR $events_changed),
                           ('cust_events', $events_changed), ('cohorts', TRUE)) p(part, changed)
WHERE w.workspace_id = $workspace_id AND p.changed;
