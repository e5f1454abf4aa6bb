-- name: insights_customer_count
-- params: workspace_id
-- Customers with events (the write-time summary customer_events): sizes the conversion model.
SELECT count(*) AS customers FROM customer_events WHERE workspace_id = $workspace_id;
