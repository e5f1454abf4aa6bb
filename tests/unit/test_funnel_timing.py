"""The funnel over time and its time to convert (journeylens/domain/funnel_timing.py,
journeylens/services/funnel/timing.py): hand-computed tiny cases, then a differential check
against the brute-force chains of tests/unit/test_funnel.py summarised independently with pandas
and scipy, on generated data with more than 256 customers per period.

Quantiles: linear interpolation (numpy method="linear", DuckDB quantile_cont, pandas' default).
"""

from __future__ import annotations

import random
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats as scipy_stats

from journeylens.domain import funnel_timing
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import funnel
from journeylens.services.funnel import Exclusion, FunnelError, FunnelSpec
from journeylens.services.funnel import timing as timing_mod
from journeylens.storage.store import Store
from tests.unit.test_funnel import T0, D, Ev, H, best_chains, load

A, B, C, X = "A", "B", "C", "X"


@pytest.fixture
def mem():
    s = Store(":memory:")
    yield s
    s.close()


def us(dt: datetime) -> int:
    return int((dt - datetime(1970, 1, 1)).total_seconds() * 1_000_000)


# --- hand-computed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "week", "month"),
    [
        (datetime(2024, 3, 1, 9), "2024-02-26", "2024-03-01"),  # a Friday
        (datetime(2024, 3, 4, 0), "2024-03-04", "2024-03-01"),  # Monday midnight: its own week
        (datetime(2024, 3, 3, 23, 59, 59), "2024-02-26", "2024-03-01"),  # Sunday night
        (datetime(2024, 12, 31, 12), "2024-12-30", "2024-12-01"),  # a week across the new year
        (datetime(1969, 12, 31, 12), "1969-12-29", "1969-12-01"),  # before the epoch
    ],
)
def test_period_start(at, week, month):
    ts = np.array([us(at)])
    assert str(funnel_timing.period_start(ts, "week")[0]) == week
    assert str(funnel_timing.period_start(ts, "month")[0]) == month


def test_period_weeks_match_duckdb_date_trunc():
    """The weeks are DuckDB's (the KPI trend's date_trunc('week', ...)): Monday first."""
    days = [datetime(2024, 1, 1) + pd.Timedelta(days=d, hours=d % 24) for d in range(0, 60, 3)]
    got = funnel_timing.period_start(np.array([us(d) for d in days]), "week")
    expected = duckdb.sql(
        "SELECT date_trunc('week', d)::DATE::VARCHAR FROM unnest($days::TIMESTAMP[]) AS u(d)",
        params={"days": days},
    ).fetchall()
    assert [str(g) for g in got] == [e[0] for e in expected]


def test_summary_hand_computed_and_as_duckdb_quantile_cont():
    # sorted 1, 2, 3, 4, 10 hours (n = 5): the q-quantile is at h = q * (n - 1)
    # median: h = 2 -> x2 = 3 h; p90: h = 3.6 -> x3 + 0.6 * (x4 - x3) = 4 + 0.6 * 6 = 7.6 h;
    # p10: h = 0.4 -> 1 + 0.4 * 1 = 1.4 h; q1: h = 1 -> 2 h; q3: h = 3 -> 4 h; mean 20 / 5 = 4 h
    secs = np.array([10, 1, 3, 2, 4]) * H
    got = funnel_timing.summary(secs)
    assert got == pytest.approx(
        {"n": 5, "mean": 4 * H, "min": H, "max": 10 * H, "p10": 1.4 * H, "q1": 2 * H,
         "median": 3 * H, "q3": 4 * H, "p90": 7.6 * H}
    )  # fmt: skip
    duck = duckdb.sql(
        "SELECT quantile_cont(s, 0.5), quantile_cont(s, 0.9) FROM unnest($s::DOUBLE[]) AS u(s)",
        params={"s": [float(x) for x in secs]},
    ).fetchall()[0]
    assert duck == pytest.approx((got["median"], got["p90"]))
    assert funnel_timing.summary(np.array([]))["median"] is None


def test_step_pairs():
    assert funnel_timing.step_pairs(2) == [(1, 2)]
    assert funnel_timing.step_pairs(4) == [(1, 2), (2, 3), (3, 4), (1, 4)]


# T0 is Friday 2024-03-01 09:00: its week starts Monday 2024-02-26.
TINY = [
    Ev("c1", A, 0), Ev("c1", B, H), Ev("c1", C, 3 * H),  # converts, week 02-26, March
    Ev("c2", A, 0), Ev("c2", B, 2 * H),  # stops at B, week 02-26
    Ev("c3", A, 4 * D), Ev("c3", B, 4 * D + H), Ev("c3", C, 4 * D + 2 * H),  # Tue 03-05: converts
    Ev("c4", A, 4 * D),  # enters on 03-05 only
    Ev("c5", A, 31 * D), Ev("c5", B, 31 * D + 10 * H), Ev("c5", C, 31 * D + 20 * H),  # 04-01
    Ev("c6", B, 0), Ev("c6", C, H),  # never at step 1: not in the funnel
]  # fmt: skip


