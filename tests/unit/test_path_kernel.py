"""The compiled paths pass (journeylens/domain/path_kernel.py) against the SQL definitions
(queries/paths_dfg.sql, queries/paths_flow.sql) and the brute-force references of
tests/unit/test_paths.py, on generated logs loaded as the importer stores them, under every
filter the sidebar sets; and the fallback to SQL when the stored rows are out of order."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pandas as pd
import pytest

from journeylens.domain import path_kernel
from journeylens.domain.filters import Filters
from journeylens.domain.flows import FlowSpec, dfg_from_rows
from journeylens.domain.permissions import LOCAL
from journeylens.services import paths, summaries
from journeylens.storage import sql
from tests.unit.test_paths import T0, Ev, dfg_reference, flow_reference, random_log

PERSONAS = ("p1", "p2")
SEGMENTS = ("s1", "s2", "s3")
# the journey definition: T0..T3 in two stages with channels; T4, T5 undefined
DEFINITION = [("T0", "Before", "web"), ("T1", "Before", None), ("T2", "During", "branch"),
              ("T3", "During", "web")]  # fmt: skip


def load(store, events: list[Ev], *, sort: bool = True, refresh: bool = True) -> int:
    """Events with a persona, segment and (for some) an own channel, plus the definition; the
    writer refreshes the summaries as every loader does (that is where the order is checked)."""
    ws = store.ensure_workspace(LOCAL, "k").workspace_id
    rng = random.Random(3)
    who = {c: (rng.choice(PERSONAS), rng.choice(SEGMENTS)) for c in {e.customer for e in events}}
    rows = [
        (ws, e.dataset_id, e.src_row, e.customer, e.touchpoint, T0 + timedelta(seconds=e.at),
         *who[e.customer], "app" if e.src_row % 7 == 0 else None, e.converted, e.value)
        for e in events
    ]  # fmt: skip
    if sort:
        rows.sort(key=lambda r: (r[3], r[5], r[1], r[2]))
    with store.write(LOCAL) as cur:
        cur.executemany(
            "INSERT INTO touchpoints (workspace_id, touchpoint, stage, stage_order, step_order, "
            "channel) VALUES (?, ?, ?, ?, ?, ?)",
            [(ws, tp, st, 1 if st == "Before" else 2, i, ch)
             for i, (tp, st, ch) in enumerate(DEFINITION)],
        )  # fmt: skip
        cur.executemany(
            "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, ts, "
            "persona, segment, channel, converted, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        if refresh:
            summaries.refresh(cur, ws, events_changed=True, responses_changed=False)
            sql.execute(cur, "workspace_bump", workspace_id=ws)
    return ws


FILTERS = [
    Filters(),
    Filters(personas=("p1",)),
    Filters(segments=("s1", "s3")),
    Filters(channels=("web",)),
    Filters(channels=("app", "branch")),
    Filters(stages=("During",)),
    Filters(date_from=(T0 + timedelta(seconds=400)).date(), date_to=T0.date()),
    Filters(date_from=date(2024, 3, 1), date_to=date(2024, 3, 1), personas=("p2",)),
]
SPECS = [
    FlowSpec(steps=10, top=10),
    FlowSpec(keep_repeats=True, steps=4),
    FlowSpec(start="T2", steps=6),
    FlowSpec(start="T1", keep_repeats=True, steps=10),
    FlowSpec(start="T3", conversion="T3"),
    FlowSpec(start="nowhere"),
]


@pytest.fixture(scope="module")
def logged(tmp_path_factory):
    """One generated log (groups above 255 customers), stored sorted and refreshed."""
    from journeylens.storage.store import Store

    store = Store(tmp_path_factory.mktemp("kernel") / "k.duckdb")
    events = random_log(random.Random(17), 900)
    ws = load(store, events)
    yield store, ws, events
    store.close()


def kernel_read(monkeypatch) -> list[str]:
    """Names of the row queries the kernels read (sql.run_batches)."""
    names: list[str] = []
    real = sql.run_batches
    monkeypatch.setattr(
        sql, "run_batches", lambda c, name, *a, **p: names.append(name) or real(c, name, *a, **p)
    )
    return names


def pair_counts(rows: pd.DataFrame) -> Counter:
    return Counter({
        (bool(r.converted), int(r.step), r.source if isinstance(r.source, str) else None,
         r.target): int(r.customers)
        for r in rows.itertuples()
    })  # fmt: skip


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: f.caption(lambda k, **kw: k)[:40])
def test_graph_from_the_kernel_equals_the_sql(logged, monkeypatch, filters):
    store, ws, _ = logged
    names = kernel_read(monkeypatch)
    cur = store.cursor()
    if filters.is_empty():  # the default view reads the write-time copy: call the kernel path
        got = dfg_from_rows(_kernel_dfg(cur, ws, filters))
    else:
        got = paths.dfg(cur, ws, filters)
        assert names == ["paths_rows"]
    want = dfg_from_rows(sql.run(cur, "paths_dfg", **filters.params(ws)))
    assert got.to_json() == want.to_json()
    assert got.edges["count"].sum() > 0


def _kernel_dfg(cur, ws, filters):
    codes, batches = paths._stored_rows(cur, ws, filters, None, with_times=True)
    return path_kernel.dfg_rows(batches, codes)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: f.caption(lambda k, **kw: k)[:40])
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.start}-{s.steps}-{s.keep_repeats}")
def test_flow_from_the_kernel_equals_the_sql(logged, monkeypatch, filters, spec):
    store, ws, _ = logged
    names = kernel_read(monkeypatch)
    cur = store.cursor()
    got = pair_counts(paths._pairs(cur, ws, filters, spec))
    stored = filters.is_empty() and spec.start is None and not spec.keep_repeats
    assert names == ([] if stored and spec.conversion is None else ["paths_rows"])
    want = pair_counts(
        sql.run(
            cur,
            "paths_flow",
            start=spec.start,
            steps=spec.steps,
            keep_repeats=spec.keep_repeats,
            conversion=spec.conversion,
            **filters.params(ws),
        )  # fmt: skip
    )
    assert got == want
    if spec.start != "nowhere" and filters.is_empty():
        assert sum(got.values()) > 0


@pytest.mark.parametrize("spec", SPECS[:4], ids=lambda s: f"{s.start}-{s.steps}-{s.keep_repeats}")
def test_flow_from_the_kernel_equals_the_brute_force_reference(logged, spec):
    store, ws, events = logged
    codes, batches = paths._stored_rows(store.cursor(), ws, Filters(), None, with_times=False)
    got = pair_counts(
        path_kernel.flow_pairs(batches, codes, spec.start, spec.steps, spec.keep_repeats)
    )
    assert got == flow_reference(events, spec)
    assert max(got.values()) > 255


def test_graph_from_the_kernel_equals_the_brute_force_reference(logged):
    store, ws, events = logged
    g = dfg_from_rows(_kernel_dfg(store.cursor(), ws, Filters()))
    edges, starts, ends, medians = dfg_reference(events)
    assert {(e.source, e.target): int(e.count) for e in g.edges.itertuples()} == dict(edges)
    assert g.start == dict(starts) and g.end == dict(ends)
    for e in g.edges.itertuples():
        assert e.median_seconds == pytest.approx(medians[(e.source, e.target)])


@pytest.mark.parametrize("layout", ["unsorted", "not_refreshed"])
def test_rows_out_of_order_or_unchecked_are_sorted_in_sql(store, monkeypatch, layout):
    """Rows stored out of the paths' order (or never checked) must not reach the kernel."""
    events = random_log(random.Random(8), 200)
    ws = load(store, events, sort=layout != "unsorted", refresh=layout != "not_refreshed")
    if layout == "unsorted":
        assert not bool(sql.run(store.cursor(), "paths_codes", workspace_id=ws, stages=[])
                        .iloc[0]["in_order"])  # fmt: skip
    names = kernel_read(monkeypatch)
    f = Filters(personas=("p1",))
    flow = paths._pairs(store.cursor(), ws, f, FlowSpec(start="T1"))
    graph = paths.dfg(store.cursor(), ws, f)
    assert names == []
    want = sql.run(store.cursor(), "paths_flow", start="T1", steps=5, keep_repeats=False,
                   conversion=None, **f.params(ws))  # fmt: skip
    assert pair_counts(flow) == pair_counts(want)
    assert graph.edges["count"].sum() > 0


