-- name: funnel_macros
-- The funnel's chain builder: table macros shared by every funnel query (queries/funnel_*.sql).
-- journeylens/funnel.py creates them as TEMP macros on its cursor before running a funnel query, so
-- they work on a read-only database too. Semantics: the docstring of journeylens/funnel.py.
--
-- funnel_chains(...) returns one row per customer who did step 1 and was not excluded: the chosen
-- chain (the deepest over all step-1 events, then the earliest start) as t1..t10 (NULL past its
-- depth), its depth, and (sd, sr), the strict chain's step-1 event (0, 0 in loose order).
-- funnel_chain_starts(...) adds persona / segment / channel of the chain's step-1 event (only the
-- breakdown needs them: it costs a second scan of the events).
--
-- Three ways to build the chains; the parameters select exactly one, the others read no rows:
--
-- Fast path: loose order and distinct step touchpoints (dv, d1..d10), see below.
--
-- General loose order (a touchpoint repeats among the steps). Only events of step touchpoints are
-- read, grouped per (customer, touchpoint, ts) with their multiplicity m. A group's ASOF key is
-- k = epoch_us(ts) * 2^32 + (m - 1). The greedy chain from a start takes for step k the earliest
-- unused step-k event at or after step k-1's timestamp t: the chain's earlier events of the same
-- touchpoint at exactly t (c of them) are used, so the answer is t itself when m(t) > c, else the
-- next timestamp: an ASOF join on k >= epoch_us(t) * 2^32 + c. Only chain timestamps matter, never
-- which of several simultaneous events filled a step. One start per (customer, ts) of step 1:
-- simultaneous step-1 events reach the same depth, and the first in tiebreak order is the start.
-- Chains that have stopped (or steps past the last) skip the remaining joins.
--
-- Strict order: the step-k event must be the event right after step k-1's in the customer's
-- (ts, dataset_id, src_row) order: one window pass with lead(..., k - 1).
--
-- Choosing the chain: arg_max over one BIGINT, pick = depth * 2^59 - epoch_us(t1) (loose; t1
-- clamped to +-2^58 us, i.e. years -7165..11103, far beyond any real log) or depth * 2^59 - ord
-- (strict; ord = the start's position in the customer's events): deepest, then earliest start.
CREATE OR REPLACE TEMP MACRO funnel_chains(
    ws, d0, d1, f_personas, f_segments, f_channels, f_stages,
    steps, window_s, strict_order, ex_tp, ex_from, ex_to
) AS TABLE
WITH -- Fast path (loose order, every step a different touchpoint: the common case, and always the
-- default steps). No event can fill two steps, so no multiplicity bookkeeping is needed: step k
-- is the earliest step-k event at or after step k-1's timestamp, an ASOF join on ts itself.
-- Duplicate step-1 timestamps give identical chains, so they need no GROUP BY either.
dv AS (
    SELECT customer_id, touchpoint, ts
    FROM filtered_events_lean(ws, d0, d1, f_personas, f_segments, f_channels, f_stages)
    WHERE NOT strict_order AND len(list_distinct(steps)) = len(steps)
      AND list_contains(steps, touchpoint)
),
d1 AS (
    SELECT customer_id, ts AS t1, ts + to_seconds(window_s) AS lim
    FROM dv
    WHERE touchpoint = steps[1]
),
d2 AS (
    SELECT c.customer_id, c.lim, c.t1, CASE WHEN e.ts <= c.lim THEN e.ts END AS t2
    FROM d1 c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[2]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t1
),
d3 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, CASE WHEN e.ts <= c.lim THEN e.ts END AS t3
    FROM (SELECT * FROM d2 WHERE t2 IS NOT NULL AND steps[3] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[3]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t2
    UNION ALL
    SELECT customer_id, lim, t1, t2, NULL::TIMESTAMP AS t3
    FROM d2
    WHERE t2 IS NULL OR steps[3] IS NULL
),
d4 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, CASE WHEN e.ts <= c.lim THEN e.ts END AS t4
    FROM (SELECT * FROM d3 WHERE t3 IS NOT NULL AND steps[4] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[4]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t3
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, NULL::TIMESTAMP AS t4
    FROM d3
    WHERE t3 IS NULL OR steps[4] IS NULL
),
d5 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, CASE WHEN e.ts <= c.lim THEN e.ts END AS t5
    FROM (SELECT * FROM d4 WHERE t4 IS NOT NULL AND steps[5] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[5]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t4
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, t4, NULL::TIMESTAMP AS t5
    FROM d4
    WHERE t4 IS NULL OR steps[5] IS NULL
),
d6 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, CASE WHEN e.ts <= c.lim THEN e.ts END AS t6
    FROM (SELECT * FROM d5 WHERE t5 IS NOT NULL AND steps[6] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[6]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t5
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, t4, t5, NULL::TIMESTAMP AS t6
    FROM d5
    WHERE t5 IS NULL OR steps[6] IS NULL
),
d7 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, CASE WHEN e.ts <= c.lim THEN e.ts END AS t7
    FROM (SELECT * FROM d6 WHERE t6 IS NOT NULL AND steps[7] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[7]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t6
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, t4, t5, t6, NULL::TIMESTAMP AS t7
    FROM d6
    WHERE t6 IS NULL OR steps[7] IS NULL
),
d8 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, CASE WHEN e.ts <= c.lim THEN e.ts END AS t8
    FROM (SELECT * FROM d7 WHERE t7 IS NOT NULL AND steps[8] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[8]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t7
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, t4, t5, t6, t7, NULL::TIMESTAMP AS t8
    FROM d7
    WHERE t7 IS NULL OR steps[8] IS NULL
),
d9 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, c.t8, CASE WHEN e.ts <= c.lim THEN e.ts END AS t9
    FROM (SELECT * FROM d8 WHERE t8 IS NOT NULL AND steps[9] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[9]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t8
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, t4, t5, t6, t7, t8, NULL::TIMESTAMP AS t9
    FROM d8
    WHERE t8 IS NULL OR steps[9] IS NULL
),
d10 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, c.t8, c.t9, CASE WHEN e.ts <= c.lim THEN e.ts END AS t10
    FROM (SELECT * FROM d9 WHERE t9 IS NOT NULL AND steps[10] IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, ts FROM dv WHERE touchpoint = steps[10]) e
        ON c.customer_id = e.customer_id AND e.ts >= c.t9
    UNION ALL
    SELECT customer_id, lim, t1, t2, t3, t4, t5, t6, t7, t8, t9, NULL::TIMESTAMP AS t10
    FROM d9
    WHERE t9 IS NULL OR steps[10] IS NULL
),
fast_chains AS (
    SELECT customer_id, 0 AS sd, 0 AS sr, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10,
           (1 + (t2 IS NOT NULL)::INTEGER + (t3 IS NOT NULL)::INTEGER + (t4 IS NOT NULL)::INTEGER + (t5 IS NOT NULL)::INTEGER + (t6 IS NOT NULL)::INTEGER + (t7 IS NOT NULL)::INTEGER + (t8 IS NOT NULL)::INTEGER + (t9 IS NOT NULL)::INTEGER + (t10 IS NOT NULL)::INTEGER)::BIGINT * 576460752303423488
           - greatest(-288230376151711744, least(288230376151711743, epoch_us(t1))) AS pick
    FROM d10
),
-- General loose path and strict path
fe AS (
    SELECT customer_id, touchpoint, ts, dataset_id, src_row
    FROM filtered_events_lean(ws, d0, d1, f_personas, f_segments, f_channels, f_stages)
    WHERE strict_order OR len(list_distinct(steps)) < len(steps)
),
lev AS (
    SELECT customer_id, touchpoint, ts,
           epoch_us(ts)::HUGEINT * 4294967296 + (count(*) - 1) AS k
    FROM fe
    WHERE NOT strict_order AND list_contains(steps, touchpoint)
    GROUP BY customer_id, touchpoint, ts
),
c1 AS (
    SELECT customer_id, ts AS t1, ts + to_seconds(window_s) AS lim,
           CASE WHEN steps[2] IS NOT NULL
                THEN epoch_us(ts)::HUGEINT * 4294967296
                     + (CASE WHEN steps[2] = steps[1] THEN 1 ELSE 0 END) END AS lk2
    FROM lev
    WHERE touchpoint = steps[1]
),
c2 AS (
    SELECT c.customer_id, c.lim, c.t1,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t2,
           CASE WHEN steps[3] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[3] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[3] THEN 1 ELSE 0 END) END AS lk3
    FROM (SELECT * FROM c1 WHERE lk2 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[2]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk2
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, NULL::TIMESTAMP AS t2, NULL::HUGEINT AS lk3
    FROM c1 c
    WHERE c.lk2 IS NULL
),
c3 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t3,
           CASE WHEN steps[4] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[4] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[4] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[4] THEN 1 ELSE 0 END) END AS lk4
    FROM (SELECT * FROM c2 WHERE lk3 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[3]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk3
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, NULL::TIMESTAMP AS t3, NULL::HUGEINT AS lk4
    FROM c2 c
    WHERE c.lk3 IS NULL
),
c4 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t4,
           CASE WHEN steps[5] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[5] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[5] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[5] AND c.t3 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[4] = steps[5] THEN 1 ELSE 0 END) END AS lk5
    FROM (SELECT * FROM c3 WHERE lk4 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[4]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk4
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, NULL::TIMESTAMP AS t4, NULL::HUGEINT AS lk5
    FROM c3 c
    WHERE c.lk4 IS NULL
),
c5 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t5,
           CASE WHEN steps[6] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[6] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[6] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[6] AND c.t3 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[4] = steps[6] AND c.t4 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[5] = steps[6] THEN 1 ELSE 0 END) END AS lk6
    FROM (SELECT * FROM c4 WHERE lk5 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[5]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk5
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, NULL::TIMESTAMP AS t5, NULL::HUGEINT AS lk6
    FROM c4 c
    WHERE c.lk5 IS NULL
),
c6 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t6,
           CASE WHEN steps[7] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[7] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[7] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[7] AND c.t3 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[4] = steps[7] AND c.t4 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[5] = steps[7] AND c.t5 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[6] = steps[7] THEN 1 ELSE 0 END) END AS lk7
    FROM (SELECT * FROM c5 WHERE lk6 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[6]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk6
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, NULL::TIMESTAMP AS t6, NULL::HUGEINT AS lk7
    FROM c5 c
    WHERE c.lk6 IS NULL
),
c7 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t7,
           CASE WHEN steps[8] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[8] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[8] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[8] AND c.t3 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[4] = steps[8] AND c.t4 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[5] = steps[8] AND c.t5 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[6] = steps[8] AND c.t6 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[7] = steps[8] THEN 1 ELSE 0 END) END AS lk8
    FROM (SELECT * FROM c6 WHERE lk7 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[7]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk7
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, NULL::TIMESTAMP AS t7, NULL::HUGEINT AS lk8
    FROM c6 c
    WHERE c.lk7 IS NULL
),
c8 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t8,
           CASE WHEN steps[9] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[9] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[9] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[9] AND c.t3 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[4] = steps[9] AND c.t4 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[5] = steps[9] AND c.t5 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[6] = steps[9] AND c.t6 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[7] = steps[9] AND c.t7 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[8] = steps[9] THEN 1 ELSE 0 END) END AS lk9
    FROM (SELECT * FROM c7 WHERE lk8 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[8]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk8
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, NULL::TIMESTAMP AS t8, NULL::HUGEINT AS lk9
    FROM c7 c
    WHERE c.lk8 IS NULL
),
c9 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, c.t8,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t9,
           CASE WHEN steps[10] IS NOT NULL THEN epoch_us((CASE WHEN e.ts <= c.lim THEN e.ts END))::HUGEINT * 4294967296
               + (CASE WHEN steps[1] = steps[10] AND c.t1 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[2] = steps[10] AND c.t2 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[3] = steps[10] AND c.t3 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[4] = steps[10] AND c.t4 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[5] = steps[10] AND c.t5 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[6] = steps[10] AND c.t6 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[7] = steps[10] AND c.t7 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[8] = steps[10] AND c.t8 = (CASE WHEN e.ts <= c.lim THEN e.ts END) THEN 1 ELSE 0 END)
               + (CASE WHEN steps[9] = steps[10] THEN 1 ELSE 0 END) END AS lk10
    FROM (SELECT * FROM c8 WHERE lk9 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[9]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk9
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, c.t8, NULL::TIMESTAMP AS t9, NULL::HUGEINT AS lk10
    FROM c8 c
    WHERE c.lk9 IS NULL
),
c10 AS (
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, c.t8, c.t9,
           (CASE WHEN e.ts <= c.lim THEN e.ts END) AS t10
    FROM (SELECT * FROM c9 WHERE lk10 IS NOT NULL) c
    ASOF LEFT JOIN (SELECT customer_id, k, ts FROM lev WHERE touchpoint = steps[10]) e
        ON c.customer_id = e.customer_id AND e.k >= c.lk10
    UNION ALL
    SELECT c.customer_id, c.lim, c.t1, c.t2, c.t3, c.t4, c.t5, c.t6, c.t7, c.t8, c.t9, NULL::TIMESTAMP AS t10
    FROM c9 c
    WHERE c.lk10 IS NULL
),
loose_chains AS (
    SELECT customer_id, 0 AS sd, 0 AS sr, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10,
           (1 + (t2 IS NOT NULL)::INTEGER + (t3 IS NOT NULL)::INTEGER + (t4 IS NOT NULL)::INTEGER + (t5 IS NOT NULL)::INTEGER + (t6 IS NOT NULL)::INTEGER + (t7 IS NOT NULL)::INTEGER + (t8 IS NOT NULL)::INTEGER + (t9 IS NOT NULL)::INTEGER + (t10 IS NOT NULL)::INTEGER)::BIGINT * 576460752303423488
           - greatest(-288230376151711744, least(288230376151711743, epoch_us(t1))) AS pick
    FROM c10
),
sw AS (
    SELECT customer_id, touchpoint, ts, dataset_id, src_row, row_number() OVER w AS ord,
           lead(touchpoint = steps[2], 1) OVER w AS m2, lead(ts, 1) OVER w AS q2,
           lead(touchpoint = steps[3], 2) OVER w AS m3, lead(ts, 2) OVER w AS q3,
           lead(touchpoint = steps[4], 3) OVER w AS m4, lead(ts, 3) OVER w AS q4,
           lead(touchpoint = steps[5], 4) OVER w AS m5, lead(ts, 4) OVER w AS q5,
           lead(touchpoint = steps[6], 5) OVER w AS m6, lead(ts, 5) OVER w AS q6,
           lead(touchpoint = steps[7], 6) OVER w AS m7, lead(ts, 6) OVER w AS q7,
           lead(touchpoint = steps[8], 7) OVER w AS m8, lead(ts, 7) OVER w AS q8,
           lead(touchpoint = steps[9], 8) OVER w AS m9, lead(ts, 8) OVER w AS q9,
           lead(touchpoint = steps[10], 9) OVER w AS m10, lead(ts, 9) OVER w AS q10
    FROM fe
    WHERE strict_order
    WINDOW w AS (PARTITION BY customer_id ORDER BY ts, dataset_id, src_row)
),
strict_starts AS (
    SELECT customer_id, dataset_id AS sd, src_row AS sr, ord, ts AS t1,
           CASE WHEN m2 AND q2 <= ts + to_seconds(window_s) THEN q2 END AS t2,
           CASE WHEN m2 AND m3 AND q3 <= ts + to_seconds(window_s) THEN q3 END AS t3,
           CASE WHEN m2 AND m3 AND m4 AND q4 <= ts + to_seconds(window_s) THEN q4 END AS t4,
           CASE WHEN m2 AND m3 AND m4 AND m5 AND q5 <= ts + to_seconds(window_s) THEN q5 END AS t5,
           CASE WHEN m2 AND m3 AND m4 AND m5 AND m6 AND q6 <= ts + to_seconds(window_s) THEN q6 END AS t6,
           CASE WHEN m2 AND m3 AND m4 AND m5 AND m6 AND m7 AND q7 <= ts + to_seconds(window_s) THEN q7 END AS t7,
           CASE WHEN m2 AND m3 AND m4 AND m5 AND m6 AND m7 AND m8 AND q8 <= ts + to_seconds(window_s) THEN q8 END AS t8,
           CASE WHEN m2 AND m3 AND m4 AND m5 AND m6 AND m7 AND m8 AND m9 AND q9 <= ts + to_seconds(window_s) THEN q9 END AS t9,
           CASE WHEN m2 AND m3 AND m4 AND m5 AND m6 AND m7 AND m8 AND m9 AND m10 AND q10 <= ts + to_seconds(window_s) THEN q10 END AS t10
    FROM sw
    WHERE touchpoint = steps[1]
),
strict_chains AS (
    SELECT customer_id, sd, sr, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10,
           (1 + (t2 IS NOT NULL)::INTEGER + (t3 IS NOT NULL)::INTEGER + (t4 IS NOT NULL)::INTEGER + (t5 IS NOT NULL)::INTEGER + (t6 IS NOT NULL)::INTEGER + (t7 IS NOT NULL)::INTEGER + (t8 IS NOT NULL)::INTEGER + (t9 IS NOT NULL)::INTEGER + (t10 IS NOT NULL)::INTEGER)::BIGINT * 576460752303423488 - ord AS pick
    FROM strict_starts
),
chains AS (
    SELECT * FROM fast_chains
    UNION ALL
    SELECT * FROM loose_chains
    UNION ALL
    SELECT * FROM strict_chains
),
chosen AS (
    SELECT customer_id, arg_max(struct_pack(sd, sr, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10), pick) AS c
    FROM chains
    GROUP BY customer_id
),
chosen_flat AS (
    SELECT customer_id, c.sd AS sd, c.sr AS sr,
           c.t1 AS t1, c.t2 AS t2, c.t3 AS t3, c.t4 AS t4, c.t5 AS t5, c.t6 AS t6, c.t7 AS t7, c.t8 AS t8, c.t9 AS t9, c.t10 AS t10,
           1 + (c.t2 IS NOT NULL)::INTEGER + (c.t3 IS NOT NULL)::INTEGER + (c.t4 IS NOT NULL)::INTEGER + (c.t5 IS NOT NULL)::INTEGER + (c.t6 IS NOT NULL)::INTEGER + (c.t7 IS NOT NULL)::INTEGER + (c.t8 IS NOT NULL)::INTEGER + (c.t9 IS NOT NULL)::INTEGER + (c.t10 IS NOT NULL)::INTEGER AS depth
    FROM chosen
),
xev AS (
    SELECT customer_id, touchpoint, ts
    FROM filtered_events_lean(ws, d0, d1, f_personas, f_segments, f_channels, f_stages)
    WHERE len(ex_tp) > 0 AND list_contains(ex_tp, touchpoint)
),
exq AS (
    SELECT q.customer_id, ex_tp[q.i] AS x,
           [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10][ex_from[q.i]] AS ti,
           [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10][ex_to[q.i]] AS tj
    FROM (SELECT *, unnest(range(1, len(ex_tp) + 1)) AS i FROM chosen_flat WHERE len(ex_tp) > 0) q
),
excluded AS (
    SELECT DISTINCT q.customer_id
    FROM exq q
    JOIN xev x
      ON q.customer_id = x.customer_id AND q.x = x.touchpoint AND x.ts > q.ti AND x.ts < q.tj
    WHERE q.tj IS NOT NULL
)
SELECT f.customer_id, f.sd, f.sr, f.t1, f.t2, f.t3, f.t4, f.t5, f.t6, f.t7, f.t8, f.t9, f.t10, f.depth
FROM chosen_flat f
WHERE len(ex_tp) = 0 OR NOT EXISTS (SELECT 1 FROM excluded x WHERE x.customer_id = f.customer_id);

