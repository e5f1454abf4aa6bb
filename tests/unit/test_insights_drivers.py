"""Key drivers on real DuckDB files: the numbers against an independent pandas computation on
generated data, the quadrant rule at its boundaries, marked survey questions of a wide export,
and the demo's story (and its absence on shuffled outcomes)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import datasets, demo, ingest
from journeylens.services.insights import drivers
from journeylens.services.insights.drivers import inputs as driver_inputs
from journeylens.storage.store import Store

from .insight_data import install, shuffled

CALL = demo.CALL
TPS = ["A", "B", "C", "D"]
TARGETS = {"A": 60.0, "B": None, "C": 75.0, "D": None}


# --- a generated journey with a known driver --------------------------------------------------


def synthetic(seed: int = 1, n: int = 1500) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Customers answer each of A..D with probability .6 (B twice for some), and NPS at 'End'
    with probability .8; how A went drives the NPS, a shared mood links everything."""
    rng = np.random.default_rng(seed)
    mood, a_exp = rng.normal(size=n), rng.normal(size=n)
    persona = rng.choice(["P1", "P2"], size=n)
    rows = []
    day0 = pd.Timestamp("2024-01-01")
    for tp in TPS:
        asked = np.flatnonzero(rng.random(n) < 0.6)
        if tp == "B":
            asked = np.concatenate([asked, asked[rng.random(len(asked)) < 0.3]])
        latent = 0.5 * mood[asked] + (1.0 * a_exp[asked] if tp == "A" else 0)
        csat = np.clip(np.rint(3.5 + latent + rng.normal(0, 0.8, len(asked))), 1, 5)
        ces = np.clip(np.rint(5 + latent + rng.normal(0, 1, len(asked))), 1, 7)
        for j, c in enumerate(asked):
            rows.append((c, tp, day0 + pd.Timedelta(days=int(rng.integers(0, 300))), None,
                         csat[j], ces[j]))  # fmt: skip
    asked = np.flatnonzero(rng.random(n) < 0.8)
    nps = np.clip(np.rint(7 + 1.2 * mood[asked] + 1.5 * a_exp[asked] + rng.normal(0, 1.5, len(asked))), 0, 10)  # fmt: skip
    for j, c in enumerate(asked):
        rows.append((c, "End", day0 + pd.Timedelta(days=310), nps[j], None, None))
    df = pd.DataFrame(rows, columns=["cust", "touchpoint", "submitted_at", "nps", "csat", "ces"])
    responses = pd.DataFrame(
        {
            "response_id": [f"R{i}" for i in range(len(df))],
            "customer_id": [f"C{c:05d}" for c in df["cust"]],
            "touchpoint": df["touchpoint"],
            "submitted_at": df["submitted_at"].astype("datetime64[s]"),
            "nps": pd.array(df["nps"], dtype="Float64").astype("Int8"),
            "csat": pd.array(df["csat"], dtype="Float64").astype("Int8"),
            "ces": pd.array(df["ces"], dtype="Float64").astype("Int8"),
            "emotion": None,
            "persona": persona[df["cust"]],
        }
    )
    touchpoints = pd.DataFrame(
        {
            "touchpoint": [*TPS, "End"],
            "stage": "S",
            "stage_order": 1,
            "step_order": range(1, 6),
            "target_csat": [TARGETS.get(x) for x in [*TPS, "End"]],
            "in_funnel": True,
        }
    )
    return touchpoints, responses


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("drivers") / "drivers.duckdb") as st:
        yield st


@pytest.fixture(scope="module")
def gen(store):
    touchpoints, responses = synthetic()
    return install(store, "Generated", touchpoints, responses), responses


