"""Baselines for the benchmark: the simplest correct hand-written DuckDB SQL for each dashboard
query (same output semantics as journeylens.services.dashboards / journeylens.services.funnel, restricted to the
filters the benchmark uses: personas and a date range), the best ordered-funnel SQL we could
write, and the same operations in pandas.

Each baseline is a function (con_or_frames, ws_id, flt) -> result; flt is a dict with keys
personas (list), date_from, date_to (date or None). Only the predicates a filter needs are put
into the SQL, as a person writing it by hand would.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

# --- shared SQL fragments -----------------------------------------------------------------------

SCORES = """
    count(nps) AS n_nps,
    count_if(nps >= 9) AS promoters,
    count_if(nps BETWEEN 7 AND 8) AS passives,
    count_if(nps <= 6) AS detractors,
    100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / nullif(count(nps), 0) AS nps,
    count(csat) AS n_csat,
    100.0 * count_if(csat >= 4) / nullif(count(csat), 0) AS csat_top2,
    avg(csat) AS csat_mean,
    count(ces) AS n_ces,
    avg(ces) AS ces_mean,
    count_if(ces >= 5) AS ces_high,
    count(coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5)) AS n_emotion,
    avg(coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5)) AS emotion_mean,
    stddev_samp(coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5)) AS emotion_sd