-- The chains plus persona / segment / channel of each chain's step-1 event: the first in tiebreak
-- order at t1 (loose), or the strict chain's own start event (sd, sr).
CREATE OR REPLACE TEMP MACRO funnel_chain_starts(
    ws, d0, d1, f_personas, f_segments, f_channels, f_stages,
    steps, window_s, strict_order, ex_tp, ex_from, ex_to
) AS TABLE
WITH kept AS (
    SELECT * FROM funnel_chains(ws, d0, d1, f_personas, f_segments, f_channels, f_stages,
                                steps, window_s, strict_order, ex_tp, ex_from, ex_to)
),
start_attrs AS (
    SELECT k.customer_id,
           arg_min(struct_pack(e.persona, e.segment, e.channel),
                   struct_pack(e.dataset_id, e.src_row)) AS a
    FROM kept k
    JOIN filtered_events_lean(ws, d0, d1, f_personas, f_segments, f_channels, f_stages) e
      ON e.customer_id = k.customer_id AND e.touchpoint = steps[1] AND e.ts = k.t1
     AND (NOT strict_order OR (e.dataset_id = k.sd AND e.src_row = k.sr))
    GROUP BY k.customer_id
)
SELECT k.customer_id, s.a.persona AS persona, s.a.segment AS segment, s.a.channel AS channel,
       k.t1, k.t2, k.t3, k.t4, k.t5, k.t6, k.t7, k.t8, k.t9, k.t10, k.depth
FROM kept k
JOIN start_attrs s USING (customer_id);
