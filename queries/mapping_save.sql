-- name: mapping_save
-- params: header_key, kind, mapping
-- runner: execute
INSERT OR REPLACE INTO saved_mappings (header_key, kind, mapping, saved_at)
VALUES ($header_key, $kind, $mapping, current_localtimestamp());
