-- name: macros
-- runner: script
-- The one place where score bands and view filters are defined. Every query counts through these
-- macros; journeylens/domain/metrics.py turns the counts into NPS / CSAT / CES.
CREATE OR REPLACE MACRO is_promoter(x) AS x >= 9;
CREATE OR REPLACE MACRO is_passive(x) AS x BETWEEN 7 AND 8;
CREATE OR REPLACE MACRO is_detractor(x) AS x <= 6;
CREATE OR REPLACE MACRO is_csat_top2(x) AS x >= 4;
CREATE OR REPLACE MACRO is_ces_high(x) AS x >= 5;
-- Emotion on -2..+2: the explicit column where present, else CSAT - 3, else the answer's NPS band:
-- promoter +2, passive 0, detractor -2. A band, not a rescaled score, so that a derived emotion
-- always agrees in sign with the NPS it comes from: the mean over any group is exactly NPS / 50.
-- (The old rescaling (answer - 5) / 2.5 showed NPS -45 as emotion +0.3.)
CREATE OR REPLACE MACRO emotion_from_nps(x) AS
    CASE WHEN is_promoter(x) THEN 2.0 WHEN is_passive(x) THEN 0.0
         WHEN is_detractor(x) THEN -2.0 END;
CREATE OR REPLACE MACRO emotion_value(emotion, csat, nps) AS
    coalesce(emotion, csat - 3.0, emotion_from_nps(nps));
CREATE OR REPLACE MACRO emotion_source(emotion, csat, nps) AS
    CASE WHEN emotion IS NOT NULL THEN 'emotion' WHEN csat IS NOT NULL THEN 'csat'
         WHEN nps IS NOT NULL THEN 'nps' END;

-- A comment worth showing: not blank.
CREATE OR REPLACE MACRO jl_has_comment(comment) AS comment IS NOT NULL AND trim(comment) <> '';

-- The words of a comment that can be a theme: lower case, split on anything but letters and digits,
-- at least 3 characters, not a number (stop words are removed by the query, from its parameter).
CREATE OR REPLACE MACRO jl_comment_words(comment) AS
    list_filter(
        string_split(trim(regexp_replace(lower(comment), '[^\p{L}\p{N}]+', ' ', 'g')), ' '),
        lambda w: length(w) >= 3 AND NOT regexp_matches(w, '^[0-9]+$'));

-- E-mail addresses and phone numbers (9 to 15 digits, with optional separators) in free text.
CREATE OR REPLACE MACRO mask_pii(x) AS
    regexp_replace(
        regexp_replace(x, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}',
                       '[email]', 'g'),
        '\+?\d(?:[ ().-]{0,2}\d){8,14}', '[phone]', 'g');

-- The global view filters, defined once. Empty lists mean "all"; NULL dates mean "open".
-- A timestamp within the dates d0..d1 (both inclusive, whole days; NULL = open).
CREATE OR REPLACE MACRO jl_in_dates(ts, d0, d1) AS
    (d0 IS NULL OR ts >= CAST(d0 AS TIMESTAMP))
    AND (d1 IS NULL OR ts < CAST(d1 AS TIMESTAMP) + INTERVAL 1 DAY);
-- The stage / channel filters and the channel fallback read the small touchpoints table through
-- uncorrelated subqueries, computed once per query, instead of a join on every row:
-- jl_tp_channels(ws) maps each defined touchpoint to its channel; jl_tp_in_stages(ws, stages) is
-- the list of touchpoints of those stages. A row's channel is its own, else its touchpoint's.
CREATE OR REPLACE MACRO jl_tp_channels(ws) AS
    (SELECT map(list(touchpoint), list(channel)) FROM touchpoints WHERE workspace_id = ws);
CREATE OR REPLACE MACRO jl_tp_in_stages(ws, stages) AS
    (SELECT list(touchpoint) FROM touchpoints
     WHERE workspace_id = ws AND list_contains(stages, stage));
-- The channel and stage filters: `channel` is the row's as the filter reads it (its own, else its
-- touchpoint's) and `stage_tps` the touchpoints of the chosen stages (an empty list chooses all).
CREATE OR REPLACE MACRO jl_in_channels_stages(channels, stages, stage_tps, touchpoint, channel) AS
    (len(channels) = 0 OR list_contains(channels, channel))
    AND (len(stages) = 0 OR list_contains(stage_tps, touchpoint));
