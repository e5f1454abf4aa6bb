-- name: insights_driver_columns_get
-- params: workspace_id
-- The extra columns marked as driver questions (journeylens/services/insights/drivers).
SELECT column_name FROM driver_columns WHERE workspace_id = $workspace_id ORDER BY column_name;
