"""The demo workspace: deterministic, and showing what a manager should find in it.

Every structural claim is checked with SQL on a real store, the way the app will see the data.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import dashboards, demo
from journeylens.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
SMALL = 5_000
NPS_SQL = "100.0 * (count_if(is_promoter(nps)) - count_if(is_detractor(nps))) / count(nps)"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with Store(tmp_path_factory.mktemp("demo") / "demo.duckdb") as st:
        yield st


@pytest.fixture(scope="module")
def ws(store: Store):
    return demo.install(store, LOCAL, seed=demo.DEFAULT_SEED, customers=SMALL)


def q(store: Store, text: str, **params: object) -> pd.DataFrame:
    cur = store.cursor()
    try:
        return cur.sql(text, params=params or None).to_arrow_table().to_pandas()
    finally:
        cur.close()


def funnel(store: Store, workspace_id: int, steps: tuple[str, ...], days: int = 14) -> list[int]:
    """Ordered funnel, counted per customer, every step within `days` of the first one."""
    cur = store.cursor()
    try:
        cur.execute(
            "CREATE OR REPLACE TEMP TABLE reach AS "
            "SELECT customer_id, min(ts) AS t1, min(ts) AS t_prev FROM events "
            "WHERE workspace_id = $ws AND touchpoint = $step GROUP BY customer_id",
            {"ws": workspace_id, "step": steps[0]},
        )
        counts = [cur.sql("SELECT count(*) FROM reach").fetchall()[0][0]]
        for step in steps[1:]:
            cur.execute(
                "CREATE OR REPLACE TEMP TABLE reach AS "
                "SELECT r.customer_id, r.t1, min(e.ts) AS t_prev FROM reach r "
                "JOIN events e ON e.customer_id = r.customer_id AND e.workspace_id = $ws "
                "AND e.touchpoint = $step AND e.ts >= r.t_prev "
                "AND e.ts <= r.t1 + to_days(CAST($days AS INTEGER)) "
                "GROUP BY r.customer_id, r.t1",
                {"ws": workspace_id, "step": step, "days": days},
            )
            counts.append(cur.sql("SELECT count(*) FROM reach").fetchall()[0][0])
        return counts
    finally:
        cur.close()


# --- determinism --------------------------------------------------------------------------------


def fingerprint(d: demo.Demo) -> tuple[str, str, str]:
    def sha(frame: pd.DataFrame, keys: list[str]) -> str:
        return demo.content_sha256(frame.sort_values(keys, ignore_index=True))

    return (
        sha(d.touchpoints, ["step_order"]),
        sha(d.events, ["customer_id", "ts", "touchpoint"]),
        sha(d.responses, ["response_id"]),
    )


def test_same_seed_same_data_other_seed_other_data():
    first, again = demo.build(seed=3, customers=2_000), demo.build(seed=3, customers=2_000)
    other = demo.build(seed=4, customers=2_000)
    assert fingerprint(first) == fingerprint(again)
    assert fingerprint(first)[1:] != fingerprint(other)[1:]  # the journey definition is shared
    pd.testing.assert_frame_equal(first.responses, again.responses)


def test_installed_rows_match_the_frames(store: Store, ws):
    built = demo.build(seed=demo.DEFAULT_SEED, customers=SMALL)
    counts = store.counts(ws.workspace_id)
    assert counts == {
        "responses": len(built.responses),
        "events": len(built.events),
        "touchpoints": 13,
        "datasets": 3,
    }
    stored = q(
        store,
        "SELECT customer_id, touchpoint, ts, value FROM events WHERE workspace_id = $ws "
        "ORDER BY src_row",
        ws=ws.workspace_id,
    )
    expected = built.events[["customer_id", "touchpoint", "ts", "value"]]
    assert stored["customer_id"].tolist() == expected["customer_id"].tolist()
    assert stored["touchpoint"].tolist() == expected["touchpoint"].tolist()
    assert (stored["ts"].to_numpy() == expected["ts"].to_numpy()).all()


def test_datasets_rows_and_version(store: Store, ws):
    ds = store.datasets(ws.workspace_id)
    assert sorted(ds["kind"]) == ["events", "responses", "touchpoints"]
    assert (ds["rows_rejected"] == 0).all()
    assert set(ds["source_name"]) == {
        f"demo: {kind} (seed {demo.DEFAULT_SEED})"
        for kind in ("touchpoints", "events", "responses")
    }
    assert ds["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert ws.data_version >= 1
    # every row carries its dataset, so deleting a dataset removes exactly its rows
    orphans = q(
        store,
        "SELECT count(*) AS n FROM events e LEFT JOIN datasets d USING (dataset_id) "
        "WHERE e.workspace_id = $ws AND (d.kind IS NULL OR d.kind <> 'events')",
        ws=ws.workspace_id,
    )
    assert orphans["n"].iloc[0] == 0


def test_reinstall_replaces_the_workspace(tmp_path: Path):
    with Store(tmp_path / "demo.duckdb") as st:
        first = demo.install(st, LOCAL, customers=500)
        second = demo.install(st, LOCAL, customers=500, seed=8)
        assert [w.name for w in st.workspaces()] == [demo.DEMO_WORKSPACE]
        assert second.workspace_id != first.workspace_id
        assert st.counts(first.workspace_id) == {
            "responses": 0, "events": 0, "touchpoints": 0, "datasets": 0
        }  # fmt: skip
        assert st.datasets(second.workspace_id)["source_name"].str.contains("seed 8").all()


# --- shape and volume ---------------------------------------------------------------------------


def test_journey_definition(store: Store, ws):
    tp = q(
        store,
        "SELECT * FROM touchpoints WHERE workspace_id = $ws ORDER BY step_order",
        ws=ws.workspace_id,
    )
    assert tp["step_order"].tolist() == list(range(1, 14))
    assert tp.groupby("stage", sort=False)["stage_order"].first().to_dict() == {
        "Awareness & consideration": 1,
        "Application": 2,
        "Ownership": 3,
    }
    assert tp["stage_order"].is_monotonic_increasing
    assert tp[["channel", "owner", "goal", "description", "target_csat"]].notna().all().all()
    row = tp.set_index("touchpoint").loc["Contact-centre call about missing information"]
    assert (row["channel"], row["owner"]) == ("Phone", "Contact centre")
    assert set(demo.FUNNEL_STEPS) <= set(tp["touchpoint"])


def test_counts_personas_segments_period(store: Store, ws):
    ev = q(
        store,
        "SELECT count(*) AS n, count(DISTINCT customer_id) AS customers, "
        "count(DISTINCT touchpoint) AS touchpoints, count(DISTINCT persona) AS personas, "
        "count(DISTINCT segment) AS segments, min(ts) AS first, max(ts) AS last, "
        "count_if(converted) AS converted, count_if(value IS NOT NULL) AS valued "
        "FROM events WHERE workspace_id = $ws",
        ws=ws.workspace_id,
    ).iloc[0]
    assert 6.5 * SMALL <= ev["n"] <= 12.5 * SMALL
    assert ev["customers"] > 0.95 * SMALL
    assert (ev["touchpoints"], ev["personas"], ev["segments"]) == (13, 4, 4)
    assert ev["first"] >= pd.Timestamp("2025-05-01") and ev["last"] < pd.Timestamp("2026-11-01")
    assert ev["converted"] == ev["valued"] > 0
    personas = q(
        store, "SELECT DISTINCT persona FROM responses WHERE workspace_id = $ws", ws=ws.workspace_id
    )
    assert set(personas["persona"]) == set(demo.PERSONAS)

    r = q(
        store,
        "SELECT count(*) AS n, count(nps) AS nps, count(csat) AS csat, count(ces) AS ces, "
        "count(emotion) AS emotion, count(comment) AS comments, "
        "min(nps) AS nps_min, max(nps) AS nps_max, min(csat) AS csat_min, max(csat) AS csat_max, "
        "min(ces) AS ces_min, max(ces) AS ces_max, min(emotion) AS emo_min, max(emotion) AS emo_max "
        "FROM responses WHERE workspace_id = $ws",
        ws=ws.workspace_id,
    ).iloc[0]
    assert 0.20 <= r["n"] / ev["n"] <= 0.35  # a share of touches is surveyed
    statement = q(
        store,
        "SELECT count(*) AS n, count(csat) + count(ces) + count(emotion) AS others FROM responses "
        "WHERE workspace_id = $ws AND touchpoint = $tp",
        ws=ws.workspace_id,
        tp=demo.STATEMENT,
    ).iloc[0]
    assert statement["n"] > 0 and statement["others"] == 0  # an NPS-only relationship survey
    assert r["emotion"] == r["n"] - statement["n"]  # explicit emotion everywhere else
    for col in ("nps", "csat", "ces"):  # some scores are blank, most are not
        assert 0.6 * r["n"] < r[col] < 0.97 * r["n"]
    assert 0.2 < r["comments"] / r["n"] < 0.5
    assert (r["nps_min"], r["nps_max"], r["csat_min"], r["csat_max"]) == (0, 10, 1, 5)
    assert (r["ces_min"], r["ces_max"], r["emo_min"], r["emo_max"]) == (1, 7, -2, 2)


def test_surveys_follow_their_touch(store: Store, ws):
    late = q(
        store,
        "SELECT count(*) AS n, count_if(r.submitted_at < first_touch) AS before_touch, "
        "count_if(r.submitted_at > first_touch + INTERVAL 120 DAY) AS months_late "
        "FROM responses r JOIN (SELECT customer_id, touchpoint, min(ts) AS first_touch "
        "FROM events WHERE workspace_id = $ws GROUP BY ALL) e USING (customer_id, touchpoint) "
        "WHERE r.workspace_id = $ws",
        ws=ws.workspace_id,
    ).iloc[0]
    assert late["before_touch"] == 0
    assert late["months_late"] < 0.05 * late["n"]  # only repeat touches (adverts, calculator)


def test_events_follow_the_journey_order(store: Store, ws):
    # Within each customer, application steps come in journey order, and the repeat visits exist.
    out = q(
        store,
        "WITH firsts AS (SELECT e.customer_id, t.step_order, min(e.ts) AS ts FROM events e "
        "JOIN touchpoints t USING (workspace_id, touchpoint) "
        "WHERE e.workspace_id = $ws AND t.stage = 'Application' AND t.touchpoint <> 'Branch meeting' "
        "GROUP BY ALL), "
        "ordered AS (SELECT ts < lag(ts) OVER (PARTITION BY customer_id ORDER BY step_order) AS bad "
        "FROM firsts) "
        "SELECT count_if(bad) AS out_of_order, "
        "(SELECT count(*) FROM (SELECT customer_id FROM events WHERE workspace_id = $ws "
        " AND touchpoint = 'Online mortgage calculator' GROUP BY 1 HAVING count(*) > 1)) AS repeat "
        "FROM ordered",
        ws=ws.workspace_id,
    ).iloc[0]
    assert out["out_of_order"] == 0
    assert out["repeat"] > 0.1 * SMALL


# --- what a manager should see ------------------------------------------------------------------


def test_full_application_is_the_largest_drop(store: Store, ws):
    counts = funnel(store, ws.workspace_id, demo.FUNNEL_STEPS)
    assert counts == sorted(counts, reverse=True) and counts[-1] > 0
    drops = [1 - b / a for a, b in zip(counts, counts[1:], strict=False)]
    assert demo.FUNNEL_STEPS[1 + drops.index(max(drops))] == "Full application"
    form, _, full = counts[:3]
    assert 0.35 <= 1 - full / form <= 0.45  # never completed within 14 days
    # and the drop is bigger for buy-to-let investors than for remortgagers
    rate = q(
        store,
        "WITH f AS (SELECT customer_id, any_value(persona) AS persona, min(ts) AS t1 FROM events "
        " WHERE workspace_id = $ws AND touchpoint = 'Online application form' GROUP BY 1) "
        "SELECT f.persona, count(DISTINCT e.customer_id) / count(DISTINCT f.customer_id) AS r "
        "FROM f LEFT JOIN events e ON e.customer_id = f.customer_id AND e.workspace_id = $ws "
        " AND e.touchpoint = 'Full application' AND e.ts BETWEEN f.t1 AND f.t1 + INTERVAL 14 DAY "
        "GROUP BY 1",
        ws=ws.workspace_id,
    ).set_index("persona")["r"]
    assert rate["Buy-to-let investor"] < rate["Remortgager"] - 0.15


def test_contact_centre_call_is_the_emotional_low(store: Store, ws):
    tp = q(
        store,
        "SELECT touchpoint, avg(emotion) AS emotion, "
        "count_if(is_csat_top2(csat)) / count(csat) AS csat_top2 "
        "FROM responses WHERE workspace_id = $ws GROUP BY 1",
        ws=ws.workspace_id,
    ).set_index("touchpoint")
    call = "Contact-centre call about missing information"
    assert tp["emotion"].idxmin() == call
    assert tp["csat_top2"].idxmin() == call
    assert tp.loc[call, "emotion"] < -0.5
    assert tp.drop(index=call)["emotion"].min() > -0.5  # one clear dip, not a general gloom


def test_emotion_derived_from_nps_agrees_with_nps(store: Store, ws):
    """The emotion curve and the NPS cells of the demo tell the same story at every touchpoint
    whose emotion comes from the NPS answers (the annual statement's NPS-only survey): same
    sign, and exactly NPS / 50 (promoter +2, passive 0, detractor -2)."""
    cur = store.cursor()
    try:
        curve = dashboards.emotion_curve(cur, ws, Filters()).set_index("touchpoint")
        scores = dashboards.touchpoint_metrics(cur, ws, Filters()).set_index("touchpoint")
    finally:
        cur.close()
    from_nps = curve[curve["emotion_source"] == "nps"]
    assert list(from_nps.index) == [demo.STATEMENT]
    for touchpoint, row in from_nps.iterrows():
        nps = float(scores.loc[touchpoint, "nps"])
        emotion = float(row["emotion_mean"])
        assert (emotion > 0) == (nps > 0) and (emotion < 0) == (nps < 0)
        assert emotion == pytest.approx(nps / 50)


def test_nps_improves_over_the_period(store: Store, ws):
    nps = q(
        store,
        f"SELECT submitted_at < TIMESTAMP '2025-11-01' AS early, {NPS_SQL} AS nps "
        "FROM responses WHERE workspace_id = $ws "
        "AND (submitted_at < TIMESTAMP '2025-11-01' OR submitted_at >= TIMESTAMP '2026-05-01') "
        "GROUP BY 1",
        ws=ws.workspace_id,
    ).set_index("early")["nps"]
    assert nps[False] - nps[True] >= 5


def test_personas_differ(store: Store, ws):
    p = q(
        store,
        f"SELECT persona, {NPS_SQL} AS nps FROM responses WHERE workspace_id = $ws GROUP BY 1",
        ws=ws.workspace_id,
    ).set_index("persona")["nps"]
    assert p.max() - p.min() >= 10
    assert p.idxmin() == "First-time buyer" and p.idxmax() == "Remortgager"
    uw = q(
        store,
        f"SELECT persona, avg(ces) AS ces, {NPS_SQL} AS nps FROM responses r "
        "JOIN touchpoints t USING (workspace_id, touchpoint) "
        "WHERE r.workspace_id = $ws AND t.owner = 'Underwriting' GROUP BY 1",
        ws=ws.workspace_id,
    ).set_index("persona")
    assert uw["ces"].idxmin() == "First-time buyer"  # most effort (high CES = easy)
    assert uw["nps"].idxmin() == "First-time buyer"
    branch = q(
        store,
        "SELECT persona, count(DISTINCT customer_id) FILTER (WHERE touchpoint = 'Branch meeting') "
        " / count(DISTINCT customer_id) FILTER (WHERE touchpoint = 'Online application form') AS share "
        "FROM events WHERE workspace_id = $ws GROUP BY 1",
        ws=ws.workspace_id,
    ).set_index("persona")["share"]
    assert branch["Remortgager"] < 0.1 < 0.3 < branch["First-time buyer"]


def test_comments_in_three_languages(store: Store, ws):
    c = q(
        store,
        "SELECT count(*) AS n, "
        "count_if(regexp_matches(lower(comment), '[ưđơ]')) AS vi, "
        "count_if(regexp_matches(lower(comment), '[șț]')) AS ro, "
        "count_if(NOT regexp_matches(comment, '[^\\x00-\\x7F]')) AS ascii "
        "FROM responses WHERE workspace_id = $ws AND comment IS NOT NULL",
        ws=ws.workspace_id,
    ).iloc[0]
    assert c["vi"] > 0.05 * c["n"] and c["ro"] > 0.05 * c["n"]
    assert 0.6 < c["ascii"] / c["n"] < 0.8  # English, about 70%


def test_comment_bank_languages():
    for _tp, _pol, en, vi, ro in demo.COMMENTS:
        assert en.isascii() and not vi.isascii() and not ro.isascii()


# --- first start and the default size -----------------------------------------------------------


def test_ensure_installs_the_default_demo_once(tmp_path: Path):
    with Store(tmp_path / "demo.duckdb") as st:
        started = time.perf_counter()
        ws = demo.ensure(st, LOCAL)
        elapsed = time.perf_counter() - started
        assert ws is not None and ws.name == demo.DEMO_WORKSPACE
        counts = st.counts(ws.workspace_id)
        assert 150_000 <= counts["events"] <= 250_000
        assert 40_000 <= counts["responses"] <= 70_000
        assert elapsed < 30  # generous: the target (about 1 s) lives in bench/, not here
        assert demo.ensure(st, LOCAL) == ws  # no reinstall
        st.ensure_workspace(LOCAL, "Q3 export")
        assert demo.ensure(st, LOCAL) == ws
        st.delete_workspace(LOCAL, ws.workspace_id)
        assert (
            demo.ensure(st, LOCAL).name == "Q3 export"
        )  # the user deleted the demo: leave it gone


def test_generate_demo_cli(tmp_path: Path):
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, str(ROOT / "data" / "generate_demo.py"), "--out", str(out),
         "--customers", "300", "--seed", "5", "--format", "parquet"],
        check=True, capture_output=True, cwd=tmp_path,
    )  # fmt: skip
    events = pd.read_parquet(out / "events.parquet")
    built = demo.build(seed=5, customers=300)
    assert len(events) == len(built.events)
    assert {p.name for p in out.iterdir()} == {
        "touchpoints.parquet", "events.parquet", "responses.parquet"
    }  # fmt: skip
