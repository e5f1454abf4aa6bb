-- name: schema
-- runner: script
-- Canonical tables. Every table carries workspace_id; every data row carries the dataset it came from
-- so that deleting a dataset removes exactly its rows.
CREATE SEQUENCE IF NOT EXISTS workspace_ids START 1;
CREATE SEQUENCE IF NOT EXISTS dataset_ids START 1;

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS workspaces (
    workspace_id INTEGER PRIMARY KEY DEFAULT nextval('workspace_ids'),
    name VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    min_n INTEGER NOT NULL DEFAULT 30,
    conversion_window_seconds BIGINT NOT NULL DEFAULT 1209600,
    ces_high_is_easy BOOLEAN NOT NULL DEFAULT TRUE,
    emotion_threshold DOUBLE NOT NULL DEFAULT -0.5,
    data_version BIGINT NOT NULL DEFAULT 0,
    mask_pii BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE IF NOT EXISTS datasets (
    dataset_id INTEGER PRIMARY KEY DEFAULT nextval('dataset_ids'),
    workspace_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    source_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    source_format VARCHAR,
    rows_loaded BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    loaded_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    mapping JSON
);

CREATE TABLE IF NOT EXISTS touchpoints (
    workspace_id INTEGER NOT NULL,
    dataset_id INTEGER,
    touchpoint VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    stage_order INTEGER NOT NULL,
    step_order INTEGER NOT NULL,
    channel VARCHAR,
    owner VARCHAR,
    goal VARCHAR,
    description VARCHAR,
    target_csat DOUBLE,
    in_funnel BOOLEAN NOT NULL DEFAULT TRUE,  -- a default funnel step (vs an optional touchpoint)
    -- the journey map's free-text lanes, written per touchpoint on the Journey map page or
    -- uploaded with the journey definition (optional CSV columns of the same names)
    thoughts VARCHAR,
    opportunities VARCHAR,
    ideas VARCHAR,
    PRIMARY KEY (workspace_id, touchpoint)
);

CREATE TABLE IF NOT EXISTS responses (
    workspace_id INTEGER NOT NULL,
    dataset_id INTEGER NOT NULL,
    src_row BIGINT NOT NULL,
    response_id VARCHAR,
    customer_id VARCHAR,
    touchpoint VARCHAR,
    submitted_at TIMESTAMP,
    nps TINYINT,
    csat TINYINT,
    ces TINYINT,
    emotion DOUBLE,
    comment VARCHAR,
    persona VARCHAR,
    segment VARCHAR,
    channel VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
);

CREATE TABLE IF NOT EXISTS events (
    workspace_id INTEGER NOT NULL,
    dataset_id INTEGER NOT NULL,
    src_row BIGINT NOT NULL,
    customer_id VARCHAR NOT NULL,
    touchpoint VARCHAR NOT NULL,
    ts TIMESTAMP NOT NULL,
    channel VARCHAR,
    persona VARCHAR,
    segment VARCHAR,
    value DOUBLE,
    converted BOOLEAN,
    extra MAP(VARCHAR, VARCHAR)
);

CREATE TABLE IF NOT EXISTS saved_mappings (
    header_key VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    mapping JSON NOT NULL,
    saved_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    PRIMARY KEY (header_key, kind)
);

-- Stakeholder links: the token itself is never stored, only its id, so the table cannot be used
-- to forge links; revoking marks the id.
CREATE TABLE IF NOT EXISTS share_links (
    link_id VARCHAR PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    expires_at TIMESTAMP NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE,
    note VARCHAR,  -- who the link was for
    last_used_at TIMESTAMP  -- when a viewer last opened the app with it
);

-- Saved views (journeylens/services/views.py): a named page plus its URL query string (filters and
-- page controls), listed in the sidebar. The query string is kept as given, never built into SQL.
CREATE TABLE IF NOT EXISTS saved_views (
    view_id VARCHAR PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    description VARCHAR,
    url_path VARCHAR NOT NULL,  -- the page's slug (pages_registry.PAGES)
    query VARCHAR NOT NULL,  -- the URL query string, without the leading "?"
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR  -- the name the editor typed, if any
);

-- Signed-in editors (journeylens/services/signin.py): the session cookie names an id here, and only an id
-- that is here, not ended and not expired lets its holder in. Signing out ends it.
CREATE TABLE IF NOT EXISTS editor_sessions (
    session_id VARCHAR PRIMARY KEY,
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    expires_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP,
    client VARCHAR
);

-- Summaries for the unfiltered view, kept in the load's transaction (queries/dash_summary_refresh.sql)
-- and read only while summary_versions says they match the workspace's data_version
-- (queries/dash_summary_fresh.sql); any filtered view computes from the rows.
-- touchpoint_volume: distinct customers with an event at each touchpoint.
-- touchpoint_words: comment words (jl_comment_words) per touchpoint with their frequency.
-- workspace_facets: the distinct (persona, segment, channel, touchpoint) of answers and events,
-- with their first and last timestamp (the sidebar's filter options).
-- response_cube (the exception: it serves filtered views too): the answers' score counts per
-- day x touchpoint x persona x segment x own channel (see filtered_cube in queries/macros.sql).
CREATE TABLE IF NOT EXISTS summary_versions (
    workspace_id INTEGER NOT NULL,
    part VARCHAR NOT NULL,  -- 'volume' | 'words' | 'facets' | 'cube'
    data_version BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS touchpoint_volume (
    workspace_id INTEGER NOT NULL,
    touchpoint VARCHAR NOT NULL,
    customers BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS workspace_facets (
    workspace_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,  -- 'responses' | 'events'
    persona VARCHAR,
    segment VARCHAR,
    channel VARCHAR,
    touchpoint VARCHAR,
    first_ts TIMESTAMP,
    last_ts TIMESTAMP,
    n_rows BIGINT  -- rows in the group (sizes the funnel's reads)
);

CREATE TABLE IF NOT EXISTS touchpoint_words (
    workspace_id INTEGER NOT NULL,
    touchpoint VARCHAR NOT NULL,
    word VARCHAR NOT NULL,
    freq BIGINT NOT NULL
);

-- One row per (day, touchpoint, persona, segment, channel) of a workspace's answers, with additive
-- counts and sums only (built by queries/dash_summary_refresh.sql from jl_response_facts, whose
-- per-answer definitions it sums). day = CAST(submitted_at AS DATE) keeps the whole-day date filter
-- exact; channel is the answer's OWN channel (may be NULL): the touchpoint's channel, stage and
-- order are looked up at query time, so a journey edit needs no rebuild.
CREATE TABLE IF NOT EXISTS response_cube (
    workspace_id INTEGER NOT NULL,
    day DATE,
    touchpoint VARCHAR,
    persona VARCHAR,
    segment VARCHAR,
    channel VARCHAR,
    answers BIGINT NOT NULL,
    n_nps BIGINT NOT NULL,
    promoters BIGINT NOT NULL,
    passives BIGINT NOT NULL,
    detractors BIGINT NOT NULL,
    n_csat BIGINT NOT NULL,
    csat_top2 BIGINT NOT NULL,
    csat_sum DOUBLE NOT NULL,
    n_ces BIGINT NOT NULL,
    ces_sum DOUBLE NOT NULL,
    ces_sumsq DOUBLE NOT NULL,
    ces_high BIGINT NOT NULL,
    n_emotion BIGINT NOT NULL,
    emotion_sum DOUBLE NOT NULL,
    emotion_sumsq DOUBLE NOT NULL,
    src_emotion BIGINT NOT NULL,
    src_csat BIGINT NOT NULL,
    src_nps BIGINT NOT NULL,
    n_comments BIGINT NOT NULL
);

-- touchpoint_order: the customers' own order of the touchpoints, for workspaces (or touchpoints)
-- without a journey definition. source 'events': the median, over customers, of the position of
-- the touchpoint's first event among the customer's events; source 'responses': the order of
-- first appearance in the answers (dataset, then file row). Rebuilt whenever answers or events
-- change (queries/dash_summary_refresh.sql); read through jl_tp_rank (queries/macros.sql).
CREATE TABLE IF NOT EXISTS touchpoint_order (
    workspace_id INTEGER NOT NULL,
    touchpoint VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    rank DOUBLE NOT NULL
);

-- The unfiltered default funnel (journeylens/services/funnel/steps.py refresh_default), kept at write time with
-- the steps and window it was computed for; valid while summary_versions part 'funnel' matches.
CREATE TABLE IF NOT EXISTS funnel_default (
    workspace_id INTEGER NOT NULL,
    steps VARCHAR[] NOT NULL,
    window_seconds BIGINT NOT NULL,
    step INTEGER NOT NULL,
    touchpoint VARCHAR NOT NULL,
    count BIGINT NOT NULL,
    median_seconds_from_previous DOUBLE,
    mean_seconds_from_previous DOUBLE
);

-- Key drivers (journeylens/services/insights/drivers): the numeric extra columns of wide survey exports
-- (responses.extra keys) that the user marked as driver questions on the Data page's mapping step.
CREATE TABLE IF NOT EXISTS driver_columns (
    workspace_id INTEGER NOT NULL,
    column_name VARCHAR NOT NULL,
    marked_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    PRIMARY KEY (workspace_id, column_name)
);

-- Key drivers' write-time summaries for the unfiltered view (queries/insights_summary_refresh.sql,
-- parts 'cust_scores' and 'cust_events' of summary_versions); a filtered view reads the rows.
-- cust = hash of the customer key (customer_id, else response_id, else dataset:row), so that the
-- customer-level joins and groups run on integers (64-bit: two customers of 2M share a hash about
-- once in 10^7 workspaces, the same trade as journeylens/domain/funnel_engine.py).
-- customer_scores: per customer and touchpoint (NULL: answers without one) the counts and sums of
-- each score, and the customer's conversion copied from customer_events (so the impact on
-- conversion is one scan); customer_events: per customer in the events, whether an event is
-- flagged converted (NULL when none of their events carries the flag).
CREATE TABLE IF NOT EXISTS customer_scores (
    workspace_id INTEGER NOT NULL,
    cust UBIGINT NOT NULL,
    touchpoint VARCHAR,
    n_nps INTEGER NOT NULL,
    nps_sum DOUBLE,
    n_csat INTEGER NOT NULL,
    csat_sum DOUBLE,
    n_ces INTEGER NOT NULL,
    ces_sum DOUBLE,
    n_emotion INTEGER NOT NULL,
    emotion_sum DOUBLE,
    in_events BOOLEAN,  -- the customer has events (customer_events)
    converted BOOLEAN  -- and one of them is flagged converted (NULL: no flag on any of them)
);

CREATE TABLE IF NOT EXISTS customer_events (
    workspace_id INTEGER NOT NULL,
    cust UBIGINT NOT NULL,
    converted BOOLEAN
);

-- Alerts: conversion to the next funnel step per period cohort (jl_step_hits in queries/macros.sql)
-- of the unfiltered view, for the steps and window it was computed for (part 'cohorts'), from
-- `since` (13 months before the last event's month: what the alerts compare and draw); rebuilt by
-- queries/insights_summary_refresh.sql when the events, the funnel steps or the window change.
CREATE TABLE IF NOT EXISTS conversion_cohorts (
    workspace_id INTEGER NOT NULL,
    steps VARCHAR[] NOT NULL,
    window_seconds BIGINT NOT NULL,
    since DATE NOT NULL,
    grain VARCHAR NOT NULL,  -- 'month' (weeks are read from the events)
    period DATE NOT NULL,
    touchpoint VARCHAR NOT NULL,
    next_touchpoint VARCHAR NOT NULL,
    n BIGINT NOT NULL,
    converted BIGINT NOT NULL
);

-- Paths (journeylens/services/paths.py): the unfiltered directly-follows graph and the unfiltered flow from
-- each customer's first event (repeats collapsed, 10 steps, converters apart), kept at write time
-- like funnel_default; valid while summary_versions part 'paths' matches the data_version.
CREATE TABLE IF NOT EXISTS path_dfg_summary (
    workspace_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    target VARCHAR,  -- NULL: the row holds the ends at source
    count BIGINT NOT NULL,
    starts BIGINT NOT NULL,
    median_seconds DOUBLE
);

CREATE TABLE IF NOT EXISTS path_flow_summary (
    workspace_id INTEGER NOT NULL,
    converted BOOLEAN NOT NULL,
    step INTEGER NOT NULL,
    source VARCHAR,
    target VARCHAR NOT NULL,
    customers BIGINT NOT NULL
);

-- Aggregated path files as attribution tools export them (dataset kind 'paths'): one row per path
-- such as 'alpha > beta > alpha' with its conversions, conversion value and non-converting count.
CREATE TABLE IF NOT EXISTS path_counts (
    workspace_id INTEGER NOT NULL,
    dataset_id INTEGER NOT NULL,
    src_row BIGINT NOT NULL,
    path VARCHAR[] NOT NULL,
    conversions DOUBLE NOT NULL,
    value DOUBLE NOT NULL,
    nulls DOUBLE NOT NULL
);

-- Personas (journeylens/services/personas.py), the journey's people as the manager defines them: a
-- name, a description, goals and pains, and the rule that assigns answers and events to the persona:
-- rows whose rule_column (persona | segment | channel) equals rule_value. The view filters offer
-- these names and filter by their rules (jl_in_personas in queries/macros.sql). position keeps the
-- order they were written in. A database from an earlier version gets the table on opening
-- (CREATE ... IF NOT EXISTS), empty: its views filter by the persona column as before.
CREATE TABLE IF NOT EXISTS personas (
    workspace_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    description VARCHAR,
    goals VARCHAR,
    pains VARCHAR,
    rule_column VARCHAR NOT NULL,
    rule_value VARCHAR NOT NULL,
    PRIMARY KEY (workspace_id, name)
);

-- Migrations for databases created by earlier versions.
ALTER TABLE touchpoints ADD COLUMN IF NOT EXISTS in_funnel BOOLEAN DEFAULT TRUE;
ALTER TABLE touchpoints ADD COLUMN IF NOT EXISTS thoughts VARCHAR;
ALTER TABLE touchpoints ADD COLUMN IF NOT EXISTS opportunities VARCHAR;
ALTER TABLE touchpoints ADD COLUMN IF NOT EXISTS ideas VARCHAR;
ALTER TABLE workspaces ADD COLUMN IF NOT EXISTS mask_pii BOOLEAN DEFAULT FALSE;
ALTER TABLE workspace_facets ADD COLUMN IF NOT EXISTS n_rows BIGINT;
ALTER TABLE share_links ADD COLUMN IF NOT EXISTS last_used_at TIMESTAMP;
ALTER TABLE customer_scores ADD COLUMN IF NOT EXISTS in_events BOOLEAN;
ALTER TABLE customer_scores ADD COLUMN IF NOT EXISTS converted BOOLEAN;
ALTER TABLE conversion_cohorts ADD COLUMN IF NOT EXISTS since DATE;
