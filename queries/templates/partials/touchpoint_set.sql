tps AS (
    SELECT touchpoint FROM defs
    WHERE (len($stages::VARCHAR[]) = 0 OR list_contains($stages::VARCHAR[], stage))
      AND (len($channels::VARCHAR[]) = 0 OR list_contains($channels::VARCHAR[], channel))
    UNION SELECT touchpoint FROM scores
    UNION SELECT touchpoint FROM vol
