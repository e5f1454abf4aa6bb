"""The funnel engine (journeylens/domain/funnel_engine.py): hand-computed chains from raw rows, the parallel
split, and reads in several customer parts against the brute-force reference of test_funnel."""

from __future__ import annotations

import random

import numpy as np
import pytest

from journeylens.domain import funnel_engine
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import funnel
from journeylens.services.funnel import Exclusion, FunnelSpec
from journeylens.services.funnel import events as funnel_events

from .test_funnel import Ev, assert_matches_reference, load, mem  # noqa: F401 (mem: a fixture)

# rows as (customer, t, touchpoint) sorted by customer then t (then file order); "-" is a
# touchpoint that is neither a step nor an exclusion -> per customer (depth, chain times, start t)
CASES = [
    pytest.param([(1, 0, "A"), (1, 10, "B"), (1, 20, "C")], "ABC", 100, {},
                 [(3, [0, 10, 20])], id="in order"),
    pytest.param([(1, 0, "A"), (1, 100, "B")], "AB", 100, {}, [(2, [0, 100])],
                 id="window inclusive"),
    pytest.param([(1, 0, "A"), (1, 101, "B")], "AB", 100, {}, [(1, [0, 0])],
                 id="just outside the window"),
    pytest.param([(1, 5, "B"), (1, 5, "A")], "AB", 100, {}, [(2, [5, 5])],
                 id="equal times in any file order"),
    pytest.param([(1, 0, "B"), (1, 5, "A")], "AB", 100, {}, [(1, [5, 0])],
                 id="step 2 before step 1"),
    pytest.param([(1, 0, "A"), (1, 10, "B"), (1, 1000, "A"), (1, 1010, "B"), (1, 1020, "C")],
                 "ABC", 100, {}, [(3, [1000, 1010, 1020])], id="the later start goes deeper"),
    pytest.param([(1, 0, "A"), (1, 10, "B"), (1, 20, "A"), (1, 25, "B")], "AB", 100, {},
                 [(2, [20, 25])], id="equal depth: the latest start"),
    pytest.param([(1, 0, "A"), (1, 3, "-"), (1, 4, "C"), (1, 8, "B"), (1, 9, "C")], "ABC", 100,
                 {}, [(3, [0, 8, 9])], id="other events and an early step 3 are skipped"),
    pytest.param([(1, 0, "A"), (1, 1, "B"), (1, 2, "A")], "ABA", 100, {}, [(3, [0, 1, 2])],
                 id="a repeated step needs another event"),
    pytest.param([(1, 0, "A"), (1, 0, "A")], "AA", 100, {}, [(2, [0, 0])],
                 id="two events at one time fill a repeated step"),
    pytest.param([(1, 0, "A"), (1, 1, "-"), (1, 2, "B")], "AB", 100, {"strict": True},
                 [(1, [0, 0])], id="strict: any event in between breaks"),
    pytest.param([(1, 0, "A"), (1, 1, "X"), (1, 2, "B")], "AB", 100,
                 {"exclusions": (("X", 1, 2),)}, [(0, [0, 0])], id="exclusion spoils"),
    pytest.param([(1, 0, "A"), (1, 1, "X"), (1, 2, "B"), (1, 50, "A"), (1, 51, "B")], "AB", 100,
                 {"exclusions": (("X", 1, 2),)}, [(2, [50, 51])], id="the clean attempt counts"),
    pytest.param([(1, 0, "A"), (1, 0, "X"), (1, 5, "X"), (1, 5, "B")], "AB", 100,
                 {"exclusions": (("X", 1, 2),)}, [(2, [0, 5])], id="equal times do not spoil"),
    pytest.param([(1, 0, "B"), (1, 1, "C")], "ABC", 100, {}, [], id="no step 1: no chain"),
    pytest.param([(1, 0, "A"), (2, 1, "B"), (3, 0, "A"), (3, 50, "B")], "AB", 100, {},
                 [(1, [0, 0]), (2, [0, 50])], id="steps never cross customers"),
]  # fmt: skip


def _build(rows, steps, window, options):
    exclusions = options.get("exclusions", ())
    plan = funnel_engine.plan(tuple(steps), exclusions)
    cust, ts, tps = zip(*rows, strict=True) if rows else ((), (), ())
    code = [plan.codes.index(tp) + 1 if tp in plan.codes else 0 for tp in tps]
    return funnel_engine.build(
        np.array(cust, np.uint64), np.array(ts, np.int64), np.array(code, np.int64), plan,
        window, options.get("strict", False),
    )  # fmt: skip


@pytest.mark.parametrize(("rows", "steps", "window", "options", "expected"), CASES)
def test_hand_computed_chains(rows, steps, window, options, expected):
    depth, times, _ = _build(rows, steps, window, options)
    assert [(int(d), [int(x) for x in t]) for d, t in zip(depth, times, strict=True)] == expected


def test_the_start_row_is_the_chains_step_1_event():
    rows = [(1, 0, "A"), (1, 10, "B"), (1, 20, "A"), (1, 25, "B"), (2, 3, "A"), (2, 3, "A")]
    _, _, start = _build(rows, "AB", 100, {})
    assert list(start) == [2, 5]  # the latest start; of equal times the last in file order


def test_summary_counts_and_gaps():
    depth = np.array([3, 1, 2], np.int8)
    times = np.array([[0, 10, 40], [5, 0, 0], [0, 30, 0]], np.int64) * 1_000_000
    rows = funnel_engine.summarise(depth, times, 3)
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
    code = rng.integers(0, 6, n).astype(np.int64)
    plan = funnel_engine.plan(("A", "B", "C", "A"), (("X", 1, 3),))
    code[code == 5] = 0
    one = funnel_engine.build(cust, ts, code, plan, 200, False)
    monkeypatch.setattr(funnel_engine, "PARALLEL_ROWS", 1)
    monkeypatch.setattr(funnel_engine.os, "cpu_count", lambda: 4)
    parts = funnel_engine.build(cust, ts, code, plan, 200, False)
    for a, b in zip(one, parts, strict=True):
        assert np.array_equal(a, b)


def test_reads_in_customer_parts_match_the_reference(mem, monkeypatch):  # noqa: F811
    """At scale the events are read in several parts of customers: the same funnel as one read
    and as the brute-force reference, for every kind of funnel."""
    rng = random.Random(20261125)
    ws = mem.ensure_workspace(LOCAL, "w").workspace_id
    cur = mem.cursor()
    for case in range(120):
        events = [
            Ev(f"c{rng.randint(0, 7)}", rng.choice("ABCDEX"), rng.randint(0, 12) * 600)
            for _ in range(rng.randint(0, 40))
        ]
        load(mem, events)
        steps = tuple(rng.choice("ABCD") for _ in range(rng.randint(2, 4)))
        exclusions = (Exclusion("X", 1, len(steps)),) if rng.random() < 0.4 else ()
        spec = FunnelSpec(
            steps,
            window_seconds=rng.choice([600, 1800, 3600, 7200]),
            strict=rng.random() < 0.3,
            exclusions=exclusions,
        )
        monkeypatch.setattr(funnel_events, "ROWS_PER_PART", rng.choice([4, 10, 10**9]))
        df = funnel.run(cur, ws, Filters(), spec)
        assert_matches_reference(df, events, spec, f"case {case}: {spec} {events}")
