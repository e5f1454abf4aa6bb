"""The compiled chain builder (journeylens/chains.py): hand-computed chains, and the same funnel as
the SQL chain builder (queries/funnel_macros.sql) on random logs."""

from __future__ import annotations

import random

import numpy as np
import pytest

from journeylens import chains, funnel
from journeylens.filters import Filters
from journeylens.funnel import FunnelSpec
from journeylens.permissions import LOCAL

from .test_funnel import Ev, load, mem  # noqa: F401  (mem is a fixture)

# (rows as (customer, t, step) sorted by customer then t, steps, window) -> per customer
# (depth, chain times). Step 0 is an event that is not a step.
CASES = [
    pytest.param([(1, 0, 1), (1, 10, 2), (1, 20, 3)], 3, 100, [(3, [0, 10, 20])], id="in order"),
    pytest.param([(1, 0, 1), (1, 100, 2)], 2, 100, [(2, [0, 100])], id="window inclusive"),
    pytest.param([(1, 0, 1), (1, 101, 2)], 2, 100, [(1, [0, 0])], id="just outside the window"),
    pytest.param([(1, 5, 2), (1, 5, 1)], 2, 100, [(2, [5, 5])], id="equal times in any order"),
    pytest.param([(1, 0, 2), (1, 5, 1)], 2, 100, [(1, [5, 0])], id="step 2 before step 1"),
    pytest.param(
        [(1, 0, 1), (1, 10, 2), (1, 1000, 1), (1, 1010, 2), (1, 1020, 3)],
        3,
        100,
        [(3, [1000, 1010, 1020])],
        id="the later start goes deeper",
    ),
    pytest.param(
        [(1, 0, 1), (1, 10, 2), (1, 20, 1), (1, 25, 2)],
        2,
        100,
        [(2, [0, 10])],
        id="equal depth: the earliest start",
    ),
    pytest.param(
        [(1, 0, 1), (1, 3, 0), (1, 4, 3), (1, 8, 2), (1, 9, 3)],
        3,
        100,
        [(3, [0, 8, 9])],
        id="other events and an early step 3 are skipped",
    ),
    pytest.param([(1, 0, 2), (1, 1, 3)], 3, 100, [], id="no step 1: no chain"),
    pytest.param(
        [(1, 0, 1), (2, 1, 2), (3, 0, 1), (3, 50, 2)],
        2,
        100,
        [(1, [0, 0]), (2, [0, 50])],
        id="steps never cross customers",
    ),
]


@pytest.mark.parametrize(("rows", "n_steps", "window", "expected"), CASES)
def test_hand_computed_chains(rows, n_steps, window, expected):
    cust, ts, step = (np.array(col) for col in zip(*rows, strict=True))
    depth, times = chains.build(cust.astype(np.uint64), ts, step, n_steps, window)
    assert [(int(d), [int(x) for x in t]) for d, t in zip(depth, times, strict=True)] == expected


def test_summary_counts_and_gaps():
    depth = np.array([3, 1, 2], np.int8)
    times = np.array([[0, 10, 40], [5, 0, 0], [0, 30, 0]], np.int64) * 1_000_000
    rows = chains.summarise(depth, times, 3)
    assert [r["count"] for r in rows] == [3, 2, 1]
    assert rows[1]["median"] == 20.0 and rows[1]["mean"] == 20.0  # gaps 10 and 30
    assert rows[2]["median"] == 30.0 and rows[0]["median"] is None


def test_parallel_parts_give_the_same_chains(monkeypatch):
    rng = np.random.default_rng(7)
    n = 20_000
    cust = np.sort(rng.integers(0, 3_000, n)).astype(np.uint64)
    ts = np.zeros(n, np.int64)
    for c in np.unique(cust):  # times sorted within each customer
        idx = np.flatnonzero(cust == c)
        ts[idx] = np.sort(rng.integers(0, 1_000, len(idx)))
    step = rng.integers(0, 5, n).astype(np.int8)
    one = chains.build(cust, ts, step, 4, 200)
    monkeypatch.setattr(chains, "PARALLEL_ROWS", 1)
    monkeypatch.setattr(chains.os, "cpu_count", lambda: 4)
    parts = chains.build(cust, ts, step, 4, 200)
    assert np.array_equal(one[0], parts[0]) and np.array_equal(one[1], parts[1])


def test_run_uses_the_compiled_path_when_it_applies(mem, monkeypatch):  # noqa: F811
    ws = load(mem, [Ev("c1", "A", 0), Ev("c1", "B", 60)])
    calls = []
    real = chains.build

    def spy(*args):
        calls.append(args[3])
        return real(*args)

    monkeypatch.setattr(chains, "build", spy)
    cur = mem.cursor()
    df = funnel.run(cur, ws, Filters(), FunnelSpec(("A", "B")))
    assert list(df["count"]) == [1, 1] and calls == [2]
    funnel.run(cur, ws, Filters(), FunnelSpec(("A", "B"), strict=True))  # strict: SQL path
    funnel.run(cur, ws, Filters(), FunnelSpec(("A", "B", "A")))  # repeated step: SQL path
    assert calls == [2]


def test_compiled_and_sql_paths_agree_on_random_logs(mem, monkeypatch):  # noqa: F811
    rng = random.Random(20261125)
    ws = mem.ensure_workspace(LOCAL, "w").workspace_id
    cur = mem.cursor()
    for case in range(150):
        events = [
            Ev(
                f"c{rng.randint(0, 7)}",
                rng.choice("ABCDEF"),
                rng.randint(0, 12) * 600,
                persona=rng.choice(["p1", "p2"]),
            )
            for _ in range(rng.randint(0, 40))
        ]
        load(mem, events)
        spec = FunnelSpec(
            tuple(rng.sample("ABCDE", rng.randint(2, 5))),
            window_seconds=rng.choice([600, 1800, 3600, 7200]),
        )
        filters = rng.choice([Filters(), Filters(personas=("p1",))])
        # read in one part, or in several parts of customers (as at scale)
        monkeypatch.setattr(funnel, "ROWS_PER_PART", rng.choice([4, 10, 10**9]))
        compiled = funnel.run(cur, ws, filters, spec)
        raw = funnel._run(cur, "funnel_steps", **funnel._params(ws, filters, spec))
        context = f"case {case}: {spec} {filters} {events}"
        assert list(compiled["count"]) == [int(c) for c in raw["count"]], context
        for col in ("median_seconds_from_previous", "mean_seconds_from_previous"):
            for a, b in zip(compiled[col], raw[col], strict=True):
                assert (a is None and b != b) or a == pytest.approx(b), context
