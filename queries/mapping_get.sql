-- name: mapping_get
-- params: header_key, kind
SELECT mapping FROM saved_mappings WHERE header_key = $header_key AND kind = $kind;