CREATE OR REPLACE MACRO jl_in_view(ws, touchpoint, own_channel, channels, stages) AS
    jl_in_channels_stages(channels, stages, jl_tp_in_stages(ws, stages), touchpoint,
                          coalesce(own_channel, jl_tp_channels(ws)[touchpoint]));

-- The customers' own order of the touchpoints (touchpoint_order, queries/schema.sql), for those
-- the journey definition does not place: touchpoints seen in the events by their median position,
-- then those only in the answers by first appearance. Queries sort by the definition first
-- (stage_order, step_order), then by this rank, then by name.
CREATE OR REPLACE MACRO jl_tp_rank(ws) AS
    (SELECT map(list(touchpoint), list(r)) FROM (
        SELECT touchpoint, min(CASE WHEN source = 'events' THEN rank ELSE 1e9 + rank END) AS r
        FROM touchpoint_order WHERE workspace_id = ws GROUP BY touchpoint));
-- Where the touchpoint order of a workspace comes from: 'journey' (a journey definition),
-- 'events' (the customers' order in the touchpoint log) or 'answers' (first appearance only:
-- no order along the journey can be read from it).
CREATE OR REPLACE MACRO jl_order_source(ws) AS
    CASE WHEN EXISTS (SELECT 1 FROM touchpoints WHERE workspace_id = ws) THEN 'journey'
         WHEN EXISTS (SELECT 1 FROM touchpoint_order WHERE workspace_id = ws AND source = 'events')
         THEN 'events'
         ELSE 'answers' END;

-- Whether any of the rules names a column of the user's files: the response cube and the load-time
-- facets keep no extra columns, so such a filter reads the rows.
CREATE OR REPLACE MACRO jl_rules_read_extra(personas) AS
    len(list_filter(personas, lambda p: starts_with(p, 'col:'))) > 0;
CREATE OR REPLACE MACRO jl_extra_rule_hit(personas, extra) AS
    coalesce(len(list_filter(personas, lambda p: starts_with(p, 'col:')
        AND extra[split_part(substr(p, 5), chr(31), 1)] = substr(p, strpos(p, chr(31)) + 1))) > 0,
        false);

-- The persona filter: `personas` holds the chosen personas' rules as 'column:value' keys
-- (journeylens/domain/filters.py rule_key; a workspace without persona definitions filters its
-- persona column: 'persona:<value>'); a row matches when any rule does (an empty list: all).
-- channel is the row's channel as the channel filter reads it (its own, else its touchpoint's).
-- A rule on a column of the user's files is 'col:<column>' || chr(31) || '<value>', read from the
-- row's extra map (jl_extra_rule_hit); only a list holding such a rule reads the map.
-- Never NULL (a blank persona, segment or channel matches no rule), so NOT jl_in_personas holds
-- the rows matching none (jl_in_column's '—').
CREATE OR REPLACE MACRO jl_in_personas(personas, persona, segment, channel, extra) AS
    len(personas) = 0
    OR coalesce(list_contains(personas, 'persona:' || persona), false)
    OR coalesce(list_contains(personas, 'segment:' || segment), false)
    OR coalesce(list_contains(personas, 'channel:' || channel), false)
    OR CASE WHEN jl_rules_read_extra(personas) THEN jl_extra_rule_hit(personas, extra) ELSE false END;
-- One persona's rule key (the journey map's persona choice; NULL: everyone).
CREATE OR REPLACE MACRO jl_is_persona(rule, persona, segment, channel, extra) AS
    rule IS NULL OR jl_in_personas([rule], persona, segment, channel, extra);

-- The filters on the columns kept from the user's files (responses.extra / events.extra):
-- `extras` holds 'column' || chr(31) || 'value' keys (journeylens/domain/filters.py extra_key).
-- A row is in the view when, for every column named, its value is one of that column's chosen
-- values (values of one column: any; different columns: all). A row without the column is out.
CREATE OR REPLACE MACRO jl_in_extras(extras, extra) AS
    len(extras) = 0
    OR len(list_filter(list_distinct(list_transform(extras, lambda p: split_part(p, chr(31), 1))),
                       lambda k: NOT list_contains(extras, k || chr(31) || coalesce(extra[k], chr(0)))))
       = 0;

