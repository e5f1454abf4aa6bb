-- name: dash_comments_count
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, extras, pattern, touchpoint, col_by, col_value, group_names, group_rules, use_cube
-- How many comments match (same conditions as dash_comments). Without a search text every
-- condition is a cube dimension: the count is a sum of response_cube rows (filtered_cube); a
-- search reads the comments themselves. $pattern is bound, so DuckDB keeps one branch only.
SELECT
    (SELECT jl_count(n_comments)
     FROM filtered_cube($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[], $use_cube)
     WHERE $pattern = ''
       AND ($touchpoint::VARCHAR IS NULL OR touchpoint = $touchpoint::VARCHAR)
       AND ($col_by::VARCHAR IS NULL
            OR jl_in_column($col_by::VARCHAR, $col_value::VARCHAR, $group_names::VARCHAR[],
                        $group_rules::VARCHAR[], segment, persona, channel, stage, day, extra)))
    + (SELECT count(*)
       FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[])
       WHERE $pattern <> '' AND jl_has_comment(comment)
         AND comment ILIKE '%' || $pattern || '%' ESCAPE '\'
         AND ($touchpoint::VARCHAR IS NULL OR touchpoint = $touchpoint::VARCHAR)
         AND ($col_by::VARCHAR IS NULL
              OR jl_in_column($col_by::VARCHAR, $col_value::VARCHAR, $group_names::VARCHAR[],
                        $group_rules::VARCHAR[], segment, persona, channel, stage, submitted_at, extra)))
    AS total;
