-- name: dash_touchpoints
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, use_volume
-- Score counts and volume per touchpoint in journey order (stage_order, step_order); touchpoints
-- missing from the journey definition go last, alphabetically. Volume is distinct customers with
-- an event at the touchpoint, or the number of answers when the view has no events at all.
-- $use_volume (the view is unfiltered and touchpoint_volume is current, see dashboards.py) reads
-- the volume kept at load time instead of counting distinct customers over every event.
WITH r AS (
    SELECT * FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
), e AS (
    SELECT * FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
), defs AS (
    SELECT touchpoint, stage, stage_order, step_order, channel, owner, goal, target_csat
    FROM touchpoints WHERE workspace_id = $workspace_id
), scores AS (
    SELECT touchpoint, count(*) AS n_responses,
    count(nps) AS n_nps,
    count_if(is_promoter(nps)) AS promoters,
    count_if(is_passive(nps)) AS passives,
    count_if(is_detractor(nps)) AS detractors,
    count(csat) AS n_csat,
    count_if(is_csat_top2(csat)) AS csat_top2,
    coalesce(sum(csat::DOUBLE), 0) AS csat_sum,
    count(ces) AS n_ces,
    coalesce(sum(ces::DOUBLE), 0) AS ces_sum,
    coalesce(sum(ces::DOUBLE * ces), 0) AS ces_sumsq,
    count_if(is_ces_high(ces)) AS ces_high,
    count(emotion_value(emotion, csat, nps)) AS n_emotion,
    coalesce(sum(emotion_value(emotion, csat, nps)), 0) AS emotion_sum,
    coalesce(sum(emotion_value(emotion, csat, nps) ^ 2), 0) AS emotion_sumsq
    FROM r WHERE touchpoint IS NOT NULL GROUP BY touchpoint
), vol AS (
    SELECT touchpoint, customers FROM touchpoint_volume
    WHERE workspace_id = $workspace_id AND $use_volume
    UNION ALL
    SELECT touchpoint, count(DISTINCT customer_id) AS customers FROM e
    WHERE NOT $use_volume
    GROUP BY touchpoint
), has_events AS (
    -- events.touchpoint is NOT NULL: the view has events exactly when vol has a row
    SELECT count(*) > 0 AS yes FROM vol
), tps AS (
    SELECT touchpoint FROM defs
    WHERE (len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], stage))
      AND (len($channels::VARCHAR[]) = 0 OR list_contains($channels::VARCHAR[], channel))
    UNION SELECT touchpoint FROM scores
    UNION SELECT touchpoint FROM vol
)
SELECT
    row_number() OVER (
        ORDER BY d.stage_order IS NULL, d.stage_order, d.step_order, tps.touchpoint
    ) AS position,
    tps.touchpoint, d.stage, d.stage_order, d.step_order, d.channel, d.owner, d.goal,
    d.target_csat,
    coalesce(s.n_responses, 0) AS n_responses,
    coalesce(v.customers, 0) AS customers,
    CASE WHEN (SELECT yes FROM has_events) THEN coalesce(v.customers, 0)
         ELSE coalesce(s.n_responses, 0) END AS volume,
    CASE WHEN (SELECT yes FROM has_events) THEN 'events' ELSE 'responses' END AS volume_source,
    s.* EXCLUDE (touchpoint, n_responses)
FROM tps
LEFT JOIN defs d USING (touchpoint)
LEFT JOIN scores s USING (touchpoint)
LEFT JOIN vol v USING (touchpoint)
ORDER BY position;