-- A row in the view: its time within the dates, its persona (jl_in_personas), segment, channel
-- and stage (jl_in_channels_stages) among those chosen (an empty list chooses all).
-- The one definition of the view filters: jl_in_filters resolves the lookups from the journey's
-- tables, paths_rows.sql passes them in as lists (no join, so the stored order is kept).
CREATE OR REPLACE MACRO jl_row_in_view(d0, d1, personas, segments, channels, stages, stage_tps, extras,
                                       ts, persona, segment, touchpoint, channel, extra) AS
    jl_in_dates(ts, d0, d1)
    AND jl_in_extras(extras, extra)
    AND jl_in_personas(personas, persona, segment, channel, extra)
    AND (len(segments) = 0 OR list_contains(segments, segment))
    AND jl_in_channels_stages(channels, stages, stage_tps, touchpoint, channel);

CREATE OR REPLACE MACRO jl_in_filters(ws, d0, d1, personas, segments, channels, stages, extras,
                                      ts, persona, segment, touchpoint, own_channel, extra) AS
    jl_row_in_view(d0, d1, personas, segments, channels, stages, jl_tp_in_stages(ws, stages), extras,
                   ts, persona, segment, touchpoint,
                   coalesce(own_channel, jl_tp_channels(ws)[touchpoint]), extra);

-- The lean forms: the filtered rows with their own columns (channel resolved), no join.
CREATE OR REPLACE MACRO filtered_responses_lean(ws, d0, d1, personas, segments, channels, stages, extras) AS TABLE
    SELECT r.dataset_id, r.src_row, r.response_id, r.customer_id, r.touchpoint, r.submitted_at,
           r.nps, r.csat, r.ces, r.emotion, r.comment, r.persona, r.segment,
           coalesce(r.channel, jl_tp_channels(ws)[r.touchpoint]) AS channel, r.extra
    FROM responses r
    WHERE r.workspace_id = ws
      AND jl_in_filters(ws, d0, d1, personas, segments, channels, stages, extras,
                        r.submitted_at, r.persona, r.segment, r.touchpoint, r.channel, r.extra);

CREATE OR REPLACE MACRO filtered_events_lean(ws, d0, d1, personas, segments, channels, stages, extras) AS TABLE
    SELECT e.dataset_id, e.src_row, e.customer_id, e.touchpoint, e.ts,
           coalesce(e.channel, jl_tp_channels(ws)[e.touchpoint]) AS channel,
           e.persona, e.segment, e.value, e.converted, e.extra
    FROM events e
    WHERE e.workspace_id = ws
      AND jl_in_filters(ws, d0, d1, personas, segments, channels, stages, extras,
                        e.ts, e.persona, e.segment, e.touchpoint, e.channel, e.extra);

-- One answer as a row of response_cube (queries/schema.sql): its dimensions (own channel) and its
-- contribution to each count and sum, through the band macros above. The cube is these rows summed
-- per dimension (queries/dash_summary_refresh.sql, all dates); while the cube is stale they stand
-- in for it (the dates d0..d1 filter submitted_at here, so the scan skips row groups by date).
CREATE OR REPLACE MACRO jl_response_facts(ws, d0, d1, extras) AS TABLE
    SELECT r.workspace_id, CAST(r.submitted_at AS DATE) AS day, r.touchpoint, r.persona,
           r.segment, r.channel, r.extra,
           1::BIGINT AS answers,
           (r.nps IS NOT NULL)::BIGINT AS n_nps,
           (is_promoter(r.nps) IS TRUE)::BIGINT AS promoters,
           (is_passive(r.nps) IS TRUE)::BIGINT AS passives,
           (is_detractor(r.nps) IS TRUE)::BIGINT AS detractors,
           (r.csat IS NOT NULL)::BIGINT AS n_csat,
           (is_csat_top2(r.csat) IS TRUE)::BIGINT AS csat_top2,
           r.csat::DOUBLE AS csat_sum,
           (r.ces IS NOT NULL)::BIGINT AS n_ces,
           r.ces::DOUBLE AS ces_sum,
           r.ces::DOUBLE * r.ces AS ces_sumsq,
           (is_ces_high(r.ces) IS TRUE)::BIGINT AS ces_high,
           (emotion_value(r.emotion, r.csat, r.nps) IS NOT NULL)::BIGINT AS n_emotion,
           emotion_value(r.emotion, r.csat, r.nps) AS emotion_sum,
           emotion_value(r.emotion, r.csat, r.nps) ^ 2 AS emotion_sumsq,
           (emotion_source(r.emotion, r.csat, r.nps) = 'emotion')::BIGINT AS src_emotion,
           (emotion_source(r.emotion, r.csat, r.nps) = 'csat')::BIGINT AS src_csat,
           (emotion_source(r.emotion, r.csat, r.nps) = 'nps')::BIGINT AS src_nps,
           jl_has_comment(r.comment)::BIGINT AS n_comments
    FROM responses r
    WHERE r.workspace_id = ws AND jl_in_dates(r.submitted_at, d0, d1)
      AND jl_in_extras(extras, r.extra);