def test_a_write_that_does_not_refresh_stops_the_kernel(logged, monkeypatch):
    """The order flag belongs to one data version, like every write-time summary."""
    store, ws, _ = logged
    cur = store.cursor()
    assert bool(sql.run(cur, "paths_codes", workspace_id=ws, stages=[]).iloc[0]["in_order"])
    with store.write(LOCAL) as w:
        sql.execute(w, "workspace_bump", workspace_id=ws)
    try:
        assert not bool(sql.run(cur, "paths_codes", workspace_id=ws, stages=[]).iloc[0]["in_order"])
    finally:
        with store.write(LOCAL) as w:
            summaries.refresh(w, ws, events_changed=True, responses_changed=False)
            sql.execute(w, "workspace_bump", workspace_id=ws)
    assert bool(sql.run(cur, "paths_codes", workspace_id=ws, stages=[]).iloc[0]["in_order"])


@pytest.mark.parametrize("rows", [1, 2, 3, 7, 1000])
def test_batches_are_recut_at_customer_boundaries(logged, monkeypatch, rows):
    """A customer whose rows straddle streamed batches counts once, whatever the batch size."""
    store, ws, _ = logged
    cur = store.cursor()
    spec, f = FlowSpec(start="T1", keep_repeats=True, steps=10), Filters(personas=("p2",))
    want = pair_counts(paths._pairs(cur, ws, f, spec))
    want_graph = paths.dfg(cur, ws, f).to_json()
    monkeypatch.setattr(path_kernel, "BATCH_ROWS", rows)
    assert pair_counts(paths._pairs(cur, ws, f, spec)) == want
    assert paths.dfg(cur, ws, f).to_json() == want_graph