def reference(responses: pd.DataFrame, metric: str = "csat") -> dict:
    """The model computed independently: customer means with pandas, pairwise-complete
    correlations (DataFrame.corr), Shapley by brute force over all orders of entry."""
    y = responses[responses["touchpoint"] == "End"].groupby("customer_id")["nps"].mean()
    x = (
        responses[responses["touchpoint"] != "End"]
        .astype({metric: "float64"})
        .groupby(["customer_id", "touchpoint"])[metric]
        .mean()
        .unstack()
    )
    wide = pd.concat([y.rename("y").astype(float), x], axis=1)
    wide = wide[wide["y"].notna() & wide[TPS].notna().any(axis=1)]
    corr = wide.corr().to_numpy()
    k = len(TPS)

    def r2(cols: tuple[int, ...]) -> float:
        if not cols:
            return 0.0
        idx = [c + 1 for c in cols]
        rxx, rxy = corr[np.ix_(idx, idx)], corr[idx, 0]
        return float(rxy @ np.linalg.solve(rxx, rxy))

    raw = np.zeros(k)
    for order in itertools.permutations(range(k)):
        for pos, j in enumerate(order):
            before = tuple(sorted(order[:pos]))
            raw[j] += r2(tuple(sorted((*before, j)))) - r2(before)
    raw /= math.factorial(k)
    total = r2(tuple(range(k)))
    n_pairs = {tp: int((wide["y"].notna() & wide[tp].notna()).sum()) for tp in TPS}
    answers = responses[responses["touchpoint"].isin(TPS)]
    csat_pct = answers.groupby("touchpoint")["csat"].apply(
        lambda s: 100.0 * (s.dropna() >= 4).mean()
    )
    return {"raw": dict(zip(TPS, raw, strict=True)), "r2": total, "n": len(wide),
            "pairs": n_pairs, "csat_pct": csat_pct.to_dict()}  # fmt: skip


def test_importance_equals_an_independent_computation(store, gen):
    ws, responses = gen
    cur = store.cursor()
    spec = drivers.resolve(drivers.options(cur, ws), "nps", "End", "csat")
    result = drivers.run(cur, ws, Filters(), spec)
    ref = reference(responses)
    d = result.drivers.set_index("driver")
    assert result.method == "shapley" and result.n == ref["n"]
    assert result.r2 == pytest.approx(ref["r2"], abs=1e-9)
    for tp in TPS:
        assert d.loc[tp, "raw_r2_share"] == pytest.approx(ref["raw"][tp], abs=1e-9)
        assert d.loc[tp, "importance"] == pytest.approx(ref["raw"][tp] / ref["r2"], abs=1e-9)
        assert d.loc[tp, "n"] == ref["pairs"][tp]
        assert d.loc[tp, "performance"] == pytest.approx(ref["csat_pct"][tp])
    assert d["importance"].sum() == pytest.approx(1.0)
    assert list(result.drivers["driver"])[0] == "A"  # built to matter
    assert d.loc["A", "distinguishable"]
    assert list(result.drivers["importance"]) == sorted(result.drivers["importance"], reverse=True)


def test_filters_narrow_the_population(store, gen):
    ws, responses = gen
    cur = store.cursor()
    spec = drivers.DriverSpec("nps", "End", "csat")
    result = drivers.run(cur, ws, Filters(personas=("P1",)), spec)
    ref = reference(responses[responses["persona"] == "P1"])
    assert result.n == ref["n"] < reference(responses)["n"]
    assert result.r2 == pytest.approx(ref["r2"], abs=1e-9)


def test_ces_drivers(store, gen):
    ws, responses = gen
    result = drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("nps", "End", "ces"))
    ref = reference(responses, "ces")
    d = result.drivers.set_index("driver")
    for tp in TPS:
        assert d.loc[tp, "raw_r2_share"] == pytest.approx(ref["raw"][tp], abs=1e-9)
    assert d["target"].isna().all()  # targets are CSAT targets


def test_below_min_n_is_left_out_and_listed(store):
    touchpoints, responses = synthetic(seed=2, n=400)
    keep = (responses["touchpoint"] != "D") | (responses.index % 20 == 0)  # D: about 12 pairs
    ws = install(store, "Sparse", touchpoints, responses[keep].reset_index(drop=True))
    result = drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("nps", "End", "csat"))
    assert "D" not in set(result.drivers["driver"])
    row = result.excluded.set_index("driver").loc["D"]
    assert row["reason"] == "below_min_n" and 0 < row["n"] < ws.min_n
    assert result.drivers["importance"].sum() == pytest.approx(1.0)


def test_json_shape(store, gen):
    ws, _ = gen
    doc = drivers.to_json(
        drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("nps", "End"))
    )
    assert {"outcome", "r2", "n", "drivers"} <= set(doc)
    assert doc["outcome"] == "nps" and doc["outcome_touchpoint"] == "End"
    keys = {"driver", "importance", "importance_low", "importance_high", "raw_r2_share",
            "performance", "n", "quadrant", "conversion_impact"}  # fmt: skip
    assert all(keys <= set(d) for d in doc["drivers"])
    assert {d["quadrant"] for d in doc["drivers"]} <= set(drivers.QUADRANTS)
    assert sum(d["importance"] for d in doc["drivers"]) == pytest.approx(1.0, abs=1e-3)
    shares = [d["importance"] for d in doc["drivers"]]
    assert shares == sorted(shares, reverse=True)
    assert all(d["conversion_impact"] is None for d in doc["drivers"])  # no events here