-- Totals of cube columns for a group: counts as BIGINT (sum(BIGINT) is HUGEINT), 0 when empty.
CREATE OR REPLACE MACRO jl_count(x) AS coalesce(sum(x), 0)::BIGINT;
CREATE OR REPLACE MACRO jl_total(x) AS coalesce(sum(x), 0)::DOUBLE;

-- The filtered answers as cube rows, with the semantics of filtered_responses_lean: day is the
-- answer's date, so whole-day bounds select the same answers (NULL dates only when both bounds are
-- open); the channel / stage filters and the channel fallback read the touchpoints table at query
-- time.
-- use_cube (response_cube matches the data, see dashboards/sources.py) reads the cube, else every answer
-- in cube form (same results, from the rows). A bound parameter: DuckDB drops the other branch.
-- The cube has no extra columns: a filter on one (extras) always reads the rows.
CREATE OR REPLACE MACRO filtered_cube_lean(ws, d0, d1, personas, segments, channels, stages, extras, use_cube) AS TABLE
    SELECT c.day, c.touchpoint, c.persona, c.segment,
           coalesce(c.channel, jl_tp_channels(ws)[c.touchpoint]) AS channel,
           c.* EXCLUDE (workspace_id, day, touchpoint, persona, segment, channel)
    FROM (
        SELECT * FROM response_cube
        WHERE workspace_id = ws AND use_cube AND len(extras) = 0 AND NOT jl_rules_read_extra(personas)
        UNION ALL BY NAME
        SELECT * FROM jl_response_facts(ws, d0, d1, extras)
        WHERE NOT (use_cube AND len(extras) = 0 AND NOT jl_rules_read_extra(personas))
    ) c
    WHERE jl_in_filters(ws, d0, d1, personas, segments, channels, stages, []::VARCHAR[],
                        c.day, c.persona, c.segment, c.touchpoint, c.channel, c.extra);

-- The full forms add the touchpoint's stage and journey position (a join after filtering).
CREATE OR REPLACE MACRO filtered_responses(ws, d0, d1, personas, segments, channels, stages, extras) AS TABLE
    SELECT r.*, t.stage, t.stage_order, t.step_order
    FROM filtered_responses_lean(ws, d0, d1, personas, segments, channels, stages, extras) r
    LEFT JOIN touchpoints t ON t.workspace_id = ws AND t.touchpoint = r.touchpoint;

CREATE OR REPLACE MACRO filtered_events(ws, d0, d1, personas, segments, channels, stages, extras) AS TABLE
    SELECT e.*, t.stage, t.stage_order, t.step_order
    FROM filtered_events_lean(ws, d0, d1, personas, segments, channels, stages, extras) e
    LEFT JOIN touchpoints t ON t.workspace_id = ws AND t.touchpoint = e.touchpoint;

CREATE OR REPLACE MACRO filtered_cube(ws, d0, d1, personas, segments, channels, stages, extras, use_cube) AS TABLE
    SELECT c.*, t.stage, t.stage_order, t.step_order
    FROM filtered_cube_lean(ws, d0, d1, personas, segments, channels, stages, extras, use_cube) c
    LEFT JOIN touchpoints t ON t.workspace_id = ws AND t.touchpoint = c.touchpoint;

-- The value of the extra column a breakdown code names ('col:<column>', extra_by in
-- journeylens/domain/filters.py) in a row's extra map; NULL for any other code. A bound code folds,
-- so a built-in breakdown does not read the map.
CREATE OR REPLACE MACRO jl_extra_by(col_by, extra) AS
    CASE WHEN starts_with(col_by, 'col:') THEN extra[substr(col_by, 5)] END;

-- A heatmap column value of an answer or cube row ('segment' | 'persona' | 'channel' | 'stage' |
-- 'month' of ts, a date or timestamp | 'col:<extra column>'); a blank value is '—'.
CREATE OR REPLACE MACRO jl_column(col_by, segment, persona, channel, stage, ts, extra) AS
    coalesce(CASE col_by
        WHEN 'segment' THEN segment
        WHEN 'persona' THEN persona
        WHEN 'channel' THEN channel
        WHEN 'stage' THEN stage
        WHEN 'month' THEN strftime(ts, '%Y-%m')
        ELSE jl_extra_by(col_by, extra)
    END, '—');

