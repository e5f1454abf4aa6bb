"""Paths (journeylens/services/paths.py, queries/paths_*.sql): the directly-follows graph against hand
counts and pm4py's published answer, the flow against a brute-force reference and against the
strict two-step funnels of journeylens/services/funnel, and the write-time copies against the rows."""

from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journeylens.domain.filters import Filters
from journeylens.domain.flows import LEFT, OTHER, FlowSpec
from journeylens.domain.permissions import LOCAL
from journeylens.services import funnel, paths
from journeylens.services.funnel import FunnelSpec
from journeylens.storage import sql
from journeylens.storage.store import Store
from tests.conftest import file_column_filters

T0 = datetime(2024, 3, 1, 9, 0, 0)
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "pm4py_core"
SAMPLES = SAMPLES if SAMPLES.exists() else Path("/work/shared/samples/pm4py_core")


@dataclass(frozen=True)
class Ev:
    customer: str
    touchpoint: str
    at: int  # seconds after T0
    dataset_id: int = 1
    src_row: int | None = None
    converted: bool | None = None
    value: float | None = None
    persona: str = "p1"


def load(store: Store, events: list[Ev], workspace: str = "w", *, sort: bool = True) -> int:
    """Insert events; sort=True stores them as the importer does (by customer, time, upload, row)."""
    ws = store.ensure_workspace(LOCAL, workspace).workspace_id
    rows = [
        (ws, e.dataset_id, e.src_row if e.src_row is not None else i, e.customer, e.touchpoint,
         T0 + timedelta(seconds=e.at), e.persona, e.converted, e.value)
        for i, e in enumerate(events)
    ]  # fmt: skip
    if sort:
        rows.sort(key=lambda r: (r[3], r[5], r[1], r[2]))
    with store.write(LOCAL) as cur:
        cur.execute("DELETE FROM events WHERE workspace_id = ?", [ws])
        if rows:
            cur.executemany(
                "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, "
                "ts, persona, converted, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    return ws


def ordered(events: list[Ev]) -> dict[str, list[Ev]]:
    """The reference order: per customer by (ts, dataset_id, src_row)."""
    out: dict[str, list[tuple]] = {}
    for i, e in enumerate(events):
        key = (e.at, e.dataset_id, e.src_row if e.src_row is not None else i)
        out.setdefault(e.customer, []).append((key, e))
    return {c: [e for _, e in sorted(v, key=lambda x: x[0])] for c, v in out.items()}


# --- directly-follows graph: hand-counted logs --------------------------------------------------

A, B, C = "A", "B", "C"
DFG_CASES = [
    (
        "chain",
        [Ev("c1", A, 0), Ev("c1", B, 10), Ev("c1", C, 30)],
        {(A, B): 1, (B, C): 1},
        {A: 1},
        {C: 1},
    ),
    (
        "self_loops_kept",
        [Ev("c1", A, 0), Ev("c1", A, 5), Ev("c1", A, 9), Ev("c1", B, 20)],
        {(A, A): 2, (A, B): 1},
        {A: 1},
        {B: 1},
    ),
    (
        # equal timestamps follow the file order (src_row), whatever order they were stored in
        "ties_by_file_order",
        [Ev("c1", B, 0, src_row=2), Ev("c1", A, 0, src_row=1), Ev("c1", C, 0, src_row=3)],
        {(A, B): 1, (B, C): 1},
        {A: 1},
        {C: 1},
    ),
    (
        # then by upload: dataset 1 before dataset 2 at the same time
        "ties_by_dataset",
        [Ev("c1", B, 0, dataset_id=2, src_row=1), Ev("c1", A, 0, dataset_id=1, src_row=9)],
        {(A, B): 1},
        {A: 1},
        {B: 1},
    ),
    (
        "customers_do_not_mix",
        [Ev("c1", A, 0), Ev("c2", B, 1), Ev("c1", C, 2), Ev("c2", B, 3), Ev("c3", C, 0)],
        {(A, C): 1, (B, B): 1},
        {A: 1, B: 1, C: 1},
        {C: 2, B: 1},
    ),
]


@pytest.mark.parametrize("sort", [True, False], ids=["stored_sorted", "stored_unsorted"])
@pytest.mark.parametrize(
    "name, events, edges, start, end", DFG_CASES, ids=[c[0] for c in DFG_CASES]
)
def test_dfg_hand_counted(store, name, events, edges, start, end, sort):
    ws = load(store, events, sort=sort)
    g = paths.dfg(store.cursor(), ws, Filters())
    got = {(r.source, r.target): int(r.count) for r in g.edges.itertuples()}
    assert got == edges
    assert g.start == start
    assert g.end == end
    assert sum(got.values()) == len(events) - len({e.customer for e in events})  # the invariant
    assert g.events == len(events)


def test_dfg_median_seconds_between(store):
    # A->B gaps: 10, 20, 60 s (three customers) and 40 s: median of 10, 20, 40, 60 = 30
    events = [Ev("c1", A, 0), Ev("c1", B, 10), Ev("c2", A, 0), Ev("c2", B, 20),
              Ev("c3", A, 5), Ev("c3", B, 65), Ev("c4", A, 0), Ev("c4", B, 40)]  # fmt: skip
    ws = load(store, events)
    g = paths.dfg(store.cursor(), ws, Filters())
    (row,) = g.edges.itertuples()
    assert (row.count, row.median_seconds) == (4, 30.0)
    assert g.to_json()["edges"] == [{"from": A, "to": B, "count": 4, "median_seconds": 30.0}]


def test_dfg_respects_filters(store):
    # without B (filtered out by the persona) A is directly followed by C
    events = [Ev("c1", A, 0), Ev("c1", B, 10, persona="p2"), Ev("c1", C, 20)]
    ws = load(store, events)
    g = paths.dfg(store.cursor(), ws, Filters(personas=("p1",)))
    assert {(r.source, r.target): r.count for r in g.edges.itertuples()} == {(A, C): 1}


def dfg_reference(events: list[Ev]) -> tuple[Counter, Counter, Counter, dict]:
    edges, starts, ends, gaps = Counter(), Counter(), Counter(), {}
    for evs in ordered(events).values():
        starts[evs[0].touchpoint] += 1
        ends[evs[-1].touchpoint] += 1
        for a, b in zip(evs, evs[1:], strict=False):
            edges[(a.touchpoint, b.touchpoint)] += 1
            gaps.setdefault((a.touchpoint, b.touchpoint), []).append(b.at - a.at)
    return edges, starts, ends, {k: statistics.median(v) for k, v in gaps.items()}


def random_log(rng: random.Random, customers: int, touchpoints: int = 6) -> list[Ev]:
    """Journeys with repeats, equal timestamps and two uploads (dataset 2 after dataset 1)."""
    events = []
    names = [f"T{i}" for i in range(touchpoints)]
    row = {1: 0, 2: 0}
    for c in range(customers):
        t = rng.randrange(0, 1000)
        for _ in range(rng.randint(1, 9)):
            t += rng.choice([0, 0, 5, 60, 3600])
            ds = 1 if rng.random() < 0.8 else 2
            row[ds] += 1
            tp = names[min(int(rng.expovariate(0.7)), touchpoints - 1)]
            conv = tp == names[3] if rng.random() < 0.5 else None
            events.append(Ev(f"c{c:04d}", tp, t, ds, row[ds], conv, 10.0 if conv else None))
    return events


def test_dfg_matches_reference_on_generated_logs(store):
    """Generated log with groups well above 255 rows (the DuckDB 2.0 count-wrapping bug)."""
    rng = random.Random(11)
    events = random_log(rng, 700)
    ws = load(store, events)
    g = paths.dfg(store.cursor(), ws, Filters())
    edges, starts, ends, medians = dfg_reference(events)
    got = {(r.source, r.target): int(r.count) for r in g.edges.itertuples()}
    assert max(got.values()) > 255
    assert got == dict(edges)
    assert g.start == dict(starts) and g.end == dict(ends)
    for r in g.edges.itertuples():
        assert r.median_seconds == pytest.approx(medians[(r.source, r.target)])


@pytest.mark.skipif(not SAMPLES.exists(), reason="the shared samples folder is absent")
def test_pm4py_running_example_matches_its_published_dfg(store):
    """pm4py's own serialised DFG of its running example (running-example.dfg) is the answer."""
    from journeylens.services import ingest

    lines = (SAMPLES / "running-example.dfg").read_text().split("\n")
    n = int(lines[0])
    names = lines[1 : n + 1]
    rest = lines[n + 1 :]
    k = int(rest[0])
    start = {names[int(x.split("x")[0])]: int(x.split("x")[1]) for x in rest[1 : k + 1]}
    rest = rest[k + 1 :]
    k = int(rest[0])
    end = {names[int(x.split("x")[0])]: int(x.split("x")[1]) for x in rest[1 : k + 1]}
    expected = {}
    for line in rest[k + 1 :]:
        if line.strip():
            pair, count = line.split("x")
            a, b = pair.split(">")
            expected[(names[int(a)], names[int(b)])] = int(count)
    for name in ("running-example.xes", "running-example.csv"):
        other = store.ensure_workspace(LOCAL, name)
        prepared = ingest.prepare(SAMPLES / name, name, store=store)
        assert prepared.kind == "events"
        ingest.load(store, LOCAL, other, prepared, prepared.mapping, "events")
        g = paths.dfg(store.cursor(), other.workspace_id, Filters())
        assert {(r.source, r.target): int(r.count) for r in g.edges.itertuples()} == expected
        assert g.start == start and g.end == end


# --- flow ---------------------------------------------------------------------------------------


def path_of(evs: list[Ev], spec: FlowSpec) -> list[Ev]:
    """Reference path: the customer's events from their first event (or first start event),
    immediate repeats merged unless kept (the first event of each run stands for it)."""
    if spec.start is not None:
        idx = next((i for i, e in enumerate(evs) if e.touchpoint == spec.start), None)
        if idx is None:
            return []
        evs = evs[idx:]
    out: list[Ev] = []
    for e in evs:
        if spec.keep_repeats or not out or out[-1].touchpoint != e.touchpoint:
            out.append(e)
    return out[: spec.steps]


def flow_reference(events: list[Ev], spec: FlowSpec) -> Counter:
    """(converted, step, source, target) -> customers."""
    pairs: Counter = Counter()
    for evs in ordered(events).values():
        conv = any(bool(e.converted) if e.converted is not None else (e.value or 0) > 0
                   for e in evs)  # fmt: skip
        p = path_of(evs, spec)
        for s, e in enumerate(p, start=1):
            pairs[(conv, s, p[s - 2].touchpoint if s > 1 else None, e.touchpoint)] += 1
    return pairs


SPECS = [
    FlowSpec(),
    FlowSpec(steps=3, top=2),
    FlowSpec(keep_repeats=True, steps=4),
    FlowSpec(start="T2", steps=6, top=3),
    FlowSpec(start="T0", keep_repeats=True, steps=10, top=10),
]


@pytest.mark.parametrize(
    "spec", SPECS, ids=lambda s: f"{s.start}-{s.steps}-{s.top}-{s.keep_repeats}"
)
def test_flow_pairs_match_reference(store, spec):
    rng = random.Random(5)
    events = random_log(rng, 600)
    ws = load(store, events)
    pairs = paths._pairs(store.cursor(), ws, Filters(), spec)
    got = Counter({
        (bool(r.converted), int(r.step), r.source if isinstance(r.source, str) else None,
         r.target): int(r.customers)
        for r in pairs.itertuples()
    })  # fmt: skip
    want = flow_reference(events, spec)
    assert got == want
    assert max(got.values()) > 255


@pytest.mark.parametrize(
    "spec", SPECS, ids=lambda s: f"{s.start}-{s.steps}-{s.top}-{s.keep_repeats}"
)
def test_flow_nodes_add_up_and_links_leave_every_node(store, spec):
    rng = random.Random(8)
    events = random_log(rng, 400)
    ws = load(store, events)
    flow = paths.flow(store.cursor(), ws, Filters(), spec)
    reached = Counter(len(path_of(evs, spec)) for evs in ordered(events).values())
    for f in (flow, flow.groups["converted"], flow.groups["not_converted"]):
        n, lk = f.nodes, f.links
        for s in range(1, spec.steps + 1):
            step = n[n["step"] == s]
            named = step[~step["touchpoint"].isin([OTHER, LEFT])]
            assert len(named) <= spec.top
            assert step["touchpoint"].is_unique
            if s > 1:  # with (left), a step holds everyone who was at the previous one
                assert int(step["customers"].sum()) == f.present(s - 1)
            for tp, count in step[step["touchpoint"] != LEFT][["touchpoint", "customers"]].values:
                out = lk[(lk["step"] == s) & (lk["from"] == tp)]["customers"].sum()
                assert s == spec.steps or out == count  # every customer goes on or leaves
    # present(s) = customers whose reference path has at least s steps
    for s in range(1, spec.steps + 1):
        assert flow.present(s) == sum(v for k, v in reached.items() if k >= s)
    assert flow.present(1) == flow.groups["converted"].present(1) + flow.groups[
        "not_converted"
    ].present(1)


@pytest.mark.parametrize("keep", [False, True], ids=["collapsed", "repeats_kept"])
def test_flow_links_equal_two_step_strict_funnels(store, keep):
    """PostHog's rule: the link a -> b between steps s and s + 1 equals the two-step strict
    funnel a -> b (funnel.run, strict=True) over each customer's events from their step-s event
    to their step-(s + 1) event. Checked for every link of a generated log."""
    rng = random.Random(3)
    events = random_log(rng, 150, touchpoints=4)
    spec = FlowSpec(steps=4, top=10, keep_repeats=keep)
    ws = load(store, events)
    pairs = paths._pairs(store.cursor(), ws, Filters(), spec)
    by_cust = ordered(events)
    checked = 0
    for s in range(1, spec.steps):
        window: list[Ev] = []  # each customer's events from step s to step s + 1
        for evs in by_cust.values():
            p = path_of(evs, spec)
            if len(p) > s:
                i, j = evs.index(p[s - 1]), evs.index(p[s])
                window += evs[i : j + 1]
        links = pairs[pairs["step"] == s + 1].groupby(["source", "target"])["customers"].sum()
        wws = load(store, window, workspace=f"window{s}")
        for (a, b), n in links.items():
            got = funnel.run(store.cursor(), wws, Filters(), FunnelSpec((a, b), strict=True))
            assert int(got["count"].iloc[1]) == int(n), (s, a, b)
            checked += 1
    assert checked >= 10


def test_flow_json_shape(store):
    events = [Ev("c1", A, 0), Ev("c1", B, 10), Ev("c2", A, 0), Ev("c3", C, 0), Ev("c3", A, 9)]
    ws = load(store, events)
    flow = paths.flow(store.cursor(), ws, Filters(), FlowSpec(steps=2, top=1))
    data = flow.to_json()
    assert data["nodes"] == [
        {"step": 1, "touchpoint": A, "customers": 2},
        {"step": 1, "touchpoint": "(other)", "customers": 1},
        {"step": 2, "touchpoint": A, "customers": 1},
        {"step": 2, "touchpoint": "(other)", "customers": 1},
        {"step": 2, "touchpoint": "(left)", "customers": 1},
    ]
    assert data["links"] == [
        {"step": 1, "from": "(other)", "to": A, "customers": 1},
        {"step": 1, "from": A, "to": "(left)", "customers": 1},
        {"step": 1, "from": A, "to": "(other)", "customers": 1},
    ]


def test_flow_spec_rejects_bad_steps_and_top():
    for kwargs in ({"steps": 1}, {"steps": 11}, {"top": 0}, {"top": 11}):
        with pytest.raises(ValueError):
            FlowSpec(**kwargs)


# --- the write-time copies ----------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["one_upload", "unsorted", "two_uploads"], ids=lambda x: x)
def test_unfiltered_views_are_kept_at_write_time_and_match_the_rows(store, monkeypatch, layout):
    """The write-time copies read the events in stored order (one upload stored sorted) and fall
    back to the sorted queries when that order does not hold (rows stored unsorted, or a second
    upload whose customers interleave with the first's); either way they equal what the live
    queries compute."""
    from journeylens.services import summaries

    rng = random.Random(21)
    events = random_log(rng, 300)
    if layout == "two_uploads":
        events = [Ev(e.customer, e.touchpoint, e.at, 1 if i % 3 else 2, i, e.converted, e.value)
                  for i, e in enumerate(events)]  # fmt: skip
        ws = load(store, [e for e in events if e.dataset_id == 1])
        rows = sorted(
            (ws, 2, e.src_row, e.customer, e.touchpoint, T0 + timedelta(seconds=e.at), "p1",
             e.converted, e.value)
            for e in events if e.dataset_id == 2
        )  # fmt: skip
        with store.write(LOCAL) as cur:
            cur.executemany(
                "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, "
                "ts, persona, converted, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    else:
        ws = load(store, events, sort=layout == "one_upload")
    names: list[str] = []
    real = sql.run
    monkeypatch.setattr(sql, "run", lambda c, name, **p: names.append(name) or real(c, name, **p))
    with store.write(LOCAL) as cur:
        summaries.refresh(cur, ws, events_changed=True, responses_changed=False)
        sql.execute(cur, "workspace_bump", workspace_id=ws)
    assert "paths_dfg_unfiltered" in names
    assert ("paths_dfg" in names) == (layout != "one_upload")  # the fallback
    cur = store.cursor()
    names.clear()
    stored_dfg = paths.dfg(cur, ws, Filters())
    stored_flow = paths.flow(cur, ws, Filters(), FlowSpec(steps=7, top=3))
    assert "paths_dfg_stored" in names and "paths_flow_stored" in names
    assert "paths_dfg" not in names and "paths_flow" not in names
    with store.write(LOCAL) as w:  # a write that does not refresh: the copies are stale
        sql.execute(w, "workspace_bump", workspace_id=ws)
    names.clear()
    live_dfg = paths.dfg(cur, ws, Filters())
    live_flow = paths.flow(cur, ws, Filters(), FlowSpec(steps=7, top=3))
    assert "paths_dfg" in names and "paths_flow" in names
    assert live_dfg.to_json() == stored_dfg.to_json()
    assert live_flow.to_json() == stored_flow.to_json()
    edges, starts, ends, _ = dfg_reference(events)
    assert {(r.source, r.target): r.count for r in stored_dfg.edges.itertuples()} == dict(edges)
    names.clear()  # any other view computes
    paths.flow(cur, ws, Filters(), FlowSpec(keep_repeats=True))
    assert "paths_flow" in names


def test_the_stored_order_queries_report_rows_out_of_order(store):
    events = random_log(random.Random(4), 200)
    ws = load(store, events, sort=False)
    assert int(sql.run(store.cursor(), "paths_dfg_unfiltered", workspace_id=ws)["bad"].sum()) > 0
    flow = sql.run(store.cursor(), "paths_flow_unfiltered", workspace_id=ws, steps=5)
    assert (flow["step"] == -1).any()
    ws = load(store, events, workspace="sorted")
    assert int(sql.run(store.cursor(), "paths_dfg_unfiltered", workspace_id=ws)["bad"].sum()) == 0


def with_plans(store: Store, events: list[Ev], rng: random.Random) -> tuple[int, list[Ev]]:
    """The log with a column of the user's file (`Gói` in events.extra) on about two rows in
    three; returns the workspace and the rows whose plan is "Vàng"."""
    plans = [rng.choice(["Vàng", "Bạc", None]) for _ in events]
    ws = load(store, events)
    with store.write(LOCAL) as cur:
        cur.executemany(
            "UPDATE events SET extra = MAP {'Gói': ?} WHERE workspace_id = ? AND dataset_id = ?"
            " AND src_row = ?",
            [[p, ws, e.dataset_id, e.src_row] for e, p in zip(events, plans, strict=True) if p],
        )
    return ws, [e for e, p in zip(events, plans, strict=True) if p == "Vàng"]


GOLD = file_column_filters("Gói", "Vàng")


@pytest.mark.parametrize("how", list(GOLD))
def test_dfg_and_flow_follow_the_extra_column_filter(store, how):
    """A filter on a column of the user's file keeps only its rows, as the persona filter does:
    the graph and the flow equal the brute-force ones over those rows alone."""
    rng = random.Random(23)
    events = random_log(rng, 900)
    ws, gold = with_plans(store, events, rng)
    g = paths.dfg(store.cursor(), ws, GOLD[how])
    edges, starts, ends, _ = dfg_reference(gold)
    assert {(r.source, r.target): int(r.count) for r in g.edges.itertuples()} == dict(edges)
    assert g.start == dict(starts) and g.end == dict(ends)
    spec = FlowSpec(keep_repeats=True, steps=4)
    pairs = paths._pairs(store.cursor(), ws, GOLD[how], spec)
    got = Counter({
        (bool(r.converted), int(r.step), r.source if isinstance(r.source, str) else None,
         r.target): int(r.customers)
        for r in pairs.itertuples()
    })  # fmt: skip
    assert got == flow_reference(gold, spec)
    assert max(got.values()) > 255
