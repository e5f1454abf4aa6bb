-- name: dash_comments_count
-- params: workspace_id, date_from, date_to, personas, segments, channels, stages, pattern, touchpoint, col_by, col_value
-- How many comments match (same conditions as dash_comments).
SELECT count(*) AS total
FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[], $segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[])
WHERE comment IS NOT NULL AND trim(comment) <> ''
  AND ($pattern = '' OR comment ILIKE '%' || $pattern || '%' ESCAPE '\')
  AND ($touchpoint::VARCHAR IS NULL OR touchpoint = $touchpoint::VARCHAR)
  AND ($col_by::VARCHAR IS NULL OR coalesce(CASE $col_by::VARCHAR
        WHEN 'segment' THEN segment
        WHEN 'persona' THEN persona
        WHEN 'channel' THEN channel
        WHEN 'stage' THEN stage
        WHEN 'month' THEN strftime(submitted_at, '%Y-%m')
      END, '—') = $col_value::VARCHAR);
