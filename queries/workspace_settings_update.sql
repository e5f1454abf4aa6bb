-- name: workspace_settings_update
-- params: workspace_id, min_n, conversion_window_seconds, ces_high_is_easy, emotion_threshold, mask_pii
-- runner: execute
UPDATE workspaces
SET min_n = $min_n, conversion_window_seconds = $conversion_window_seconds,
    ces_high_is_easy = $ces_high_is_easy, emotion_threshold = $emotion_threshold,
    mask_pii = $mask_pii,
    data_version = data_version + 1
WHERE workspace_id = $workspace_id;
