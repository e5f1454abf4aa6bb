coalesce(s.n_responses, 0) AS n_responses,
coalesce(v.customers, 0) AS customers,
CASE WHEN (SELECT yes FROM has_events) THEN coalesce(v.customers, 0)
     ELSE coalesce(s.n_responses, 0) END AS volume,
CASE WHEN (SELECT yes FROM has_events) THEN 'events' ELSE 'responses' END AS volume_source,
jl_order_source($workspace_id) AS order_source,