def test_conversion_over_time_hand_computed(mem):
    ws = load(mem, TINY)
    spec = FunnelSpec((A, B, C))
    months = funnel.conversion_over_time(mem.cursor(), ws, Filters(), spec, "month", min_n=2)
    assert [str(p.date()) for p in months["period"]] == ["2024-03-01", "2024-04-01"]
    assert list(months["entered"]) == [4, 1] and list(months["converted"]) == [2, 1]
    assert list(months["conversion"]) == [0.5, 1.0]
    # Wilson, z = 1.96: 2 of 4 -> centre (0.5 + z²/8) / (1 + z²/4) = 0.5,
    #   half z·sqrt(0.25/4 + z²/64) / (1 + z²/4) = 1.96 · 0.35004 / 1.9604 = 0.3500 -> 0.150 .. 0.850
    # 1 of 1 -> centre (1 + z²/2) / (1 + z²) = 0.6033, half (z²/2) / (1 + z²) = 0.3967 -> 0.2066 .. 1
    assert list(months["low"]) == pytest.approx([0.1500, 0.2066], abs=1e-4)
    assert list(months["high"]) == pytest.approx([0.8500, 1.0], abs=1e-4)
    assert list(months["reliable"]) == [True, False]  # min_n 2: April's one entrant is too few
    weeks = funnel.conversion_over_time(mem.cursor(), ws, Filters(), spec, "week", min_n=2)
    assert [str(p.date()) for p in weeks["period"]] == ["2024-02-26", "2024-03-04", "2024-04-01"]
    assert list(weeks["entered"]) == [2, 2, 1] and list(weeks["converted"]) == [1, 1, 1]


def test_time_to_convert_hand_computed(mem):
    ws = load(mem, TINY)
    spec = FunnelSpec((A, B, C))
    df = funnel.time_to_convert(mem.cursor(), ws, Filters(), spec)
    assert [(a, b) for a, b in zip(df["from_step"], df["to_step"], strict=True)] == [
        (1, 2), (2, 3), (1, 3)
    ]  # fmt: skip
    assert list(df["customers"]) == [4, 3, 3]
    # A -> B: 1, 1, 2, 10 h -> median (1 + 2) / 2 = 1.5 h; p90 h = 2.7: 2 + 0.7 * 8 = 7.6 h
    # B -> C: 1, 2, 10 h -> median 2 h; p90 h = 1.8: 2 + 0.8 * 8 = 8.4 h
    # A -> C: 2, 3, 20 h -> median 3 h; p90 h = 1.8: 3 + 0.8 * 17 = 16.6 h
    assert list(df["median"]) == pytest.approx([1.5 * H, 2 * H, 3 * H])
    assert list(df["p90"]) == pytest.approx([7.6 * H, 8.4 * H, 16.6 * H])
    assert list(df["mean"]) == pytest.approx([3.5 * H, 13 / 3 * H, 25 / 3 * H])
    # one definition: the funnel table's median time from the previous step is the same number
    steps = funnel.run(mem.cursor(), ws, Filters(), spec)
    assert list(steps["median_seconds_from_previous"][1:]) == pytest.approx(list(df["median"][:2]))


def test_time_to_convert_with_nobody_through(mem):
    ws = load(mem, [Ev("c1", A, 0), Ev("c1", B, H)])
    df = funnel.time_to_convert(mem.cursor(), ws, Filters(), FunnelSpec((A, B, C)))
    assert list(df["customers"]) == [1, 0, 0]
    assert df["median"][1] is None and df["p90"][2] is None


def test_unknown_grain_is_a_funnel_error(mem):
    ws = load(mem, TINY)
    with pytest.raises(FunnelError):
        funnel.conversion_over_time(mem.cursor(), ws, Filters(), FunnelSpec((A, B)), "year")


# --- differential: brute-force chains summarised with pandas and scipy --------------------------


def generated(seed: int, per_month: int = 300) -> list[Ev]:
    """per_month customers in each of March, May and June 2024 (their events stay inside the
    month), each starting with A, with repeated attempts, equal timestamps and a touchpoint X
    between steps."""
    rng = random.Random(seed)
    events: list[Ev] = []
    month_day = {0: 0, 1: 61, 2: 92}  # T0 = 1 March; 1 May; 1 June (days after T0)
    for m, first_day in month_day.items():
        for c in range(per_month):
            name = f"m{m}c{c}"
            t = (first_day + rng.randint(1, 12)) * D + rng.randint(0, 23) * H
            touchpoint = A
            for _ in range(rng.randint(1, 7)):
                events.append(Ev(name, touchpoint, t))
                t += rng.choice([0, 0, H, 2 * H, 5 * H, D, 2 * D])
                touchpoint = rng.choices([A, B, C, X], [1, 5, 5, 1])[0]
    return events


