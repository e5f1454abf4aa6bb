"""Seeded synthetic JourneyLens data, generated with DuckDB SQL (fast, bounded memory).

Files written into the work directory:

    touchpoints.csv                  the journey definition: 20 touchpoints in 5 stages
    responses.parquet / .csv         survey answers (n_answers rows)
    events.parquet / .csv            the touchpoint log (about n_events rows)

Cardinalities: 20 touchpoints, 5 stages, 6 channels, 6 personas, 4 segments, two years of
timestamps (2023-01-01 .. 2024-12-31), blanks per score column between 30% and 70%
(nps 30%, csat 45%, ces 60%, emotion 70%), one customer per 5 answers.

Events follow journeys: a journey belongs to one customer, starts at touchpoint 1 and moves
through the touchpoints in journey order, continuing to the next one with probability
CONTINUE (geometric drop-off, capped at 20 steps); 5% of steps are skipped, and 30% of journeys
carry one stray event of a random touchpoint at a random moment inside the journey. A journey
spans 10 minutes to 20 days (log-uniform) and its steps are spread over that span in order, so
gaps range from seconds to days and some journeys overrun a 14-day conversion window.
Customers have several journeys (repeat visits), so the funnel has to choose among starts.

All randomness is hash(seed, row, salt): the same seed gives byte-identical files.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from journeylens.storage import db  # noqa: E402 - every connection gets the safe settings

STAGES = ("Awareness", "Consideration", "Purchase", "Delivery", "Loyalty")
TOUCHPOINTS = (
    ("Social ad", "Social"), ("Search ad", "Web"), ("Review site", "Web"),
    ("Friend referral", "Social"), ("Website visit", "Web"), ("Product page", "Web"),
    ("Price comparison", "Web"), ("Live chat", "Web"), ("Add to cart", "Mobile app"),
    ("Checkout", "Mobile app"), ("Payment", "Mobile app"), ("Order confirmation", "Email"),
    ("Shipping notice", "Email"), ("Delivery", "Store"), ("Unboxing", "Store"),
    ("Setup guide", "Email"), ("Support call", "Phone"), ("Survey email", "Email"),
    ("Loyalty app", "Mobile app"), ("Renewal", "Phone"),
)  # fmt: skip
CHANNELS = ("Web", "Mobile app", "Email", "Phone", "Store", "Social")
PERSONAS = (
    "Bargain hunter", "Loyalist", "First-timer", "Professional", "Researcher", "Impulse buyer",
)  # fmt: skip
SEGMENTS = ("B2C", "B2B", "SMB", "Enterprise")
WORDS = [
    "delivery",
    "slow",
    "late",
    "fast",
    "friendly",
    "staff",
    "helpful",
    "rude",
    "price",
    "expensive",
    "cheap",
    "website",
    "confusing",
    "easy",
    "checkout",
    "payment",
    "failed",
    "app",
    "crashed",
    "great",
    "service",
    "support",
    "waited",
    "hours",
    "refund",
    "quality",
    "broken",
    "perfect",
    "recommend",
    "never",
    "again",
    "love",
    "product",
    "packaging",
    "damaged",
    "courier",
    "email",
    "spam",
    "discount",
    "coupon",
    "app",
    "login",
    "password",
    "reset",
    "chat",
    "bot",
    "useless",
]
FILLERS = ("the", "was", "and", "very", "but", "too", "really")

CONTINUE = 0.88  # probability of moving on to the next touchpoint
SKIP = 0.05  # a step the customer skipped (no event)
STRAY = 0.30  # share of journeys with one out-of-order event
START = "2023-01-01"
DAYS = 730

# the 5-step funnel of the benchmark: the first touchpoint of each stage
FUNNEL_5 = tuple(TOUCHPOINTS[i][0] for i in (0, 4, 8, 12, 16))


def expected_events_per_journey() -> float:
    mean_len = sum(CONTINUE**k for k in range(20))
    return 1 + (mean_len - 1) * (1 - SKIP) + STRAY


def _sql_list(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _u(*parts: str) -> str:
    """A uniform [0, 1) number from hash(seed, parts...)."""
    return f"(hash($seed, {', '.join(parts)}) % 1000000007)::DOUBLE / 1000000007"


def touchpoints_sql() -> str:
    rows = []
    for i, (name, channel) in enumerate(TOUCHPOINTS):
        stage = STAGES[i // 4]
        target = 3.6 + (i % 3) * 0.2
        rows.append(
            f"('{name}', '{stage}', {i // 4 + 1}, {i + 1}, '{channel}', "
            f"'{['Marketing', 'Sales', 'Operations', 'Logistics', 'Service'][i // 4]}', "
            f"'Goal of {name.lower()}', 'The {name.lower()} touchpoint', {target:.1f})"
        )
    return (
        "SELECT * FROM (VALUES " + ", ".join(rows) + ") AS t(touchpoint, stage, stage_order, "
        "step_order, channel, owner, goal, description, target_csat)"
    )


def responses_sql() -> str:
    tp_names = _sql_list([t[0] for t in TOUCHPOINTS])
    tp_channels = _sql_list([t[1] for t in TOUCHPOINTS])
    noise = "(" + " + ".join(_u("i", f"'n{k}'") for k in (1, 2, 3)) + " - 1.5)"
    words = _sql_list(list(WORDS))
    fillers = _sql_list(list(FILLERS))
    return f"""