"""


def _where(flt: dict[str, Any], ts: str, params: dict[str, Any]) -> str:
    parts = ["workspace_id = $ws"]
    if flt.get("personas"):
        parts.append("persona IN (SELECT unnest($personas::VARCHAR[]))")
        params["personas"] = list(flt["personas"])
    if flt.get("date_from"):
        parts.append(f"{ts} >= $d0")
        params["d0"] = dt.datetime.combine(flt["date_from"], dt.time())
    if flt.get("date_to"):
        parts.append(f"{ts} < $d1")
        params["d1"] = dt.datetime.combine(flt["date_to"] + dt.timedelta(days=1), dt.time())
    return " AND ".join(parts)


def _run(con: Any, text: str, params: dict[str, Any]) -> pd.DataFrame:
    return con.execute(text, params).to_arrow_table().to_pandas()


# --- SQL baselines: one per dashboard call ------------------------------------------------------


def sql_kpis(con: Any, ws: int, flt: dict[str, Any]) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws}
    w = _where(flt, "submitted_at", p)
    first, last, _n = con.execute(
        f"SELECT min(submitted_at)::DATE, max(submitted_at)::DATE, count(*) FROM responses WHERE {w}",
        p,
    ).fetchall()[0]
    if flt.get("date_from") or flt.get("date_to"):
        start, end = flt.get("date_from") or first, flt.get("date_to") or last
        days = (end - start).days + 1
        pstart, pend = start - dt.timedelta(days=days), start - dt.timedelta(days=1)
    else:
        end = last
        start = (pd.Timestamp(last) - pd.DateOffset(months=3)).date() + dt.timedelta(days=1)
        pend = start - dt.timedelta(days=1)
        pstart = (pd.Timestamp(start) - pd.DateOffset(months=3)).date()
    p2: dict[str, Any] = {"ws": ws}
    base = _where({"personas": flt.get("personas")}, "submitted_at", p2)
    rng = _where(flt, "submitted_at", dict(p2))
    p2.update(
        {k: v for k, v in p.items() if k in ("d0", "d1")},
        c0=dt.datetime.combine(start, dt.time()),
        c1=dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
        q0=dt.datetime.combine(pstart, dt.time()),
        q1=dt.datetime.combine(pend + dt.timedelta(days=1), dt.time()),
    )
    text = " UNION ALL ".join(
        f"SELECT '{name}' AS period, {SCORES} FROM responses WHERE {base} AND {cond}"
        for name, cond in (
            ("overall", rng.replace("workspace_id = $ws", "TRUE")),
            ("current", "submitted_at >= $c0 AND submitted_at < $c1"),
            ("previous", "submitted_at >= $q0 AND submitted_at < $q1"),
        )
    )
    return _run(con, text, p2)


def sql_trend(con: Any, ws: int, flt: dict[str, Any]) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws}
    w = _where(flt, "submitted_at", p)
    return _run(
        con,
        f"SELECT date_trunc('month', submitted_at)::DATE AS period, {SCORES} FROM responses "
        f"WHERE {w} AND submitted_at IS NOT NULL GROUP BY 1 ORDER BY 1",
        p,
    )


def _touchpoint_sql(flt: dict[str, Any], p: dict[str, Any]) -> str:
    wr = _where(flt, "submitted_at", p)
    we = _where(flt, "ts", p)
    return f"""
        WITH s AS (SELECT touchpoint, count(*) AS n_responses, {SCORES}
                   FROM responses WHERE {wr} AND touchpoint IS NOT NULL GROUP BY touchpoint),
             v AS (SELECT touchpoint, count(DISTINCT customer_id) AS customers
                   FROM events WHERE {we} GROUP BY touchpoint)
        SELECT t.stage_order, t.step_order, coalesce(t.touchpoint, s.touchpoint) AS touchpoint,
               t.stage, t.owner, t.target_csat, v.customers AS volume, s.* EXCLUDE (touchpoint)
        FROM (SELECT * FROM touchpoints WHERE workspace_id = $ws) t
        FULL JOIN s ON s.touchpoint = t.touchpoint
        LEFT JOIN v ON v.touchpoint = coalesce(t.touchpoint, s.touchpoint)
    """


def sql_touchpoint_metrics(con: Any, ws: int, flt: dict[str, Any]) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws}
    return _run(con, _touchpoint_sql(flt, p) + " ORDER BY stage_order, step_order", p)


def sql_worst_touchpoints(con: Any, ws: int, flt: dict[str, Any]) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws}
    return _run(
        con,
        f"SELECT * FROM ({_touchpoint_sql(flt, p)}) WHERE n_nps >= 30 "
        "ORDER BY nps, stage_order, step_order LIMIT 3",
        p,
    )


def sql_heatmap(con: Any, ws: int, flt: dict[str, Any]) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws}
    w = _where(flt, "r.submitted_at", p).replace("workspace_id", "r.workspace_id")
    w = w.replace("persona IN", "r.persona IN")
    return _run(
        con,
        f"SELECT r.touchpoint, coalesce(r.persona, '—') AS col, any_value(t.stage_order) AS so, "
        f"any_value(t.step_order) AS st, {SCORES} FROM responses r "
        "LEFT JOIN touchpoints t ON t.workspace_id = r.workspace_id AND t.touchpoint = r.touchpoint "
        f"WHERE {w} AND r.touchpoint IS NOT NULL GROUP BY ALL ORDER BY so, st, col",
        p,
    )


def sql_emotion_curve(con: Any, ws: int, flt: dict[str, Any], by_persona: bool) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws}
    w = _where(flt, "submitted_at", p)
    by = ", persona" if by_persona else ""
    return _run(
        con,
        f"SELECT touchpoint{by}, "
        "count(coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5)) AS n, "
        "avg(coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5)) AS emotion_mean, "
        "stddev_samp(coalesce(emotion, csat - 3.0, (nps - 5.0) / 2.5)) AS sd, "
        "count(emotion) AS src_emotion, count_if(emotion IS NULL AND csat IS NOT NULL) AS src_csat "
        f"FROM responses WHERE {w} AND touchpoint IS NOT NULL GROUP BY ALL ORDER BY ALL",
        p,
    )


def sql_journey_lanes(con: Any, ws: int, flt: dict[str, Any], stopwords: list[str]) -> pd.DataFrame:
    p: dict[str, Any] = {"ws": ws, "stop": stopwords}
    wr = _where(flt, "submitted_at", p)
    return _run(
        con,
        f"""
        WITH tm AS ({_touchpoint_sql(flt, p)}),
        words AS (
            SELECT touchpoint, word, count(*) AS freq FROM (
                SELECT touchpoint, unnest(string_split(trim(regexp_replace(lower(comment),
                       '[^\\p{{L}}\\p{{N}}]+', ' ', 'g')), ' ')) AS word
                FROM responses WHERE {wr} AND touchpoint IS NOT NULL AND comment IS NOT NULL)
            WHERE length(word) >= 3 AND NOT regexp_matches(word, '^[0-9]+$')
              AND NOT list_contains($stop, word)
            GROUP BY ALL HAVING count(*) >= 2
        ),
        themes AS (
            SELECT touchpoint, string_agg(word, ', ' ORDER BY freq DESC, word) AS themes
            FROM (SELECT *, row_number() OVER (PARTITION BY touchpoint ORDER BY freq DESC, word)
                  AS rn FROM words) WHERE rn <= 3 GROUP BY touchpoint
        )
        SELECT tm.*, themes.themes,
               lag(volume) OVER (ORDER BY stage_order, step_order) AS volume_prev
        FROM tm LEFT JOIN themes USING (touchpoint) ORDER BY stage_order, step_order
        """,
        p,
    )


def sql_comments(con: Any, ws: int, flt: dict[str, Any]) -> tuple[pd.DataFrame, int]:
    p: dict[str, Any] = {"ws": ws}
    w = _where(flt, "submitted_at", p) + " AND comment IS NOT NULL AND trim(comment) <> ''"
    total = con.execute(f"SELECT count(*) FROM responses WHERE {w}", p).fetchall()[0][0]
    page = _run(
        con,
        "SELECT submitted_at, touchpoint, persona, segment, channel, nps, csat, ces, comment "
        f"FROM responses WHERE {w} ORDER BY submitted_at DESC, dataset_id DESC, src_row DESC "
        "LIMIT 50",
        p,
    )
    return page, int(total)


def sql_filter_options(con: Any, ws: int, flt: dict[str, Any]) -> pd.DataFrame:
    del flt  # the sidebar options are always unfiltered
    return _run(
        con,
        """
        SELECT
          (SELECT list(DISTINCT persona ORDER BY persona) FROM (
              SELECT persona FROM responses WHERE workspace_id = $ws
              UNION SELECT persona FROM events WHERE workspace_id = $ws)) AS personas,
          (SELECT list(DISTINCT segment ORDER BY segment) FROM (
              SELECT segment FROM responses WHERE workspace_id = $ws
              UNION SELECT segment FROM events WHERE workspace_id = $ws)) AS segments,
          (SELECT list(DISTINCT channel ORDER BY channel) FROM (
              SELECT channel FROM responses WHERE workspace_id = $ws
              UNION SELECT channel FROM events WHERE workspace_id = $ws
              UNION SELECT channel FROM touchpoints WHERE workspace_id = $ws)) AS channels,
          (SELECT list(stage ORDER BY o) FROM (SELECT stage, min(stage_order) o FROM touchpoints
              WHERE workspace_id = $ws GROUP BY stage)) AS stages,
          (SELECT list(touchpoint ORDER BY stage_order, step_order) FROM touchpoints
              WHERE workspace_id = $ws) AS touchpoints,
          least((SELECT min(submitted_at) FROM responses WHERE workspace_id = $ws),
                (SELECT min(ts) FROM events WHERE workspace_id = $ws))::DATE AS first_date,
          greatest((SELECT max(submitted_at) FROM responses WHERE workspace_id = $ws),
                   (SELECT max(ts) FROM events WHERE workspace_id = $ws))::DATE AS last_date
        """,
        {"ws": ws},
    )


def default_steps_sql(con: Any, ws: int) -> list[str]:
    rows = con.execute(
        "SELECT touchpoint FROM touchpoints WHERE workspace_id = $ws "
        "ORDER BY stage_order, step_order, touchpoint LIMIT 10",
        {"ws": ws},
    ).fetchall()
    return [r[0] for r in rows]


# --- the ordered funnel in hand-written SQL ------------------------------------------------------


def funnel_asof_sql(n: int, where: str) -> str:
    """Greedy chains with one ASOF join per step (distinct step touchpoints).

    Per customer and per distinct step-1 timestamp t1, step k takes the earliest step-k event at
    or after step k-1's timestamp (ASOF >=); a chain stops at the first step whose event is
    missing or later than t1 + window. The deepest chain per customer counts (earliest start
    among equals), so counts are cumulative and times are per chosen chain.
    """
    ctes = [
        f"ev AS (SELECT customer_id, touchpoint, ts FROM events WHERE {where} "
        f"AND touchpoint IN ({', '.join(f'$s{k}' for k in range(1, n + 1))}))",
        "c1 AS (SELECT DISTINCT customer_id, ts AS t1, ts + to_seconds($window) AS lim "
        "FROM ev WHERE touchpoint = $s1)",
    ]
    for k in range(2, n + 1):
        prev = [f"c.t{i}" for i in range(1, k)]
        nulls = ", ".join(prev)
        ctes.append(
            f"c{k} AS (SELECT c.customer_id, c.lim, {nulls}, e.ts AS t{k} "
            f"FROM (SELECT * FROM c{k - 1} WHERE t{k - 1} <= lim) c "
            f"ASOF LEFT JOIN (SELECT customer_id, ts FROM ev WHERE touchpoint = $s{k}) e "
            f"ON c.customer_id = e.customer_id AND e.ts >= c.t{k - 1} "
            f"UNION ALL SELECT c.customer_id, c.lim, {nulls}, NULL::TIMESTAMP "
            f"FROM c{k - 1} c WHERE c.t{k - 1} IS NULL OR c.t{k - 1} > c.lim)"
        )
    ts = [f"t{k}" for k in range(1, n + 1)]
    depth = "1 + " + " + ".join(f"coalesce(t{k} <= lim, false)::INTEGER" for k in range(2, n + 1))
    ctes.append(f"d AS (SELECT customer_id, {', '.join(ts)}, {depth} AS depth FROM c{n})")
    ctes.append(
        "chosen AS (SELECT customer_id, arg_min(struct_pack(depth, "
        + ", ".join(ts)
        + "), struct_pack(neg := -depth, t1)) AS c FROM d GROUP BY customer_id)"
    )
    aggs = ["count(*) AS n1"]
    for k in range(2, n + 1):
        diff = f"(epoch(c.t{k}) - epoch(c.t{k - 1}))"
        aggs.append(
            f"count(*) FILTER (c.depth >= {k}) AS n{k}, "
            f"median({diff}) FILTER (c.depth >= {k}) AS med{k}, "
            f"avg({diff}) FILTER (c.depth >= {k}) AS avg{k}"
        )
    return "WITH " + ",\n".join(ctes) + "\nSELECT " + ", ".join(aggs) + " FROM chosen"


def funnel_window_sql(n: int, where: str) -> str:
    """Greedy chains computed backwards with window functions (distinct step touchpoints).

    The greedy chain from a step-k event depends only on that event, so nxt_k = "the chain
    continuation of the earliest step-(k+1) event at or after me" is one window pass
    (first_value IGNORE NULLS over RANGE CURRENT ROW .. UNBOUNDED FOLLOWING, so ties count as
    'at or after'), done for k = n-1 down to 1 over the same per-customer ordering.
    """
    cols = {k: f"x{k}" for k in range(1, n + 1)}
    # x_k on a step-k row = struct of the chain times t_k..t_n starting from this event
    ctes = [
        f"ev AS (SELECT customer_id, touchpoint, ts FROM events WHERE {where} "
        f"AND touchpoint IN ({', '.join(f'$s{k}' for k in range(1, n + 1))}))",
        f"w{n} AS (SELECT customer_id, touchpoint, ts, "
        f"CASE WHEN touchpoint = $s{n} THEN [ts] END AS {cols[n]} FROM ev)",
    ]
    for k in range(n - 1, 0, -1):
        ctes.append(
            f"w{k} AS (SELECT customer_id, touchpoint, ts, "
            f"CASE WHEN touchpoint = $s{k} THEN [ts] || coalesce(first_value({cols[k + 1]} "
            f"IGNORE NULLS) OVER (PARTITION BY customer_id ORDER BY ts RANGE BETWEEN CURRENT ROW "
            f"AND UNBOUNDED FOLLOWING), []) END AS {cols[k]} FROM w{k + 1})"
        )
    ctes.append(
        f"starts AS (SELECT DISTINCT customer_id, ts AS t1, {cols[1]} AS chain, "
        f"len(list_filter({cols[1]}, lambda x: x <= ts + to_seconds($window))) AS depth "
        f"FROM w1 WHERE touchpoint = $s1)"
    )
    ctes.append(
        "chosen AS (SELECT customer_id, arg_min(struct_pack(depth, chain), "
        "struct_pack(neg := -depth, t1)) AS c FROM starts GROUP BY customer_id)"
    )
    aggs = ["count(*) AS n1"]
    for k in range(2, n + 1):
        diff = f"(epoch(c.chain[{k}]) - epoch(c.chain[{k - 1}]))"
        aggs.append(
            f"count(*) FILTER (c.depth >= {k}) AS n{k}, "
            f"median({diff}) FILTER (c.depth >= {k}) AS med{k}, "
            f"avg({diff}) FILTER (c.depth >= {k}) AS avg{k}"
        )
    return "WITH " + ",\n".join(ctes) + "\nSELECT " + ", ".join(aggs) + " FROM chosen"


def sql_funnel(
    con: Any, ws: int, flt: dict[str, Any], steps: list[str], window: int, variant: str = "asof"
) -> list[int]:
    if len(set(steps)) != len(steps):
        raise ValueError("the hand-written funnel baselines assume distinct steps")
    p: dict[str, Any] = {"ws": ws, "window": window}
    where = _where(flt, "ts", p)
    p.update({f"s{k}": s for k, s in enumerate(steps, start=1)})
    text = (funnel_asof_sql if variant == "asof" else funnel_window_sql)(len(steps), where)
    row = con.execute(text, p).fetchall()[0]
    return [int(row[0])] + [int(row[1 + 3 * (k - 2)]) for k in range(2, len(steps) + 1)]


# --- pandas -------------------------------------------------------------------------------------


def _pmask(df: pd.DataFrame, flt: dict[str, Any], ts: str) -> pd.Series:
    m = pd.Series(True, index=df.index)
    if flt.get("personas"):
        m &= df["persona"].isin(flt["personas"])
    if flt.get("date_from"):
        m &= df[ts] >= pd.Timestamp(flt["date_from"])
    if flt.get("date_to"):
        m &= df[ts] < pd.Timestamp(flt["date_to"]) + pd.Timedelta(days=1)
    return m


def _pscores(g: Any) -> pd.DataFrame:
    nps = g["nps"]
    emo = g["emo"]
    out = pd.DataFrame(
        {
            "n_nps": nps.count(),
            "promoters": g["prom"].sum(),
            "detractors": g["detr"].sum(),
            "n_csat": g["csat"].count(),
            "csat_top2": g["ctop"].sum(),
            "csat_mean": g["csat"].mean(),
            "n_ces": g["ces"].count(),
            "ces_mean": g["ces"].mean(),
            "n_emotion": emo.count(),
            "emotion_mean": emo.mean(),
            "emotion_sd": emo.std(),
        }
    )
    out["nps"] = (
        100.0 * (out["promoters"] - out["detractors"]) / out["n_nps"].where(out["n_nps"] > 0)
    )
    return out


def pandas_prepare(r: pd.DataFrame) -> pd.DataFrame:
    """Derived columns a pandas user would add once after loading (not timed)."""
    r = r.copy()
    r["prom"] = r["nps"] >= 9
    r["detr"] = r["nps"] <= 6
    r["ctop"] = r["csat"] >= 4
    r["emo"] = r["emotion"].fillna(r["csat"] - 3.0).fillna((r["nps"] - 5.0) / 2.5)
    return r


def pd_kpis(fr: dict[str, pd.DataFrame], flt: dict[str, Any]) -> pd.DataFrame:
    r = fr["responses"]
    base = r[_pmask(r, {"personas": flt.get("personas")}, "submitted_at")]
    view = base[_pmask(base, flt, "submitted_at")]
    last = view["submitted_at"].max().normalize()
    if flt.get("date_from") or flt.get("date_to"):
        start = pd.Timestamp(flt.get("date_from") or view["submitted_at"].min().date())
        end = pd.Timestamp(flt.get("date_to") or last)
        days = (end - start).days + 1
        pstart, pend = start - pd.Timedelta(days=days), start - pd.Timedelta(days=1)
    else:
        end = last
        start = last - pd.DateOffset(months=3) + pd.Timedelta(days=1)
        pend = start - pd.Timedelta(days=1)
        pstart = start - pd.DateOffset(months=3)
    ts = base["submitted_at"]
    period = np.where(
        (ts >= start) & (ts < end + pd.Timedelta(days=1)),
        "current",
        np.where((ts >= pstart) & (ts < pend + pd.Timedelta(days=1)), "previous", "other"),
    )
    parts = _pscores(base.groupby(period))
    overall = _pscores(view.groupby(np.zeros(len(view), dtype=int)))
    return pd.concat([overall.rename(index={0: "overall"}), parts])


def pd_trend(fr: dict[str, pd.DataFrame], flt: dict[str, Any]) -> pd.DataFrame:
    r = fr["responses"]
    v = r[_pmask(r, flt, "submitted_at")]
    return _pscores(v.groupby(v["submitted_at"].dt.to_period("M"))).reset_index()


def pd_touchpoint_metrics(fr: dict[str, pd.DataFrame], flt: dict[str, Any]) -> pd.DataFrame:
    r, e, t = fr["responses"], fr["events"], fr["touchpoints"]
    v = r[_pmask(r, flt, "submitted_at")]
    s = _pscores(v.groupby("touchpoint"))
    ev = e[_pmask(e, flt, "ts")]
    vol = ev.groupby("touchpoint")["customer_id"].nunique().rename("volume")
    out = t.set_index("touchpoint").join(s, how="outer").join(vol)
    return out.sort_values(["stage_order", "step_order"]).reset_index()


def pd_worst_touchpoints(fr: dict[str, pd.DataFrame], flt: dict[str, Any]) -> pd.DataFrame:
    df = pd_touchpoint_metrics(fr, flt)
    return df[df["n_nps"] >= 30].sort_values(["nps", "stage_order", "step_order"]).head(3)


def pd_heatmap(fr: dict[str, pd.DataFrame], flt: dict[str, Any]) -> pd.DataFrame:
    r = fr["responses"]
    v = r[_pmask(r, flt, "submitted_at")]
    return _pscores(v.groupby(["touchpoint", v["persona"].fillna("—")])).reset_index()


def pd_emotion_curve(fr: dict[str, pd.DataFrame], flt: dict[str, Any], by_persona: bool):
    r = fr["responses"]
    v = r[_pmask(r, flt, "submitted_at")]
    keys = ["touchpoint", "persona"] if by_persona else ["touchpoint"]
    g = v.groupby(keys)["emo"]
    return pd.DataFrame({"n": g.count(), "mean": g.mean(), "sd": g.std()}).reset_index()


def pd_journey_lanes(fr: dict[str, pd.DataFrame], flt: dict[str, Any], stopwords: list[str]):
    tm = pd_touchpoint_metrics(fr, flt)
    r = fr["responses"]
    v = r[_pmask(r, flt, "submitted_at") & r["comment"].notna()]
    words = v["comment"].str.lower().str.replace(r"[^\w]+", " ", regex=True).str.strip().str.split()
    w = pd.DataFrame({"touchpoint": v["touchpoint"], "word": words}).explode("word")
    w = w[(w["word"].str.len() >= 3) & ~w["word"].isin(stopwords)]
    w = w[~w["word"].str.fullmatch(r"[0-9]+")]
    freq = w.groupby(["touchpoint", "word"]).size().rename("freq").reset_index()
    freq = freq[freq["freq"] >= 2].sort_values(
        ["touchpoint", "freq", "word"], ascending=[True, False, True]
    )
    themes = freq.groupby("touchpoint").head(3).groupby("touchpoint")["word"].agg(", ".join)
    tm = tm.merge(themes.rename("themes"), left_on="touchpoint", right_index=True, how="left")
    tm["volume_prev"] = tm["volume"].shift()
    return tm


def pd_comments(fr: dict[str, pd.DataFrame], flt: dict[str, Any]):
    r = fr["responses"]
    c = r["comment"]
    v = r[_pmask(r, flt, "submitted_at") & c.notna() & (c.str.strip() != "")]
    page = v.nlargest(50, "submitted_at")
    return page, len(v)


def pd_filter_options(fr: dict[str, pd.DataFrame], flt: dict[str, Any]):
    r, e, t = fr["responses"], fr["events"], fr["touchpoints"]
    return {
        "personas": sorted(
            set(r["persona"].dropna().unique()) | set(e["persona"].dropna().unique())
        ),
        "segments": sorted(
            set(r["segment"].dropna().unique()) | set(e["segment"].dropna().unique())
        ),
        "channels": sorted(
            set(r["channel"].dropna().unique())
            | set(e["channel"].dropna().unique())
            | set(t["channel"].dropna())
        ),
        "first": min(r["submitted_at"].min(), e["ts"].min()),
        "last": max(r["submitted_at"].max(), e["ts"].max()),
    }


def pd_funnel(
    fr: dict[str, pd.DataFrame], flt: dict[str, Any], steps: list[str], window: int
) -> list[int]:
    """Greedy chains with pandas.merge_asof (forward, exact matches allowed), one per step."""
    e = fr["events"]
    e = e[_pmask(e, flt, "ts") & e["touchpoint"].isin(steps)]
    e = e.assign(ts=e["ts"].astype("datetime64[ns]"))
    win = pd.Timedelta(seconds=window)
    c = (
        e.loc[e["touchpoint"] == steps[0], ["customer_id", "ts"]]
        .drop_duplicates()
        .rename(columns={"ts": "t1"})
    )
    c["lim"] = c["t1"] + win
    for k in range(2, len(steps) + 1):
        right = e.loc[e["touchpoint"] == steps[k - 1], ["customer_id", "ts"]].sort_values("ts")
        alive = c[f"t{k - 1}"].notna() & (c[f"t{k - 1}"] <= c["lim"])
        left = c[alive].sort_values(f"t{k - 1}")
        m = pd.merge_asof(
            left,
            right.rename(columns={"ts": f"t{k}"}),
            left_on=f"t{k - 1}",
            right_on=f"t{k}",
            by="customer_id",
            direction="forward",
            allow_exact_matches=True,
        )
        dead = c[~alive].copy()
        dead[f"t{k}"] = pd.NaT
        c = pd.concat([m, dead], ignore_index=True)
    depth = np.ones(len(c), dtype=int)
    for k in range(2, len(steps) + 1):
        depth += (c[f"t{k}"] <= c["lim"]).fillna(False).to_numpy(dtype=int)
    c["depth"] = depth
    best = c.sort_values(["customer_id", "depth", "t1"], ascending=[True, False, True])
    best = best.drop_duplicates("customer_id")
    return [int((best["depth"] >= k).sum()) for k in range(1, len(steps) + 1)]
