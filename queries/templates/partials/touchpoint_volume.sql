vol AS (
    SELECT touchpoint, customers FROM touchpoint_volume
    WHERE workspace_id = $workspace_id AND $use_volume
    UNION ALL
    SELECT touchpoint, count(DISTINCT customer_id) AS customers FROM e
    WHERE NOT $use_volume
    GROUP BY touchpoint
), has_events AS (
    -- events.touchpoint is NOT NULL: the view has events exactly when vol has a row
    SELECT count(*) > 0 AS yes FROM vol
