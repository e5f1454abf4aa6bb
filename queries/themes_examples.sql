-- name: themes_examples
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, persona, by, touchpoint, stop_en, stop_vi, stop_ro, negations, keys, per_term, mask_pii
-- Up to $per_term distinct example comments (newest first) of each score group ($by = 'nps' | 'csat') for
-- each term key in $keys, at $touchpoint (NULL: the whole journey). Masked (mask_pii) when the
-- workspace hides personal data. Same groups and terms as queries/themes_counts.sql.
WITH r AS (
    SELECT comment, submitted_at,
           CASE WHEN $by = 'nps' THEN
                    CASE WHEN is_detractor(nps) THEN 'low' WHEN is_promoter(nps) THEN 'high' END
                ELSE CASE WHEN is_csat_top2(csat) THEN 'high' WHEN csat IS NOT NULL THEN 'low' END
           END AS grp,
           row_number() OVER () AS doc
    FROM filtered_responses_lean($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
    WHERE jl_has_comment(comment)
      AND jl_is_persona($persona::VARCHAR, persona, segment, channel, extra)
      AND ($touchpoint::VARCHAR IS NULL OR touchpoint = $touchpoint::VARCHAR)
), w AS (
    SELECT *, jl_words(jl_without_pii(comment)) AS words FROM r WHERE grp IS NOT NULL
), k AS (
    SELECT *, jl_term_keys(comment, words) AS keys FROM w
), s AS (
    SELECT *, jl_term_stops(comment, keys, $stop_en::VARCHAR[], $stop_vi::VARCHAR[], $stop_ro::VARCHAR[]) AS stops
    FROM k
), hits AS (
    SELECT grp, doc, comment, submitted_at,
           unnest(list_distinct(list_filter(
               list_transform(jl_terms_of(words, keys, stops, $negations::VARCHAR[]), lambda x: x.key),
               lambda x: list_contains($keys::VARCHAR[], x)))) AS key
    FROM s
), distinct_hits AS (  -- the same text written by many customers is shown once
    SELECT grp, key, comment, max(submitted_at) AS submitted_at, min(doc) AS doc
    FROM hits
    GROUP BY grp, key, comment
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY grp, key ORDER BY submitted_at DESC NULLS LAST, doc) AS rk
    FROM distinct_hits
)
SELECT grp, key, CASE WHEN $mask_pii THEN mask_pii(comment) ELSE comment END AS comment
FROM ranked
WHERE rk <= $per_term
ORDER BY grp, key, rk;