# --- the quadrant rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("importance", "mean", "performance", "reference", "higher_is_better", "expected"),
    [
        (0.30, 0.25, 50.0, 60.0, True, "fix_first"),
        (0.30, 0.25, 60.0, 60.0, True, "keep_up"),  # at its target: meets it
        (0.30, 0.25, 59.999, 60.0, True, "fix_first"),
        (0.25, 0.25, 50.0, 60.0, True, "low_priority"),  # at the mean: not important
        (0.2501, 0.25, 50.0, 60.0, True, "fix_first"),
        (0.25, 0.25, 60.0, 60.0, True, "over_served"),
        (0.10, 0.25, 80.0, 60.0, True, "over_served"),
        (0.30, 0.25, 4.0, 3.5, False, "fix_first"),  # CES with "high = hard": above is worse
        (0.30, 0.25, 3.5, 3.5, False, "keep_up"),
        (0.10, 0.25, 3.0, 3.5, False, "over_served"),
    ],
)
def test_quadrant_boundaries(importance, mean, performance, reference, higher_is_better, expected):
    assert drivers.quadrant(importance, mean, performance, reference, higher_is_better) == expected


def test_quadrants_use_the_target_else_the_mean_performance():
    # shares .5 .3 .2 (mean 1/3); performance 50 70 40; targets 60, none, none -> the mean of
    # the performances (53.33) for the last two
    quads, ref, below = drivers.assign_quadrants(
        np.array([0.5, 0.3, 0.2]), np.array([50.0, 70.0, 40.0]), np.array([60.0, np.nan, np.nan])
    )
    assert quads == ["fix_first", "over_served", "low_priority"]
    assert ref == pytest.approx([60.0, 160 / 3, 160 / 3])
    assert below.tolist() == [True, False, True]


def test_quadrants_on_a_run(store, gen):
    ws, _ = gen
    result = drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("nps", "End"))
    d = result.drivers.set_index("driver")
    mean_perf = d["performance"].mean()
    for tp in TPS:
        target = TARGETS[tp]
        ref = target if target is not None else mean_perf
        important = d.loc[tp, "importance"] > 1 / len(TPS)
        below = d.loc[tp, "performance"] < ref
        expected = {(True, True): "fix_first", (True, False): "keep_up",
                    (False, True): "low_priority", (False, False): "over_served"}[(important, below)]  # fmt: skip
        assert d.loc[tp, "quadrant"] == expected


# --- marked questions of a wide export ------------------------------------------------------------


def wide_export(tmp_path, n: int = 500, questions: int = 3, seed: int = 3, missing: float = 0.1):
    rng = np.random.default_rng(seed)
    q = rng.normal(size=(n, questions))
    weights = np.zeros(questions)
    weights[:3] = [1.2, 0.4, 0.0][: min(3, questions)]
    nps = np.clip(np.rint(7 + q @ weights + rng.normal(0, 1.2, n)), 0, 10).astype(int)
    frame = pd.DataFrame({"ResponseId": [f"R_{i:04d}" for i in range(n)],
                          "How likely are you to recommend us?": nps})  # fmt: skip
    names = [f"Q{j + 1} rating" for j in range(questions)]
    for j, name in enumerate(names):
        vals = np.clip(np.rint(3 + q[:, j]), 1, 5).astype(int).astype(str).astype(object)
        vals[rng.random(n) < missing] = ""
        frame[name] = vals
    path = tmp_path / "wide.csv"
    frame.to_csv(path, index=False)
    return path, frame, names


def load_wide(store, path, name):
    prepared = ingest.prepare(path, path.name, kind="responses", store=store)
    ws = store.ensure_workspace(LOCAL, name)
    mapping = {"response_id": "ResponseId", "nps": "How likely are you to recommend us?"}
    ingest.load(store, LOCAL, ws, prepared, mapping, "responses")
    return store.require_workspace(name), prepared