-- The breakdown by persona when the workspace defines its personas (journeylens/services/
-- persona_rules.py breakdown_groups): `names` and `rules` (rule_key) are the personas, in their
-- order (the chosen ones when the view filters by persona). A row is in the group of every persona
-- whose rule it matches, so a persona's group holds exactly the rows its filter keeps (the same
-- test as jl_in_personas, one rule at a time); a row matching none is in no group ('—').
-- The queries join their rows to jl_groups ON jl_rule_hit: a join of the rows with a few rules
-- runs vectorised, about 15x faster than a list lambda per row.
CREATE OR REPLACE MACRO jl_by_groups(col_by, rules) AS
    coalesce(col_by = 'persona', false) AND coalesce(len(rules), 0) > 0;
CREATE OR REPLACE MACRO jl_groups(names, rules) AS TABLE
    SELECT list_extract(names, i) AS group_name, list_extract(rules, i) AS group_rule, i AS group_pos
    FROM (SELECT unnest(range(1, len(names) + 1)) AS i);
CREATE OR REPLACE MACRO jl_rule_hit(rule, persona, segment, channel, extra) AS
    coalesce(rule = 'persona:' || persona OR rule = 'segment:' || segment
             OR rule = 'channel:' || channel
             OR (starts_with(rule, 'col:')
                 AND extra[split_part(substr(rule, 5), chr(31), 1)]
                     = substr(rule, strpos(rule, chr(31)) + 1)), false);
-- A heatmap cell's column chosen by its value (the comments of one cell): jl_column's value, or
-- with defined personas the rows of the persona named `col_value` ('—': those matching none).
CREATE OR REPLACE MACRO jl_in_column(col_by, col_value, names, rules,
                                     segment, persona, channel, stage, ts, extra) AS
    CASE WHEN NOT jl_by_groups(col_by, rules)
         THEN jl_column(col_by, segment, persona, channel, stage, ts, extra) = col_value
         WHEN col_value = '—' THEN NOT jl_in_personas(rules, persona, segment, channel, extra)
         ELSE coalesce(jl_rule_hit(list_extract(rules, list_position(names, col_value)),
                                   persona, segment, channel, extra), false) END;

-- Key drivers (journeylens/services/insights): a customer (cust = 64-bit hash of their key) belongs to the
-- random sample of per_mille customers in a thousand; 1000 keeps everyone. Bits 32.. of the hash,
-- independent of the bootstrap's buckets (cust % 200).
CREATE OR REPLACE MACRO jl_in_sample(cust, per_mille) AS
    per_mille >= 1000 OR (cust >> 32) % 1000 < per_mille;

-- Alerts (journeylens/services/insights/alerts.py): conversion to the next funnel step. One row per event at
-- step k of `steps` (k < len(steps)) in [t0, t1) whose window has passed before data_end, paired
-- with each event at step k + 1 of the same customer at or after it and within the window (hit;
-- a row with hit = false when there is none). A hash join on (customer, step) with the window as a
-- range: a customer has few events per step. NULL t0 / t1: open. The persona / segment filters
-- apply; the caller chooses the steps (channel / stage) on `touchpoint` and `channel`.
CREATE OR REPLACE MACRO jl_step_hits(ws, personas, segments, extras, steps, t0, t1, window_seconds, data_end) AS TABLE
    WITH st AS (
        SELECT unnest(steps) AS touchpoint, generate_subscripts(steps, 1) AS k
    ), e AS (
        SELECT hash(e.customer_id) AS cust, st.k, e.ts, e.touchpoint, e.channel
        FROM filtered_events_lean(ws, NULL, NULL, personas, segments, []::VARCHAR[], []::VARCHAR[], extras) e
        JOIN st USING (touchpoint)
        WHERE (t0 IS NULL OR e.ts >= t0)
          AND (t1 IS NULL OR e.ts < t1 + to_seconds(window_seconds))
    ), a AS (
        SELECT cust, k, ts, touchpoint, channel FROM e
        WHERE (t1 IS NULL OR ts < t1) AND ts + to_seconds(window_seconds) <= data_end
          AND k < len(steps)
    ), b AS (
        SELECT cust, k - 1 AS k, ts AS next_ts FROM e WHERE k > 1
    )
    SELECT a.k, a.ts, a.touchpoint, a.channel, a.cust, b.cust IS NOT NULL AS hit
    FROM a LEFT JOIN b ON a.cust = b.cust AND a.k = b.k
     AND b.next_ts >= a.ts AND b.next_ts <= a.ts + to_seconds(window_seconds);

