-- name: dash_summary_refresh
-- params: workspace_id, events_changed, responses_changed
-- runner: execute
-- Keeps the summaries (queries/schema.sql: the unfiltered-view ones and response_cube) in step
-- with a write. Runs inside the writer's transaction, right BEFORE its workspace_bump (which adds
-- 1 to data_version): a part whose rows changed is recomputed and marked valid for the bumped
-- version; a part valid now stays valid (its rows did not change); a stale part stays stale (the
-- dashboards then compute from the rows). $events_changed / $responses_changed say which rows
-- this write touched.
DELETE FROM summary_versions
WHERE workspace_id = $workspace_id
  AND ((part = 'volume' AND $events_changed)
       OR (part IN ('words', 'cube') AND $responses_changed)
       OR (part = 'facets' AND ($events_changed OR $responses_changed))
       OR data_version <> (SELECT data_version FROM workspaces WHERE workspace_id = $workspace_id));
UPDATE summary_versions SET data_version = data_version + 1 WHERE workspace_id = $workspace_id;
DELETE FROM touchpoint_volume WHERE workspace_id = $workspace_id AND $events_changed;
INSERT INTO touchpoint_volume (workspace_id, touchpoint, customers)
SELECT $workspace_id, touchpoint, count(DISTINCT customer_id)
FROM events
WHERE workspace_id = $workspace_id AND $events_changed
GROUP BY touchpoint;
DELETE FROM touchpoint_words WHERE workspace_id = $workspace_id AND $responses_changed;
INSERT INTO touchpoint_words (workspace_id, touchpoint, word, freq)
SELECT $workspace_id, touchpoint, word, count(*)
FROM (
    SELECT touchpoint, unnest(jl_comment_words(comment)) AS word
    FROM responses
    WHERE workspace_id = $workspace_id AND $responses_changed
      AND touchpoint IS NOT NULL AND comment IS NOT NULL
)
GROUP BY touchpoint, word;
-- the cube is rebuilt whole (a few seconds at 10M answers); ordered by day so that a date filter
-- skips most of it
DELETE FROM response_cube WHERE workspace_id = $workspace_id AND $responses_changed;
INSERT INTO response_cube BY NAME
SELECT workspace_id, day, touchpoint, persona, segment, channel,
       coalesce(sum(COLUMNS(* EXCLUDE (workspace_id, day, touchpoint, persona, segment, channel, extra))), 0)
FROM jl_response_facts($workspace_id, NULL, NULL, []::VARCHAR[])
WHERE $responses_changed
GROUP BY ALL
ORDER BY day, touchpoint;
-- The customers' own touchpoint order (see touchpoint_order in schema.sql). Above 2M events the
-- median position is taken over 1 customer in 32 (by hash): an order needs no more, and a window
-- over every event would add seconds to each load.
DELETE FROM touchpoint_order
WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed);
INSERT INTO touchpoint_order (workspace_id, touchpoint, source, rank)
WITH sample AS (
    SELECT CASE WHEN count(*) > 2000000 THEN 32 ELSE 1 END AS every
    FROM events WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed)
), positions AS (
    SELECT customer_id, touchpoint,
           row_number() OVER (PARTITION BY customer_id ORDER BY ts, dataset_id, src_row) AS pos
    FROM events
    WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed)
      AND hash(customer_id) % (SELECT every FROM sample) = 0
), firsts AS (
    SELECT customer_id, touchpoint, min(pos) AS pos FROM positions GROUP BY customer_id, touchpoint
)
SELECT $workspace_id, touchpoint, 'events', median(pos) FROM firsts GROUP BY touchpoint
UNION ALL
SELECT $workspace_id, touchpoint, 'responses',
       row_number() OVER (ORDER BY min([dataset_id::BIGINT, src_row]), touchpoint)
FROM responses
WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed)
  AND touchpoint IS NOT NULL
GROUP BY touchpoint;
DELETE FROM workspace_facets
WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed);
INSERT INTO workspace_facets (workspace_id, source, persona, segment, channel, touchpoint, first_ts, last_ts, n_rows)
SELECT $workspace_id, 'responses', persona, segment, channel, touchpoint, min(submitted_at), max(submitted_at), count(*)
FROM responses
WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed)
GROUP BY persona, segment, channel, touchpoint
UNION ALL
SELECT $workspace_id, 'events', persona, segment, channel, touchpoint, min(ts), max(ts), count(*)
FROM events
WHERE workspace_id = $workspace_id AND ($events_changed OR $responses_changed)
GROUP BY persona, segment, channel, touchpoint;
INSERT INTO summary_versions (workspace_id, part, data_version)
SELECT $workspace_id, p.part, w.data_version + 1
FROM workspaces w, (VALUES ('volume', $events_changed), ('words', $responses_changed),
                   ('facets', $events_changed OR $responses_changed),
                   ('cube', $responses_changed)) p(part, changed)
WHERE w.workspace_id = $workspace_id AND p.changed;