WITH base AS (
    SELECT i,
        (hash($seed, i, 'c') % $customers)::BIGINT AS cust,
        least(19, floor(20 * pow({_u("i", "'tp'")}, 1.4)))::INTEGER AS tpi,
        {noise} AS z,
        {_u("i", "'ch'")} AS uch
    FROM range($n) r(i)
), scored AS (
    SELECT *,
        (((tpi * 7) % 11) - 5) / 5.0 AS tp_bias,
        ((hash($seed, cust, 'p') % 6)::INTEGER - 2.5) / 5.0 AS persona_bias
    FROM base
)
SELECT
    'R' || lpad(i::VARCHAR, 9, '0') AS response_id,
    'C' || lpad(cust::VARCHAR, 8, '0') AS customer_id,
    {tp_names}[tpi + 1] AS touchpoint,
    (TIMESTAMP '{START}' + to_seconds((({_u("i", "'ts'")}) * {DAYS} * 86400)::BIGINT))
        AS submitted_at,
    CASE WHEN {_u("i", "'bn'")} >= 0.30 THEN
        greatest(0, least(10, round(7.2 + 1.6 * tp_bias + 0.8 * persona_bias + 3.2 * z)))::INTEGER
    END AS nps,
    CASE WHEN {_u("i", "'bc'")} >= 0.45 THEN
        greatest(1, least(5, round(3.7 + 0.7 * tp_bias + 0.3 * persona_bias + 1.6 * z)))::INTEGER
    END AS csat,
    CASE WHEN {_u("i", "'be'")} >= 0.60 THEN
        greatest(1, least(7, round(5.0 + 1.0 * tp_bias + 2.2 * z)))::INTEGER
    END AS ces,
    CASE WHEN {_u("i", "'bm'")} >= 0.70 THEN
        round(greatest(-2, least(2, 0.6 * tp_bias + 0.3 * persona_bias + 2.0 * z)) * 2) / 2
    END AS emotion,
    CASE WHEN {_u("i", "'cm'")} < 0.25 THEN
        {words}[1 + (hash($seed, i, 'w1') % {len(WORDS)})::BIGINT] || ' ' ||
        {fillers}[1 + (hash($seed, i, 'f1') % {len(FILLERS)})::BIGINT] || ' ' ||
        {words}[1 + (hash($seed, i, 'w2') % {len(WORDS)})::BIGINT] || ' ' ||
        {words}[1 + (hash($seed, i, 'w3') % {len(WORDS)})::BIGINT] || ' ' ||
        {fillers}[1 + (hash($seed, i, 'f2') % {len(FILLERS)})::BIGINT] || ' ' ||
        {words}[1 + (hash($seed, i, 'w4') % {len(WORDS)})::BIGINT]
    END AS comment,
    {_sql_list(list(PERSONAS))}[1 + (hash($seed, cust, 'p') % 6)::BIGINT] AS persona,
    {_sql_list(list(SEGMENTS))}[1 + (hash($seed, cust, 's') % 4)::BIGINT] AS segment,
    CASE WHEN uch < 0.8 THEN {tp_channels}[tpi + 1]
         ELSE {_sql_list(list(CHANNELS))}[1 + (hash($seed, i, 'c2') % 6)::BIGINT] END AS channel