def load_many(store: Store, events: list[Ev]) -> int:
    """test_funnel.load for thousands of events: one INSERT from a frame, not one per row."""
    ws = store.ensure_workspace(LOCAL, "w").workspace_id
    rows = pd.DataFrame(
        {
            "workspace_id": ws,
            "dataset_id": [e.dataset_id for e in events],
            "src_row": range(len(events)),
            "customer_id": [e.customer for e in events],
            "touchpoint": [e.touchpoint for e in events],
            "ts": [pd.Timestamp(T0) + pd.Timedelta(seconds=e.at) for e in events],
            "channel": [e.channel for e in events],
            "persona": [e.persona for e in events],
            "segment": [e.segment for e in events],
        }
    )
    with store.write(LOCAL) as cur:
        cur.register("new_events", rows)
        cur.execute(f"INSERT INTO events ({', '.join(rows.columns)}) SELECT * FROM new_events")
        cur.unregister("new_events")
    return ws


def pandas_over_time(chains: dict[str, list[int]], n: int, grain: str) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "start": [pd.Timestamp(T0) + pd.Timedelta(seconds=c[0]) for c in chains.values()],
            "converted": [len(c) == n for c in chains.values()],
        }
    )
    if grain == "week":
        df["period"] = (
            df["start"] - pd.to_timedelta(df["start"].dt.day_of_week, unit="D")
        ).dt.floor("D")
    else:
        df["period"] = df["start"].dt.to_period("M").dt.start_time
    out = df.groupby("period").agg(entered=("converted", "size"), converted=("converted", "sum"))
    ci = [
        scipy_stats.binomtest(int(k), int(e)).proportion_ci(method="wilson")
        for k, e in zip(out["converted"], out["entered"], strict=True)
    ]
    return out.assign(low=[c.low for c in ci], high=[c.high for c in ci]).reset_index()


SPECS = [
    FunnelSpec((A, B, C), window_seconds=3 * D),
    FunnelSpec((A, B, C), window_seconds=2 * D, strict=True),
    FunnelSpec((A, B, C), window_seconds=3 * D, exclusions=(Exclusion(X, 1, 3),)),
]


@pytest.mark.parametrize("spec", SPECS, ids=["loose", "strict", "exclusion"])
def test_matches_brute_force_with_pandas(mem, spec):
    events = generated(16)
    ws = load_many(mem, events)
    chains = best_chains(events, spec)
    n = len(spec.steps)
    for grain in ("month", "week"):
        got = funnel.conversion_over_time(mem.cursor(), ws, Filters(), spec, grain, min_n=30)
        expected = pandas_over_time(chains, n, grain)
        if grain == "month":
            assert len(expected) == 3 and expected["entered"].min() > 256
        assert list(got["period"]) == list(expected["period"])
        assert list(got["entered"]) == list(expected["entered"])
        assert list(got["converted"]) == list(expected["converted"])
        assert list(got["low"]) == pytest.approx(list(expected["low"]), abs=1e-12)
        assert list(got["high"]) == pytest.approx(list(expected["high"]), abs=1e-12)
        assert list(got["reliable"]) == list(expected["entered"] >= 30)
    times = funnel.time_to_convert(mem.cursor(), ws, Filters(), spec)
    for row in times.to_dict("records"):
        a, b = row["from_step"], row["to_step"]
        gaps = pd.Series([c[b - 1] - c[a - 1] for c in chains.values() if len(c) >= b], dtype=float)
        assert row["customers"] == len(gaps)
        if spec == SPECS[0]:
            assert len(gaps) > 256
        if len(gaps):
            assert row["median"] == pytest.approx(gaps.quantile(0.5))
            assert row["p90"] == pytest.approx(gaps.quantile(0.9))
            assert row["p90"] == pytest.approx(np.quantile(gaps, 0.9, method="linear"))
            assert row["mean"] == pytest.approx(gaps.mean())
            assert (row["p10"], row["q1"], row["q3"]) == pytest.approx(
                tuple(gaps.quantile([0.1, 0.25, 0.75]))
            )


def test_timing_reads_the_chains_once_for_both_sections(mem, monkeypatch):
    ws = load(mem, TINY)
    spec = FunnelSpec((A, B, C))
    reads = []
    original = timing_mod.chains_of
    monkeypatch.setattr(
        timing_mod, "chains_of", lambda *a, **k: reads.append(1) or original(*a, **k)
    )
    both = funnel.timing_of(mem.cursor(), ws, Filters(), spec, min_n=2)
    assert len(reads) == 1
    for grain in funnel.GRAINS:
        alone = funnel.conversion_over_time(mem.cursor(), ws, Filters(), spec, grain, min_n=2)
        pd.testing.assert_frame_equal(both.over_time[grain], alone)
    pd.testing.assert_frame_equal(
        both.times, funnel.time_to_convert(mem.cursor(), ws, Filters(), spec)
    )
