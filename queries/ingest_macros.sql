-- name: ingest_macros
-- runner: script
-- Temporary (per-connection) macros used by the importer to read dates and numbers from text.
-- jl_ts(v, fmts): text -> UTC-naive TIMESTAMP. A trailing offset (+01:00, -0500, Z) or zone
-- abbreviation (CET, CEST, UTC, GMT, EST, PST...) after a time is split off and subtracted;
-- ordinal days (5th Jan 2020) are cleaned; ISO text is cast directly, anything else is tried
-- against the list of strptime formats detected for the column.
CREATE OR REPLACE TEMP MACRO jl_ts_split(v) AS regexp_extract(
    trim(v),
    '^(.*\d:\d\d(?:[:.,]\d+)*(?:\s*[AaPp]\.?[Mm]\.?)?)\s*(Z|UTC|GMT|WET|WEST|BST|CET|CEST|MET|MEST|EET|EEST|MSK|ICT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|JST|KST|AEST|AEDT|SGT|HKT|[+-]\d\d:?\d\d|[+-]\d\d)$',
    ['body', 'tz']);
CREATE OR REPLACE TEMP MACRO jl_ts_body(v) AS
    CASE WHEN jl_ts_split(v).body = '' THEN trim(v) ELSE jl_ts_split(v).body END;
-- DuckDB's own cast ignores trailing text ("3:02 pm" -> 03:02), so only strict ISO text uses it.
CREATE OR REPLACE TEMP MACRO jl_iso(s) AS
    CASE WHEN regexp_full_match(s, '\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?')
         THEN TRY_CAST(s AS TIMESTAMP) END;
CREATE OR REPLACE TEMP MACRO jl_tz_minutes(tz) AS
    CASE
        WHEN tz IS NULL OR tz = '' THEN 0
        WHEN tz[1] IN ('+', '-') THEN
            (CASE WHEN tz[1] = '-' THEN -1 ELSE 1 END)
            * (CAST(replace(tz[2:], ':', '')[1:2] AS INTEGER) * 60
               + coalesce(TRY_CAST(replace(tz[2:], ':', '')[3:4] AS INTEGER), 0))
        ELSE CASE tz
            WHEN 'Z' THEN 0 WHEN 'UTC' THEN 0 WHEN 'GMT' THEN 0 WHEN 'WET' THEN 0
            WHEN 'WEST' THEN 60 WHEN 'BST' THEN 60 WHEN 'CET' THEN 60 WHEN 'MET' THEN 60
            WHEN 'CEST' THEN 120 WHEN 'MEST' THEN 120 WHEN 'EET' THEN 120 WHEN 'EEST' THEN 180
            WHEN 'MSK' THEN 180 WHEN 'ICT' THEN 420 WHEN 'SGT' THEN 480 WHEN 'HKT' THEN 480
            WHEN 'JST' THEN 540 WHEN 'KST' THEN 540 WHEN 'AEST' THEN 600 WHEN 'AEDT' THEN 660
            WHEN 'EST' THEN -300 WHEN 'EDT' THEN -240 WHEN 'CST' THEN -360 WHEN 'CDT' THEN -300
            WHEN 'MST' THEN -420 WHEN 'MDT' THEN -360 WHEN 'PST' THEN -480 WHEN 'PDT' THEN -420
            WHEN 'AKST' THEN -540 WHEN 'AKDT' THEN -480 WHEN 'HST' THEN -600
            ELSE 0 END
    END;
CREATE OR REPLACE TEMP MACRO jl_clean_date(s) AS
    regexp_replace(regexp_replace(s, '(\d)(st|nd|rd|th)\b', '\1', 'g'), '\s+', ' ', 'g');
-- The full reading (zone suffix, ordinal days, ISO fallback): regular expressions, so slow.
CREATE OR REPLACE TEMP MACRO jl_ts_full(v, fmts) AS
    coalesce(try_strptime(jl_clean_date(jl_ts_body(v)), fmts), jl_iso(jl_ts_body(v)))
    - to_minutes(jl_tz_minutes(jl_ts_split(v).tz));
-- Fast path first: a value that one of the column's formats reads as it stands has no zone suffix
-- (no format has %z, and strptime rejects trailing text), no ordinal day and no repeated blank
-- (nothing jl_clean_date would change), so jl_ts_full would return the same timestamp. COALESCE
-- evaluates jl_ts_full only for the values the fast path could not read.
CREATE OR REPLACE TEMP MACRO jl_ts(v, fmts) AS
    CASE WHEN v IS NULL OR trim(v) = '' THEN NULL ELSE
        coalesce(try_strptime(trim(v), fmts), jl_ts_full(v, fmts))
    END;
-- jl_blank(v): the cell as text, or NULL when it is empty or one of the placeholders survey tools
-- and spreadsheets write for "no answer" (N/A, #N/A, -, en or em dash): a blank, not an error.
CREATE OR REPLACE TEMP MACRO jl_blank(v) AS
    CASE WHEN lower(trim(v)) IN ('', 'n/a', '#n/a', '-', '–', '—') THEN NULL ELSE trim(v) END;
-- jl_num(v, decimal_comma): text -> DOUBLE. Thousands separators count only in groups of three
-- digits (1,234.5 or 1.234,5); any other single separator is the decimal mark, so 7.5 in a
-- decimal-comma file and 7,5 in a decimal-point file both read as 7.5 (and a score then gets
-- "not a whole number", not a misleading 75 "outside 0-10"). Plain numbers take the fast cast.
CREATE OR REPLACE TEMP MACRO jl_num_text(v) AS replace(replace(trim(v), ' ', ''), chr(160), '');
CREATE OR REPLACE TEMP MACRO jl_num(v, decimal_comma) AS
    CASE WHEN decimal_comma THEN
        CASE WHEN NOT contains(v, '.') THEN TRY_CAST(replace(jl_num_text(v), ',', '.') AS DOUBLE)
             WHEN regexp_full_match(jl_num_text(v), '[+-]?\d{1,3}(\.\d{3})+(,\d+)?')
             THEN TRY_CAST(replace(replace(jl_num_text(v), '.', ''), ',', '.') AS DOUBLE)
             ELSE TRY_CAST(replace(jl_num_text(v), ',', '.') AS DOUBLE) END
    ELSE coalesce(
        TRY_CAST(trim(v) AS DOUBLE),
        CASE WHEN regexp_full_match(jl_num_text(v), '[+-]?\d{1,3}(,\d{3})+(\.\d+)?')
             THEN TRY_CAST(replace(jl_num_text(v), ',', '') AS DOUBLE)
             ELSE TRY_CAST(replace(jl_num_text(v), ',', '.') AS DOUBLE) END)
    END;
-- jl_bool(v): yes/no words in English, Vietnamese and Romanian; NULL when not a boolean.
CREATE OR REPLACE TEMP MACRO jl_bool(v) AS
    CASE WHEN lower(trim(v)) IN ('1', 'true', 't', 'yes', 'y', 'x', 'converted', 'có', 'co', 'đúng',
                                 'da', 'adevărat', 'adevarat') THEN TRUE
         WHEN lower(trim(v)) IN ('0', 'false', 'f', 'no', 'n', 'không', 'khong', 'sai', 'nu',
                                 'fals') THEN FALSE
    END;
