-- generated from queries/templates/dash_journey_lanes.sql by python -m journeylens.storage.sqlgen; do not edit
-- name: dash_journey_lanes
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, persona, stopwords, min_word_freq, use_volume, use_words, use_cube
-- One row per touchpoint in journey order for the journey map: definition, volume (and the
-- volume at the previous touchpoint), score counts, emotion source counts and the three most
-- frequent meaningful comment words. $persona (a persona's rule key, NULL = all: jl_is_persona)
-- narrows the view to one persona.
-- $use_volume / $use_words (the view is unfiltered and the summaries are current, see
-- dashboards/sources.py) read the volume and word counts kept at load time instead of recomputing them
-- (distinct customers and comment words do not add up: a filtered view computes them from the
-- rows). Score counts are sums of response_cube rows (filtered_cube_lean, queries/macros.sql),
-- except for a $persona whose rule reads a column of the user's files, which the cube does not keep.
WITH r AS NOT MATERIALIZED (
    SELECT *
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE jl_is_persona($persona::VARCHAR, persona, segment, channel, extra)
), e AS (
    SELECT * FROM filtered_events_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE jl_is_persona($persona::VARCHAR, persona, segment, channel, extra)
), defs AS (
    SELECT touchpoint, stage, stage_order, step_order, channel, owner, goal, target_csat, in_funnel,
        thoughts, opportunities, ideas
    FROM touchpoints WHERE workspace_id = $workspace_id
), scores AS (
    SELECT touchpoint, jl_count(answers) AS n_responses,
    jl_count(src_emotion) AS src_emotion,
    jl_count(src_csat) AS src_csat,
    jl_count(src_nps) AS src_nps,
    jl_count(n_nps) AS n_nps,
    jl_count(promoters) AS promoters,
    jl_count(passives) AS passives,
    jl_count(detractors) AS detractors,
    jl_count(n_csat) AS n_csat,
    jl_count(csat_top2) AS csat_top2,
    jl_total(csat_sum) AS csat_sum,
    jl_count(n_ces) AS n_ces,
    jl_total(ces_sum) AS ces_sum,
    jl_total(ces_sumsq) AS ces_sumsq,
    jl_count(ces_high) AS ces_high,
    jl_count(n_emotion) AS n_emotion,
    jl_total(emotion_sum) AS emotion_sum,
    jl_total(emotion_sumsq) AS emotion_sumsq
    FROM filtered_cube_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[],
                              $use_cube AND NOT jl_rules_read_extra([$persona::VARCHAR]))
    WHERE touchpoint IS NOT NULL
      AND jl_is_persona($persona::VARCHAR, persona, segment, channel, extra)
    GROUP BY touchpoint
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
), words AS (
    SELECT touchpoint, word, freq FROM touchpoint_words
    WHERE workspace_id = $workspace_id AND $use_words
      AND NOT list_contains($stopwords::VARCHAR[], word) AND freq >= $min_word_freq
    UNION ALL
    SELECT touchpoint, word, count(*) AS freq
    FROM (
        SELECT touchpoint, unnest(jl_comment_words(comment)) AS word
        FROM r
        WHERE NOT $use_words AND touchpoint IS NOT NULL AND comment IS NOT NULL
    )
    WHERE NOT list_contains($stopwords::VARCHAR[], word)
    GROUP BY touchpoint, word
    HAVING count(*) >= $min_word_freq
), themes AS (
    SELECT touchpoint, string_agg(word, ', ' ORDER BY freq DESC, word) AS themes
    FROM (
        SELECT *, row_number() OVER (PARTITION BY touchpoint ORDER BY freq DESC, word) AS rn
        FROM words
    )
    WHERE rn <= 3
    GROUP BY touchpoint
), tps AS (
    SELECT touchpoint FROM defs
    WHERE (len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], stage))
      AND (len($channels::VARCHAR[]) = 0 OR list_contains($channels::VARCHAR[], channel))
    UNION SELECT touchpoint FROM scores
    UNION SELECT touchpoint FROM vol
), lanes AS (
    SELECT
        row_number() OVER (
            ORDER BY d.stage_order IS NULL, d.stage_order, d.step_order,
                 jl_tp_rank($workspace_id)[tps.touchpoint], tps.touchpoint
        ) AS position,
        tps.touchpoint, d.stage, d.stage_order, d.step_order, d.channel, d.owner, d.goal,
        -- a touchpoint the definition leaves out is no funnel step, unless there is no definition
        -- and the events give the order
        d.target_csat, coalesce(d.in_funnel, jl_order_source($workspace_id) = 'events') AS in_funnel,
        d.thoughts, d.opportunities, d.ideas,
        coalesce(s.n_responses, 0) AS n_responses,
        coalesce(v.customers, 0) AS customers,
        CASE WHEN (SELECT yes FROM has_events) THEN coalesce(v.customers, 0)
             ELSE coalesce(s.n_responses, 0) END AS volume,
        CASE WHEN (SELECT yes FROM has_events) THEN 'events' ELSE 'responses' END AS volume_source,
        jl_order_source($workspace_id) AS order_source,
        th.themes,
        s.* EXCLUDE (touchpoint, n_responses)
    FROM tps
    LEFT JOIN defs d USING (touchpoint)
    LEFT JOIN scores s USING (touchpoint)
    LEFT JOIN vol v USING (touchpoint)
    LEFT JOIN themes th USING (touchpoint)
)
SELECT *,
    -- A drop in volume only means something along the funnel steps, not at optional touchpoints,
    -- and only for customers (events), not for numbers of survey answers.
    CASE WHEN in_funnel AND volume_source = 'events'
         THEN lag(volume) OVER (PARTITION BY in_funnel ORDER BY position) END
        AS volume_prev,
    CASE WHEN src_emotion > 0 AND src_emotion >= src_csat AND src_emotion >= src_nps THEN 'emotion'
         WHEN src_csat > 0 AND src_csat >= src_nps THEN 'csat'
         WHEN src_nps > 0 THEN 'nps' END AS emotion_source
FROM lanes
ORDER BY position;