def test_marked_columns_of_a_wide_export(store, tmp_path):
    path, frame, names = wide_export(tmp_path)
    ws, prepared = load_wide(store, path, "Wide")
    assert drivers.numeric_columns(prepared.sample, {"ResponseId"}) == [
        "How likely are you to recommend us?", *names
    ]  # fmt: skip
    cur = store.cursor()
    assert drivers.run(cur, ws, Filters(), drivers.DriverSpec("nps", None, "columns")).reason == (
        "no_columns"
    )
    drivers.mark_driver_columns(store, LOCAL, ws.workspace_id, names)
    ws = store.require_workspace("Wide")
    opts = drivers.options(cur, ws)
    assert opts.has_overall_nps and opts.default_touchpoint is None
    assert opts.columns == tuple(names)
    spec = drivers.resolve(opts, "nps", None, "columns")
    assert spec.outcome_touchpoint is None
    result = drivers.run(cur, ws, Filters(), spec)
    x = frame[names].replace("", np.nan).astype(float)
    wide = pd.concat(
        [frame["How likely are you to recommend us?"].astype(float).rename("y"), x], axis=1
    )
    corr = wide.corr().to_numpy()  # pairwise complete
    d = result.drivers.set_index("driver")
    assert result.n == len(frame)
    assert [d.loc[q, "n"] for q in names] == [int(x[q].notna().sum()) for q in names]
    r2 = corr[1:, 0] @ np.linalg.solve(corr[1:, 1:], corr[1:, 0])
    assert result.r2 == pytest.approx(r2, abs=1e-9)
    assert result.drivers["driver"].iloc[0] == "Q1 rating" and d.loc["Q1 rating", "distinguishable"]
    assert d.loc["Q1 rating", "performance"] == pytest.approx(x["Q1 rating"].mean())
    assert not d.loc["Q3 rating", "distinguishable"]  # weight 0


def test_more_than_15_questions_use_relative_weights(store, tmp_path):
    path, frame, names = wide_export(tmp_path, n=600, questions=17, missing=0.0)
    ws, _ = load_wide(store, path, "Wide17")
    drivers.mark_driver_columns(store, LOCAL, ws.workspace_id, names)
    ws = store.require_workspace("Wide17")
    result = drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("nps", None, "columns"))
    assert result.method == "relative_weights" and len(result.drivers) == 17
    assert result.drivers["importance"].sum() == pytest.approx(1.0)
    # complete data: the relative weights of the raw table, through Johnson's SVD construction
    from .test_insights_stats import relative_weights_svd

    x = frame[names].astype(float).to_numpy()
    y = frame["How likely are you to recommend us?"].astype(float).to_numpy()
    expected = dict(zip(names, relative_weights_svd(y, x), strict=True))
    for r in result.drivers.to_dict("records"):
        assert r["raw_r2_share"] == pytest.approx(expected[r["driver"]], abs=1e-9)


def test_resolve_refuses_unknown_choices(store, gen):
    ws, _ = gen
    opts = drivers.options(store.cursor(), ws)
    assert opts.default_touchpoint == "End"  # the journey's last funnel step with NPS answers
    with pytest.raises(drivers.DriverError, match="no NPS answers at touchpoint 'Nope'"):
        drivers.resolve(opts, "nps", "Nope")
    with pytest.raises(drivers.DriverError, match="without a touchpoint"):
        drivers.resolve(opts, "nps", drivers.OVERALL)
    with pytest.raises(drivers.DriverError, match="outcome must be one of"):
        drivers.DriverSpec(outcome="revenue")


# --- the demo's story -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_ws(store):
    return demo.install(
        store, LOCAL, name="Demo", seed=demo.DEFAULT_SEED, customers=demo.DEFAULT_CUSTOMERS
    )


def test_demo_one_touchpoint_drives_nps_and_is_below_target(store, demo_ws):
    cur = store.cursor()
    opts = drivers.options(cur, demo_ws)
    spec = drivers.resolve(opts)
    assert spec.outcome_touchpoint == demo.FINAL
    result = drivers.run(cur, demo_ws, Filters(), spec)
    d = result.drivers
    assert d[d["distinguishable"]]["driver"].tolist() == [CALL]
    top, second = d.iloc[0], d.iloc[1]
    assert top["driver"] == CALL and top["importance"] > 3 * second["importance"]
    assert top["performance"] < top["target"] and top["quadrant"] == "fix_first"
    assert drivers.fix_first(result)["driver"].tolist() == [CALL]


