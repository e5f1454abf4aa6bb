-- name: dash_comments
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, pattern, touchpoint, col_by, col_value, group_names, group_rules, page_limit, page_offset, mask_pii
-- One page of comments, newest first. $pattern is the search text with % _ \ already escaped
-- (matched with ILIKE ... ESCAPE '\'); $col_by / $col_value narrow to one heatmap column (a
-- defined persona's column by its rule: $group_names / $group_rules, jl_in_column).
-- $mask_pii hides e-mail addresses and phone numbers in the text (the workspace's privacy option).
SELECT submitted_at, touchpoint, persona, segment, channel, nps, csat, ces,
       CASE WHEN $mask_pii THEN mask_pii(comment) ELSE comment END AS comment
FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
WHERE jl_has_comment(comment)
  AND ($pattern = '' OR comment ILIKE '%' || $pattern || '%' ESCAPE '\')
  AND ($touchpoint::VARCHAR IS NULL OR touchpoint = $touchpoint::VARCHAR)
  AND ($col_by::VARCHAR IS NULL
       OR jl_in_column($col_by::VARCHAR, $col_value::VARCHAR, $group_names::VARCHAR[],
                        $group_rules::VARCHAR[], segment, persona, channel, stage, submitted_at, extra))
ORDER BY submitted_at DESC NULLS LAST, dataset_id DESC, src_row DESC
LIMIT $page_limit OFFSET $page_offset;
