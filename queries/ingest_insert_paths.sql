-- name: ingest_insert_paths
-- params: workspace_id, dataset_id
-- runner: execute
-- Inserts the valid rows of an aggregated path file (dataset kind 'paths'): the path text is cut
-- at '>' into its touchpoints (trimmed, blanks dropped: 'alpha > beta >alpha' -> [alpha, beta,
-- alpha]); blank counts are 0. jl_rows is the importer's per-connection temp view.
INSERT INTO path_counts (workspace_id, dataset_id, src_row, path, conversions, value, nulls)
SELECT $workspace_id, $dataset_id, src_row,
       list_filter(list_transform(string_split(path, '>'), lambda x: trim(x)), lambda x: x <> ''),
       coalesce(conversions, 0), coalesce(value, 0), coalesce(nulls, 0)
FROM jl_rows;