def test_demo_conversion_impact_equals_pandas(store, demo_ws):
    cur = store.cursor()
    result = drivers.run(cur, demo_ws, Filters(), drivers.DriverSpec("conversion"))
    ex = result.excluded.set_index("driver")["reason"].to_dict()
    # only converters reach the final confirmation and after it: the outcome cannot vary there
    assert {ex[demo.FINAL], ex[demo.PAYMENT_CHANGE]} == {"outcome_constant"}
    # the annual statement asks NPS only: it has no CSAT to be a driver
    assert demo.STATEMENT not in set(result.drivers["driver"])
    built = demo.build(demo.DEFAULT_SEED, demo.DEFAULT_CUSTOMERS)
    converted = built.events.groupby("customer_id")["converted"].any()
    call = built.responses[
        (built.responses["touchpoint"] == CALL) & built.responses["csat"].notna()
    ]
    sat = call.astype({"csat": float}).groupby("customer_id")["csat"].mean() >= 4
    conv = converted.reindex(sat.index)
    impact = result.drivers.set_index("driver").loc[CALL, "conversion_impact"]
    assert impact["n_satisfied"] == int(sat.sum()) and impact["n_dissatisfied"] == int((~sat).sum())
    assert impact["satisfied_rate"] == pytest.approx(conv[sat].mean())
    assert impact["dissatisfied_rate"] == pytest.approx(conv[~sat].mean())
    assert impact["at_stake"] == int((~sat & ~conv).sum())
    assert impact["difference_low"] > 0  # unhappy callers convert less, and it shows


def test_demo_shuffled_outcome_has_no_driver(store):
    built = demo.build(demo.DEFAULT_SEED, demo.DEFAULT_CUSTOMERS)
    responses = built.responses.copy()
    responses["nps"] = responses["nps"].astype("Float64")
    final = responses["touchpoint"] == demo.FINAL
    responses.loc[final, "nps"] = shuffled(responses[final], ["nps"], "touchpoint", seed=1)["nps"]
    responses["nps"] = responses["nps"].astype("Int8")
    ws = install(store, "Shuffled", built.touchpoints, responses, built.events)
    result = drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("nps", demo.FINAL))
    assert len(result.drivers) >= 10
    assert not result.drivers["distinguishable"].any()
    assert (result.drivers["importance_low"] == 0).all()
    assert drivers.fix_first(result).empty


def test_conversion_without_a_flag_is_reaching_the_last_funnel_step(store):
    """Events without a converted flag: a customer converted when they reached the journey's
    last funnel step ('End'); the impact on conversion against pandas."""
    touchpoints, responses = synthetic(seed=4, n=900)
    rng = np.random.default_rng(4)
    csat_a = (
        responses[responses["touchpoint"] == "A"]
        .astype({"csat": float})
        .groupby("customer_id")["csat"]
        .mean()
    )
    customers = sorted(responses["customer_id"].unique())
    p_end = {c: 0.3 + 0.12 * (csat_a.get(c, 3.0) - 1) for c in customers}  # happier at A: more
    rows = []
    for c in customers:
        rows.append({"customer_id": c, "touchpoint": "A", "ts": pd.Timestamp("2024-01-02")})
        if rng.random() < p_end[c]:
            rows.append({"customer_id": c, "touchpoint": "End", "ts": pd.Timestamp("2024-01-09")})
    events = pd.DataFrame(rows).astype({"ts": "datetime64[s]"})
    ws = install(store, "No flag", touchpoints, responses, events)
    result = drivers.run(store.cursor(), ws, Filters(), drivers.DriverSpec("conversion"))
    assert result.has_events and not result.empty
    converted = events.groupby("customer_id")["touchpoint"].apply(lambda s: (s == "End").any())
    assert result.n == int(
        responses[responses["touchpoint"].isin(TPS)]["customer_id"].nunique()
    )  # every customer with an answer has events here
    sat = csat_a >= 4
    impact = result.drivers.set_index("driver").loc["A", "conversion_impact"]
    assert impact["n_satisfied"] == int(sat.sum())
    assert impact["satisfied_rate"] == pytest.approx(converted.reindex(sat.index)[sat].mean())
    assert impact["dissatisfied_rate"] == pytest.approx(converted.reindex(sat.index)[~sat].mean())
    assert result.drivers["driver"].iloc[0] == "A"


