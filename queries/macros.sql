-- name: macros
-- The one place where score bands and view filters are defined. Every query counts through these
-- macros; journeylens/metrics.py turns the counts into NPS / CSAT / CES.
CREATE OR REPLACE MACRO is_promoter(x) AS x >= 9;
CREATE OR REPLACE MACRO is_passive(x) AS x BETWEEN 7 AND 8;
CREATE OR REPLACE MACRO is_detractor(x) AS x <= 6;
CREATE OR REPLACE MACRO is_csat_top2(x) AS x >= 4;
CREATE OR REPLACE MACRO is_ces_high(x) AS x >= 5;
-- Emotion on -2..+2: the explicit column where present, else CSAT - 3, else NPS rescaled
-- (0 -> -2, 5 -> 0, 10 -> +2).
CREATE OR REPLACE MACRO emotion_value(emotion, csat, nps) AS
    coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5);
CREATE OR REPLACE MACRO emotion_source(emotion, csat, nps) AS
    CASE WHEN emotion IS NOT NULL THEN 'emotion' WHEN csat IS NOT NULL THEN 'csat'
         WHEN nps IS NOT NULL THEN 'nps' END;

-- E-mail addresses and phone numbers (9 to 15 digits, with optional separators) in free text.
CREATE OR REPLACE MACRO mask_pii(x) AS
    regexp_replace(
        regexp_replace(x, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}',
                       '[email]', 'g'),
        '\+?\d(?:[ ().-]{0,2}\d){8,14}', '[phone]', 'g');

-- The global view filters, defined once. Empty lists mean "all"; NULL dates mean "open".
CREATE OR REPLACE MACRO filtered_responses(ws, d0, d1, personas, segments, channels, stages) AS TABLE
    SELECT r.dataset_id, r.src_row, r.response_id, r.customer_id, r.touchpoint, r.submitted_at,
           r.nps, r.csat, r.ces, r.emotion, r.comment, r.persona, r.segment,
           coalesce(r.channel, t.channel) AS channel,
           t.stage, t.stage_order, t.step_order
    FROM responses r
    LEFT JOIN touchpoints t ON t.workspace_id = r.workspace_id AND t.touchpoint = r.touchpoint
    WHERE r.workspace_id = ws
      AND (d0 IS NULL OR r.submitted_at >= CAST(d0 AS TIMESTAMP))
      AND (d1 IS NULL OR r.submitted_at < CAST(d1 AS TIMESTAMP) + INTERVAL 1 DAY)
      AND (len(personas) = 0 OR list_contains(personas, r.persona))
      AND (len(segments) = 0 OR list_contains(segments, r.segment))
      AND (len(channels) = 0 OR list_contains(channels, coalesce(r.channel, t.channel)))
      AND (len(stages) = 0 OR list_contains(stages, t.stage));

CREATE OR REPLACE MACRO filtered_events(ws, d0, d1, personas, segments, channels, stages) AS TABLE
    SELECT e.dataset_id, e.src_row, e.customer_id, e.touchpoint, e.ts,
           coalesce(e.channel, t.channel) AS channel, e.persona, e.segment, e.value, e.converted,
           t.stage, t.stage_order, t.step_order
    FROM events e
    LEFT JOIN touchpoints t ON t.workspace_id = e.workspace_id AND t.touchpoint = e.touchpoint
    WHERE e.workspace_id = ws
      AND (d0 IS NULL OR e.ts >= CAST(d0 AS TIMESTAMP))
      AND (d1 IS NULL OR e.ts < CAST(d1 AS TIMESTAMP) + INTERVAL 1 DAY)
      AND (len(personas) = 0 OR list_contains(personas, e.persona))
      AND (len(segments) = 0 OR list_contains(segments, e.segment))
      AND (len(channels) = 0 OR list_contains(channels, coalesce(e.channel, t.channel)))
      AND (len(stages) = 0 OR list_contains(stages, t.stage));