FROM scored
"""


def events_sql() -> str:
    tp_names = _sql_list([t[0] for t in TOUCHPOINTS])
    tp_channels = _sql_list([t[1] for t in TOUCHPOINTS])
    lo, hi = math.log(600), math.log(20 * 86400)
    return f"""
WITH j AS (
    SELECT j,
        (hash($seed, j, 'cust') % $customers)::BIGINT AS cust,
        least(20, 1 + floor(ln(greatest({_u("j", "'len'")}, 1e-12)) / ln({CONTINUE})))::INTEGER
            AS len,
        {int(DAYS * 86400 - 20 * 86400)} * {_u("j", "'start'")} AS start_s,
        exp({lo} + ({hi - lo}) * {_u("j", "'span'")}) AS span_s
    FROM range($journeys) r(j)
), steps AS (
    SELECT j, cust, len, start_s, span_s, unnest(range(len)) AS s FROM j
), ev AS (
    SELECT j, cust, s AS tpi,
        start_s + CASE WHEN s = 0 THEN 0
                       ELSE span_s * (s + 0.9 * {_u("j", "s", "'off'")}) / len END AS off_s
    FROM steps
    WHERE s = 0 OR {_u("j", "s", "'skip'")} >= {SKIP}
    UNION ALL
    SELECT j, cust, (hash($seed, j, 'stp') % 20)::INTEGER AS tpi,
        start_s + span_s * {_u("j", "'sto'")} AS off_s
    FROM j
    WHERE {_u("j", "'stray'")} < {STRAY}
)
SELECT
    'C' || lpad(cust::VARCHAR, 8, '0') AS customer_id,
    {tp_names}[tpi + 1] AS touchpoint,
    TIMESTAMP '{START}' + to_seconds(off_s::BIGINT) AS ts,
    CASE WHEN {_u("j", "tpi", "'ch'")} < 0.8 THEN {tp_channels}[tpi + 1]
         ELSE {_sql_list(list(CHANNELS))}[1 + (hash($seed, j, tpi, 'c2') % 6)::BIGINT] END AS channel,
    {_sql_list(list(PERSONAS))}[1 + (hash($seed, cust, 'p') % 6)::BIGINT] AS persona,
    {_sql_list(list(SEGMENTS))}[1 + (hash($seed, cust, 's') % 4)::BIGINT] AS segment,
    CASE WHEN tpi = 10 THEN round(20 + 480 * {_u("j", "'val'")}, 2) END AS value,
    tpi = 10 AS converted
FROM ev
"""


def generate(workdir: Path, n_answers: int, n_events: int, seed: int = 42) -> dict[str, object]:
    """Write the files; returns their paths, sizes and row counts."""
    workdir.mkdir(parents=True, exist_ok=True)
    customers = max(1, n_answers // 5)
    journeys = max(1, round(n_events / expected_events_per_journey()))
    con = db.connect(config={"memory_limit": "6GB", "preserve_insertion_order": "false"})
    con.execute(f"SET temp_directory = '{workdir / 'gen_tmp'}'")
    out: dict[str, object] = {}
    tp_csv = workdir / "touchpoints.csv"
    con.execute(f"COPY ({touchpoints_sql()}) TO '{tp_csv}' (HEADER)")
    out["touchpoints_csv"] = str(tp_csv)
    for name, query, params in (
        ("responses", responses_sql(), {"seed": seed, "n": n_answers, "customers": customers}),
        ("events", events_sql(), {"seed": seed, "journeys": journeys, "customers": customers}),
    ):
        pq = workdir / f"{name}.parquet"
        csv = workdir / f"{name}.csv"
        con.execute(
            f"COPY ({query}) TO '{pq}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)",
            params,
        )
        con.execute(f"COPY (SELECT * FROM read_parquet('{pq}')) TO '{csv}' (HEADER)")
        rows = con.execute(f"SELECT count(*) FROM read_parquet('{pq}')").fetchall()[0][0]
        out[f"{name}_parquet"] = str(pq)
        out[f"{name}_csv"] = str(csv)
        out[f"{name}_rows"] = int(rows)
        out[f"{name}_csv_bytes"] = csv.stat().st_size
        out[f"{name}_parquet_bytes"] = pq.stat().st_size
    out["customers"] = customers
    out["journeys"] = journeys
    con.close()
    return out