@pytest.mark.parametrize("flagged", [True, False])
def test_write_time_summaries_and_rows_give_the_same_model(store, flagged):
    """The unfiltered view reads customer_scores / customer_events; with them stale the same
    queries group the rows: every number must agree."""
    built = demo.build(seed=3, customers=3000)
    events = built.events.copy()
    if not flagged:
        events["converted"] = None  # conversion = reaching the last funnel step
    name = f"Summaries {flagged}"
    ws = install(store, name, built.touchpoints, built.responses, events)
    cur = store.cursor()
    specs = [drivers.DriverSpec("nps", demo.FINAL, m) for m in ("csat", "ces", "emotion")]
    specs.append(drivers.DriverSpec("conversion"))
    assert drivers.summaries_usable(cur, ws.workspace_id, Filters()) == {
        "use_scores": True, "use_events": True
    }  # fmt: skip
    assert drivers.summaries_usable(cur, ws.workspace_id, Filters(channels=("Web",))) == {
        "use_scores": False, "use_events": True  # a channel filter does not apply to conversion
    }  # fmt: skip
    stages = Filters(stages=("Application",))
    assert drivers.summaries_usable(cur, ws.workspace_id, stages)["use_scores"]
    fast = [drivers.to_json(drivers.run(cur, ws, f, s)) for s in specs for f in (Filters(), stages)]
    with store.write(LOCAL) as w:
        w.execute(
            "DELETE FROM summary_versions WHERE workspace_id = $ws AND part LIKE 'cust_%'",
            {"ws": ws.workspace_id},
        )
    assert drivers.summaries_usable(cur, ws.workspace_id, Filters()) == {
        "use_scores": False, "use_events": False
    }  # fmt: skip
    slow = [drivers.to_json(drivers.run(cur, ws, f, s)) for s in specs for f in (Filters(), stages)]
    assert fast == slow
    assert fast[-2]["drivers"] and all(d["conversion_impact"] for d in fast[0]["drivers"])
    assert len(fast[1]["drivers"]) < len(fast[0]["drivers"])  # the stage filter narrowed them


def test_summaries_follow_a_dataset_delete(store):
    touchpoints, responses = synthetic(seed=5, n=500)
    ws = install(store, "Deleted", touchpoints, responses)
    cur = store.cursor()
    ds = store.datasets(ws.workspace_id)
    answers = int(ds[ds["kind"] == "responses"]["dataset_id"].iloc[0])
    datasets.delete(store, LOCAL, ws.workspace_id, answers)
    n = cur.execute(
        "SELECT count(*) FROM customer_scores WHERE workspace_id = $ws", {"ws": ws.workspace_id}
    ).fetchall()[0][0]
    assert n == 0
    assert drivers.summaries_usable(cur, ws.workspace_id, Filters())["use_scores"]
    result = drivers.run(cur, ws, Filters(), drivers.DriverSpec("nps", "End"))
    assert result.reason == "no_outcome"


def test_a_large_population_is_hash_sampled(store, gen, monkeypatch):
    ws, responses = gen
    cur = store.cursor()
    full = drivers.run(cur, ws, Filters(), drivers.DriverSpec("nps", "End"))
    assert full.sample == 1000
    monkeypatch.setattr(driver_inputs, "MAX_CUSTOMERS", 600)
    part = drivers.run(cur, ws, Filters(), drivers.DriverSpec("nps", "End"))
    n_nps_answers = int(responses[responses["touchpoint"] == "End"]["nps"].notna().sum())
    assert part.sample == math.ceil(1000 * 600 / n_nps_answers)
    # the customers kept: (hash(id) >> 32) % 1000 below the sample, with an outcome and a driver
    kept = cur.execute(
        "SELECT count(DISTINCT customer_id) FROM responses r JOIN workspaces w USING (workspace_id) "
        "WHERE w.name = 'Generated' AND touchpoint = 'End' AND nps IS NOT NULL "
        "AND (hash(customer_id) >> 32) % 1000 < $s AND customer_id IN (SELECT customer_id "
        "FROM responses WHERE workspace_id = w.workspace_id AND touchpoint <> 'End' "
        "AND csat IS NOT NULL)",
        {"s": part.sample},
    ).fetchall()[0][0]
    assert part.n == kept < full.n
    assert part.drivers["driver"].iloc[0] == "A"
    assert drivers.to_json(part)["sample_per_mille"] == part.sample