-- A conversion event (paths, attribution): the event of the named conversion touchpoint when one
-- is given (conversion_tp), else an event flagged converted, else (no flag) one with a value > 0.
CREATE OR REPLACE MACRO jl_is_conversion(touchpoint, converted, value, conversion_tp) AS
    CASE WHEN conversion_tp IS NOT NULL THEN touchpoint = conversion_tp
         ELSE coalesce(converted, value > 0, FALSE) END;

-- Comment themes (journeylens/services/themes.py): the terms of a comment, defined once. Queries apply the
-- steps in order, each on the column the previous one made (words, keys, stops, terms: a macro
-- argument is pasted into every lambda that uses it, so a nested call would re-cut the comment
-- for every word).
-- jl_words: lower case, Unicode NFC, apostrophes dropped (don't -> dont), split on anything but
-- letters and digits; punctuation that ends a phrase (. , ; : ! ? brackets quotes /) and numbers
-- leave a '|' mark between words (no term crosses one).
-- jl_term_keys: a comment with a letter only Vietnamese writes (đ, ơ, ư, a tone mark) is
-- Vietnamese and keeps its syllables; otherwise the Romanian letters are folded (ș ş -> s,
-- ț ţ -> t, ă â -> a, î -> i), so a word written with or without diacritics is one term.
-- jl_term_stops: Vietnamese stop words as above, else Romanian when the comment has a Romanian
-- letter or more Romanian than English stop words, else English.
-- jl_terms_of: the words that are not stop words or single letters, and every two
-- consecutive words of one phrase (a Vietnamese two-syllable word) where neither is a stop word
-- or the first is a negation ("not helpful", "nu merge") and the second is not a stop word.
-- Each term is {key: the folded form it is counted by, shown: the form as written}.
-- jl_without_pii: e-mail addresses and phone numbers (mask_pii) never become terms: they are cut
-- out before the words are split, whatever the workspace's masking setting.
CREATE OR REPLACE MACRO jl_without_pii(comment) AS
    regexp_replace(mask_pii(comment), '\[(email|phone)\]', ' | ', 'g');
CREATE OR REPLACE MACRO jl_words(comment) AS
    list_transform(
        list_filter(regexp_split_to_array(
                        regexp_replace(regexp_replace(lower(nfc_normalize(comment)), '[''’]', '', 'g'),
                                       '[.,;:!?…()\[\]"“”„«»/]+', ' | ', 'g'),
                        '[^\p{L}\p{N}|]+'),
                    lambda w: w <> ''),
        lambda w: CASE WHEN regexp_full_match(w, '[0-9]+') THEN '|' ELSE w END);
CREATE OR REPLACE MACRO jl_is_vietnamese(comment) AS
    regexp_matches(lower(nfc_normalize(comment)),
        '[đơưạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]');
CREATE OR REPLACE MACRO jl_term_keys(comment, words) AS
    CASE WHEN jl_is_vietnamese(comment) THEN words
         ELSE list_transform(words, lambda w: translate(w, 'șşțţăâî', 'ssttaai')) END;
CREATE OR REPLACE MACRO jl_term_stops(comment, keys, stop_en, stop_vi, stop_ro) AS
    CASE WHEN jl_is_vietnamese(comment) THEN stop_vi
         WHEN regexp_matches(lower(comment), '[șşțţăâî]')
              OR len(list_filter(keys, lambda x: list_contains(stop_ro, x)))
                 > len(list_filter(keys, lambda x: list_contains(stop_en, x))) THEN stop_ro
         ELSE stop_en END;
CREATE OR REPLACE MACRO jl_terms_of(words, keys, stops, negations) AS
    list_concat(
        list_transform(
            list_filter(range(1, len(keys) + 1),
                        lambda i: keys[i] <> '|' AND length(keys[i]) >= 2
                                  AND NOT list_contains(stops, keys[i])),
            lambda i: {'key': keys[i], 'shown': words[i]}),
        list_transform(
            list_filter(range(1, len(keys)),
                        lambda i: keys[i] <> '|' AND keys[i + 1] <> '|'
                                  AND (NOT list_contains(stops, keys[i])
                                       OR list_contains(negations, keys[i]))
                                  AND NOT list_contains(stops, keys[i + 1])),
            lambda i: {'key': keys[i] || ' ' || keys[i + 1], 'shown': words[i] || ' ' || words[i + 1]}));