@pytest.mark.parametrize(
    "customers, expected",
    [
        ([[1, 1, 2], [2, 2, 3], [3]], [[1, 1], [2, 2, 2], [3, 3]]),
        ([[1], [1], [1, 2]], [[1, 1, 1], [2]]),
        ([[], [1, 2], []], [[1], [2]]),
        ([[5, 5, 5]], [[5, 5, 5]]),
    ],
)
def test_whole_customers(customers, expected):
    import numpy as np

    batches = [(np.array(c, np.uint64), np.arange(len(c))) for c in customers]
    got = [b[0].tolist() for b in path_kernel.whole_customers(batches)]
    assert got == expected


def test_gaps_round_to_whole_seconds_as_the_sql_does(store, monkeypatch):
    """Sub-second times: a gap of 1.5 s counts as 2, 0.9 s as 1, 2.5 s as 3 (half away from 0)."""
    events = [Ev("c1", "A", 0, 1, 1), Ev("c1", "B", 1.5, 1, 2), Ev("c1", "A", 2.4, 1, 3),
              Ev("c1", "B", 3.9, 1, 4), Ev("c2", "A", 0, 1, 5), Ev("c2", "B", 2.5, 1, 6),
              Ev("c3", "B", 0, 1, 7), Ev("c3", "A", 0.4, 1, 8)]  # fmt: skip
    ws = load(store, events)
    names = kernel_read(monkeypatch)
    f = Filters(personas=PERSONAS)  # keeps every row, so the view is computed, not the copy
    g = paths.dfg(store.cursor(), ws, f)
    assert names == ["paths_rows"]
    got = {(e.source, e.target): (int(e.count), e.median_seconds) for e in g.edges.itertuples()}
    assert got == {("A", "B"): (3, 2.0), ("B", "A"): (2, 0.5)}
    want = dfg_from_rows(sql.run(store.cursor(), "paths_dfg", **f.params(ws)))
    assert g.to_json() == want.to_json()
