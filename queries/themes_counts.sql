-- name: themes_counts
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, persona, stop_en, stop_vi, stop_ro, negations
-- Term counts of the filtered comments per touchpoint and score groups, for the weighted log-odds
-- of journeylens/domain/comment_themes.py. nps_grp: low = detractors (0-6), mid = passives, high =
-- promoters (9-10); csat_grp: low = 1-3, high = 4-5 (the band macros); NULL without that score.
-- Terms are those of jl_terms_of (queries/macros.sql), counted by their key each time they occur;
-- `shown` is the most frequent written form of the key and `comments` the number of comments with
-- it. Rows with key NULL count the comments of each group (with or without terms). $persona
-- (a persona's rule key, NULL = all: jl_is_persona) narrows to one persona (the journey map's
-- persona choice).
WITH r AS (
    SELECT touchpoint, comment,
           CASE WHEN is_detractor(nps) THEN 'low' WHEN is_promoter(nps) THEN 'high'
                WHEN nps IS NOT NULL THEN 'mid' END AS nps_grp,
           CASE WHEN is_csat_top2(csat) THEN 'high' WHEN csat IS NOT NULL THEN 'low' END
               AS csat_grp,
           row_number() OVER () AS doc
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE jl_has_comment(comment)
      AND (nps IS NOT NULL OR csat IS NOT NULL)
      AND jl_is_persona($persona::VARCHAR, persona, segment, channel, extra)
), w AS (
    SELECT touchpoint, nps_grp, csat_grp, doc, comment, jl_words(jl_without_pii(comment)) AS words FROM r
), k AS (
    SELECT *, jl_term_keys(comment, words) AS keys FROM w
), s AS (
    SELECT *, jl_term_stops(comment, keys, $stop_en::VARCHAR[], $stop_vi::VARCHAR[], $stop_ro::VARCHAR[]) AS stops
    FROM k
), t AS (
    SELECT touchpoint, nps_grp, csat_grp, doc,
           unnest(jl_terms_of(words, keys, stops, $negations::VARCHAR[])) AS term
    FROM s
)
SELECT touchpoint, nps_grp, csat_grp, term.key AS key, mode(term.shown) AS shown,
       count(*) AS count, count(DISTINCT doc) AS comments
FROM t
GROUP BY ALL
UNION ALL
SELECT touchpoint, nps_grp, csat_grp, NULL, NULL, 0, count(*)
FROM r
GROUP BY ALL
ORDER BY touchpoint NULLS LAST, nps_grp, csat_grp, key NULLS FIRST;
