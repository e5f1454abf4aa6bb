"""The funnel (journeylens/services/funnel/, queries/funnel_*.sql) on hand-computed tiny event tables.

Times in the tables are offsets from T0 in seconds; H and D are an hour and a day. Every case
runs on a real Store; a seeded random loop checks run() against a brute-force Python reference.
"""

from __future__ import annotations

import os
import random
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from journeylens.domain.filters import Filters, extra_by, rule_key
from journeylens.domain.permissions import LOCAL
from journeylens.services import datasets, funnel, personas, workspaces
from journeylens.services.funnel import Exclusion, FunnelError, FunnelSpec
from journeylens.services.funnel import events as funnel_events
from journeylens.services.funnel import steps as funnel_steps
from journeylens.storage import sql
from journeylens.storage.store import Store
from tests.conftest import file_column_filters

T0 = datetime(2024, 3, 1, 9, 0, 0)
H, D = 3600, 86400
W14 = 14 * D


@dataclass(frozen=True)
class Ev:
    customer: str
    touchpoint: str
    at: int  # seconds after T0
    persona: str | None = "p1"
    segment: str | None = "s1"
    channel: str | None = "web"
    dataset_id: int = 1
    src_row: int | None = None  # None: the row's position in the list


@pytest.fixture
def mem():
    s = Store(":memory:")
    yield s
    s.close()


def load(store: Store, events: list[Ev], workspace: str = "w") -> int:
    ws = store.ensure_workspace(LOCAL, workspace).workspace_id
    rows = [
        (
            ws,
            e.dataset_id,
            e.src_row if e.src_row is not None else i,
            e.customer,
            e.touchpoint,
            T0 + timedelta(seconds=e.at),
            e.channel,
            e.persona,
            e.segment,
        )
        for i, e in enumerate(events)
    ]
    with store.write(LOCAL) as cur:
        cur.execute("DELETE FROM events WHERE workspace_id = ?", [ws])
        if rows:
            cur.executemany(
                "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, "
                "ts, channel, persona, segment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    return ws


def run(store: Store, events: list[Ev], spec: FunnelSpec, filters: Filters | None = None):
    ws = load(store, events)
    return funnel.run(store.cursor(), ws, filters or Filters(), spec)


def counts(df) -> list[int]:
    return [int(c) for c in df["count"]]


# --- semantics, one rule per case ---------------------------------------------------------------

A, B, C, X = "A", "B", "C", "X"

CASES = [
    # id, events, steps, options, expected counts
    ("window_boundary_inclusive", [Ev("c", A, 0), Ev("c", B, W14)], (A, B), {}, [1, 1]),
    ("window_plus_one_second", [Ev("c", A, 0), Ev("c", B, W14 + 1)], (A, B), {}, [1, 0]),
    ("window_1h_inclusive", [Ev("c", A, 0), Ev("c", B, H)], (A, B), {"window": H}, [1, 1]),
    ("window_1h_exceeded", [Ev("c", A, 0), Ev("c", B, H + 1)], (A, B), {"window": H}, [1, 0]),
    (
        "window_from_step_1_not_previous",
        [Ev("c", A, 0), Ev("c", B, 10 * D), Ev("c", C, 15 * D)],
        (A, B, C),
        {},
        [1, 1, 0],
    ),
    (
        "event_before_first_step_ignored",
        [Ev("c", B, 0), Ev("c", A, H), Ev("c", C, 2 * H)],
        (A, B, C),
        {},
        [1, 0, 0],
    ),
    ("no_step1_no_customer", [Ev("c", B, 0), Ev("c", C, H)], (A, B), {}, [0, 0]),
    ("one_event_per_step_single_A", [Ev("c", A, 0), Ev("c", B, H)], (A, B, A), {}, [1, 1, 0]),
    (
        "one_event_per_step_second_A",
        [Ev("c", A, 0), Ev("c", B, H), Ev("c", A, 2 * H)],
        (A, B, A),
        {},
        [1, 1, 1],
    ),
    (
        "second_A_before_B_does_not_count",
        [Ev("c", A, 0), Ev("c", A, H), Ev("c", B, 2 * H)],
        (A, B, A),
        {},
        [1, 1, 0],
    ),
    ("repeated_step_AA_needs_two", [Ev("c", A, 0)], (A, A), {}, [1, 0]),
    ("repeated_step_AA_two_events", [Ev("c", A, 0), Ev("c", A, 0)], (A, A), {}, [1, 1]),
    (
        "identical_timestamps_convert",
        [Ev("c", A, 0), Ev("c", B, 0), Ev("c", C, 0)],
        (A, B, C),
        {},
        [1, 1, 1],
    ),
    (
        "identical_timestamps_in_reverse_file_order",
        [Ev("c", C, 0), Ev("c", B, 0), Ev("c", A, 0)],
        (A, B, C),
        {},
        [1, 1, 1],
    ),
    (
        "identical_timestamps_ABA_one_A",
        [Ev("c", B, 0), Ev("c", A, 0)],
        (A, B, A),
        {},
        [1, 1, 0],
    ),
    (
        "identical_timestamps_ABA_two_As",
        [Ev("c", A, 0), Ev("c", B, 0), Ev("c", A, 0)],
        (A, B, A),
        {},
        [1, 1, 1],
    ),
    (
        "repeated_attempts_count_once",
        [Ev("c", A, 0), Ev("c", A, H), Ev("c", A, 2 * H), Ev("c", B, 3 * H), Ev("c", B, 4 * H)],
        (A, B),
        {},
        [1, 1],
    ),
    (
        "late_start_completes_early_does_not",
        [Ev("c", A, 0), Ev("c", A, 20 * D), Ev("c", B, 21 * D), Ev("c", C, 22 * D)],
        (A, B, C),
        {},
        [1, 1, 1],
    ),
    (
        "early_start_deeper_than_late",
        [Ev("c", A, 0), Ev("c", B, D), Ev("c", A, 2 * D), Ev("c", C, 3 * D)],
        (A, B, C),
        {},
        [1, 1, 1],
    ),
    ("strict_adjacent", [Ev("c", A, 0), Ev("c", B, H)], (A, B), {"strict": True}, [1, 1]),
    (
        "strict_interleaved_event_breaks",
        [Ev("c", A, 0), Ev("c", X, H), Ev("c", B, 2 * H)],
        (A, B),
        {"strict": True},
        [1, 0],
    ),
    (
        "not_strict_interleaved_event_ok",
        [Ev("c", A, 0), Ev("c", X, H), Ev("c", B, 2 * H)],
        (A, B),
        {},
        [1, 1],
    ),
    (
        "strict_later_start_adjacent",
        [Ev("c", A, 0), Ev("c", X, H), Ev("c", A, 2 * H), Ev("c", B, 3 * H)],
        (A, B),
        {"strict": True},
        [1, 1],
    ),
    (
        "strict_same_timestamp_tiebreak_order",
        [Ev("c", A, 0), Ev("c", B, 0)],
        (A, B),
        {"strict": True},
        [1, 1],
    ),
    (
        "strict_same_timestamp_against_tiebreak",
        [Ev("c", B, 0), Ev("c", A, 0)],
        (A, B),
        {"strict": True},
        [1, 0],
    ),
    (
        "strict_window",
        [Ev("c", A, 0), Ev("c", B, W14 + 1)],
        (A, B),
        {"strict": True},
        [1, 0],
    ),
    (
        "exclusion_between_excludes_customer",
        [Ev("c", A, 0), Ev("c", X, H), Ev("c", B, 2 * H)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [0, 0],
    ),
    (
        "exclusion_after_step_j_keeps",
        [Ev("c", A, 0), Ev("c", B, H), Ev("c", X, 2 * H)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [1, 1],
    ),
    (
        "exclusion_before_step_i_keeps",
        [Ev("c", X, 0), Ev("c", A, H), Ev("c", B, 2 * H)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [1, 1],
    ),
    (
        "exclusion_at_step_timestamp_is_not_between",
        [Ev("c", A, 0), Ev("c", X, 0), Ev("c", B, H), Ev("c", X, H)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [1, 1],
    ),
    (
        "exclusion_step_j_not_reached_keeps",
        [Ev("c", A, 0), Ev("c", X, H), Ev("c", B, 2 * H)],
        (A, B, C),
        {"exclusions": (Exclusion(X, 2, 3),)},
        [1, 1, 0],
    ),
    (
        "exclusion_between_later_steps",
        [Ev("c", A, 0), Ev("c", B, H), Ev("c", X, 2 * H), Ev("c", C, 3 * H)],
        (A, B, C),
        {"exclusions": (Exclusion(X, 2, 3),)},
        [0, 0, 0],
    ),
    (
        "exclusion_spans_several_steps",
        [Ev("c", A, 0), Ev("c", X, H), Ev("c", B, 2 * H), Ev("c", C, 3 * H)],
        (A, B, C),
        {"exclusions": (Exclusion(X, 1, 3),)},
        [0, 0, 0],
    ),
    # exclusions per attempt (PostHog's rule): a spoiled attempt does not count, a clean one does
    (
        "exclusion_without_step_j_removes_the_customer",
        [Ev("c", A, 0), Ev("c", X, 1)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [0, 0],
    ),
    (
        "exclusion_clean_second_attempt_counts",
        [Ev("c", A, 0), Ev("c", X, 1), Ev("c", B, 2), Ev("c", A, H), Ev("c", B, H + 1)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [1, 1],
    ),
    (
        "exclusion_after_the_window_keeps",
        [Ev("c", A, 0), Ev("c", X, W14 + 1)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [1, 0],
    ),
    (
        "exclusion_at_the_window_end_spoils",
        [Ev("c", A, 0), Ev("c", X, W14)],
        (A, B),
        {"exclusions": (Exclusion(X, 1, 2),)},
        [0, 0],
    ),
    (
        "exclusion_spoils_the_deep_attempt_a_shallow_one_counts",
        [Ev("c", A, 0), Ev("c", B, H), Ev("c", X, 2 * H), Ev("c", C, 3 * H), Ev("c", A, 20 * D)],
        (A, B, C),
        {"exclusions": (Exclusion(X, 2, 3),)},
        [1, 0, 0],
    ),
    (
        "cumulative_counts",
        [
            Ev("c1", A, 0),
            Ev("c1", B, H),
            Ev("c1", C, 2 * H),
            Ev("c2", A, 0),
            Ev("c2", B, H),
            Ev("c3", A, 0),
            Ev("c3", C, H),
        ],
        (A, B, C),
        {},
        [3, 2, 1],
    ),
]


@pytest.mark.parametrize(
    ("events", "steps", "options", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_counts(mem, events, steps, options, expected):
    spec = FunnelSpec(
        steps,
        window_seconds=options.get("window", W14),
        strict=options.get("strict", False),
        exclusions=options.get("exclusions", ()),
    )
    df = run(mem, events, spec)
    assert list(df["step"]) == list(range(1, len(steps) + 1))
    assert list(df["touchpoint"]) == list(steps)
    assert counts(df) == expected


def test_cumulative_counts_dropoff_and_conversions(mem):
    events = [Ev(f"c{i}", A, 0) for i in range(4)]
    events += [Ev(f"c{i}", B, H) for i in range(3)]
    events += [Ev("c0", C, 2 * H)]
    df = run(mem, events, FunnelSpec((A, B, C)))
    assert counts(df) == [4, 3, 1]
    assert list(df["dropoff"]) == [0, 1, 2]
    assert list(df["conversion_from_first"]) == [1.0, 0.75, 0.25]
    assert list(df["conversion_from_previous"]) == [1.0, 0.75, pytest.approx(1 / 3)]


def test_empty_funnel_has_no_conversions(mem):
    df = run(mem, [Ev("c", B, 0)], FunnelSpec((A, B)))
    assert counts(df) == [0, 0]
    assert list(df["conversion_from_first"]) == [None, None]
    assert list(df["median_seconds_from_previous"]) == [None, None]


@pytest.mark.parametrize(
    ("gaps_ab", "gaps_bc", "median_ab", "mean_ab", "median_bc", "mean_bc"),
    [
        ([H, 2 * H, 6 * H], [H, 3 * H], 2 * H, 3 * H, 2 * H, 2 * H),
        ([0, 0], [], 0.0, 0.0, None, None),
        ([30, 90, 90, 10 * D], [D], 90.0, (30 + 90 + 90 + 10 * D) / 4, D, D),
    ],
)
def test_time_between_steps(mem, gaps_ab, gaps_bc, median_ab, mean_ab, median_bc, mean_bc):
    events = []
    for i, gap in enumerate(gaps_ab):
        events += [Ev(f"c{i}", A, 100), Ev(f"c{i}", B, 100 + gap)]
        if i < len(gaps_bc):
            events.append(Ev(f"c{i}", C, 100 + gap + gaps_bc[i]))
    df = run(mem, events, FunnelSpec((A, B, C)))
    assert df["median_seconds_from_previous"][0] is None
    assert df["mean_seconds_from_previous"][0] is None
    assert df["median_seconds_from_previous"][1] == pytest.approx(median_ab)
    assert df["mean_seconds_from_previous"][1] == pytest.approx(mean_ab)
    assert df["median_seconds_from_previous"][2] == pytest.approx(median_bc)
    assert df["mean_seconds_from_previous"][2] == pytest.approx(mean_bc)


@pytest.mark.parametrize(
    ("events", "steps", "gaps"),
    [
        pytest.param(
            [Ev("c", A, 0), Ev("c", A, 20 * D), Ev("c", B, 21 * D), Ev("c", C, 23 * D)],
            (A, B, C),
            [D, 2 * D],
            id="late_start_that_completes_is_measured",
        ),
        pytest.param(
            [Ev("c", A, 0), Ev("c", A, H), Ev("c", B, 3 * H)],
            (A, B),
            [2 * H],
            id="equally_deep_latest_start",
        ),
        pytest.param(
            [Ev("c", A, 0), Ev("c", A, 600), Ev("c", B, 1800)],
            (A, B),
            [1200],
            id="time_to_convert_from_the_latest_start_20_minutes",
        ),
        pytest.param(
            [Ev("c", A, 0), Ev("c", X, 1), Ev("c", B, 2), Ev("c", A, H), Ev("c", B, H + 1)],
            (A, B),
            [1],
            id="the_clean_attempt_is_measured",
        ),
        pytest.param(
            [Ev("c", A, 0), Ev("c", B, H), Ev("c", B, 2 * H), Ev("c", A, 5 * H)],
            (A, B, A),
            [H, 4 * H],
            id="first_B_then_the_A_after_it",
        ),
    ],
)
def test_chosen_chain_times(mem, events, steps, gaps):
    exclusions = (Exclusion(X, 1, 2),) if any(e.touchpoint == X for e in events) else ()
    df = run(mem, events, FunnelSpec(steps, exclusions=exclusions))
    assert counts(df) == [1] * len(steps)
    assert list(df["median_seconds_from_previous"][1:]) == [float(g) for g in gaps]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), [4, 2]),
        (Filters(personas=("p1",)), [3, 1]),
        (Filters(personas=("p2",)), [1, 1]),
        (Filters(personas=("p1", "p2")), [4, 2]),
        (Filters(segments=("s2",)), [1, 0]),
        (Filters(channels=("app",)), [1, 0]),
        (Filters(date_from=date(2024, 3, 2)), [1, 0]),
        (Filters(date_to=date(2024, 3, 1)), [3, 1]),
    ],
)
def test_filters_restrict_events(mem, filters, expected):
    events = [
        Ev("c1", A, 0, persona="p1"),
        Ev("c1", B, H, persona="p1"),
        Ev("c2", A, 0, persona="p1", segment="s2"),
        Ev("c3", A, 0, persona="p2"),
        Ev("c3", B, 2 * D, persona="p2"),
        Ev("c4", A, 2 * D, persona="p1", channel="app"),
    ]
    assert counts(run(mem, events, FunnelSpec((A, B)), filters)) == expected


@pytest.mark.parametrize("by", ["persona", extra_by("Vùng")])
def test_breakdown_uses_the_first_step_value(mem, by):
    """The same chains split by a column of the user's file (extra_by): the step-1 event's value."""
    events = [
        # c1 starts as p1 and finishes as p2: counted under p1
        Ev("c1", A, 0, persona="p1"),
        Ev("c1", B, H, persona="p2"),
        Ev("c2", A, 0, persona="p2"),
        Ev("c3", A, 0, persona="p2"),
        Ev("c3", B, H, persona="p2"),
        Ev("c4", A, 0, persona=None),
        # c5's earlier A (p3) does not complete within the window; the chain starts at the p1 A
        Ev("c5", A, 0, persona="p3"),
        Ev("c5", A, 30 * D, persona="p1"),
        Ev("c5", B, 31 * D, persona="p3"),
    ]
    ws = load(mem, events)
    if by != "persona":  # the values move to the extra column; persona no longer splits them
        mem.cursor().execute(
            "UPDATE events SET extra = CASE WHEN persona IS NOT NULL THEN MAP {'Vùng': persona} END,"
            " persona = 'x'"
        )
    df = funnel.run_breakdown(mem.cursor(), ws, Filters(), FunnelSpec((A, B)), by)
    got = {(g, s): c for g, s, c in zip(df["group"], df["step"], df["count"], strict=True)}
    assert got == {
        ("p1", 1): 2,
        ("p1", 2): 2,
        ("p2", 1): 2,
        ("p2", 2): 1,
        ("(not set)", 1): 1,
        ("(not set)", 2): 0,
    }
    assert list(df["group"].drop_duplicates()) == ["p1", "p2", "(not set)"]
    p2 = df[df["group"] == "p2"]
    assert list(p2["conversion_from_first"]) == [1.0, 0.5]
    assert not df["is_other"].any()


def define_personas(store: Store, ws: int, rules: list[tuple[str, str, str]]) -> None:
    """The workspace's personas, as the Personas page saves them: (name, rule column, value)."""
    table = pd.DataFrame(
        [(name, None, None, None, column, value) for name, column, value in rules],
        columns=list(personas.COLUMNS),
    )
    personas.save(store, LOCAL, store.workspace_by_id(ws), table)


def test_breakdown_by_defined_personas_reads_each_persona_s_own_events(mem):
    """By persona, when the workspace defines its personas: each persona's funnel is over the
    events its rule matches (a customer can be in two), the rest under "(not set)"."""
    events = [
        # c1: its A is on the web (Online), its B is p2's (Second): a step-1 chain for Online only
        Ev("c1", A, 0, persona="p1", channel="web"),
        Ev("c1", B, H, persona="p2", channel="app"),
        # c2: both events are Online and Second
        Ev("c2", A, 0, persona="p2", channel="web"),
        Ev("c2", B, H, persona="p2", channel="web"),
        # c3: neither persona's
        Ev("c3", A, 0, persona="p1", channel="app"),
        Ev("c3", B, H, persona="p1", channel="app"),
    ]
    ws = load(mem, events)
    define_personas(mem, ws, [("Online", "channel", "web"), ("Second", "persona", "p2")])
    df = funnel.run_breakdown(mem.cursor(), ws, Filters(), FunnelSpec((A, B)), "persona")
    got = {(g, s): c for g, s, c in zip(df["group"], df["step"], df["count"], strict=True)}
    assert got == {
        ("Online", 1): 2,
        ("Online", 2): 1,
        ("Second", 1): 1,
        ("Second", 2): 1,
        ("(not set)", 1): 1,
        ("(not set)", 2): 1,
    }
    # chosen in the sidebar, a persona is the only group
    only = Filters(personas=("Second",), persona_rules=("persona:p2",))
    df = funnel.run_breakdown(mem.cursor(), ws, only, FunnelSpec((A, B)), "persona")
    assert list(zip(df["group"], df["count"], strict=True)) == [("Second", 1), ("Second", 1)]


def test_breakdown_by_defined_personas_equals_each_persona_s_filter(mem):
    """At size (groups over 255), with overlapping rules on the persona, the channel and a column
    of the user's file: each group equals the funnel filtered by that persona and the brute force
    over its events."""
    rng = random.Random(1602)
    events = [
        Ev(
            f"c{c}",
            rng.choice("ABC"),
            rng.randint(0, 8) * H,
            persona=rng.choice(["p1", "p2", None]),
            channel=rng.choice(["web", "app"]),
        )
        for c in range(1500)
        for _ in range(rng.randint(1, 6))
    ]
    plans = [rng.choice(["Vàng", "Bạc", None]) for _ in events]
    ws = load(mem, events)
    with mem.write(LOCAL) as cur:
        cur.executemany(
            "UPDATE events SET extra = MAP {'Gói': ?} WHERE workspace_id = ? AND src_row = ?",
            [[p, ws, i] for i, p in enumerate(plans) if p],
        )
    rules = [
        ("First", "persona", "p1", lambda e, p: e.persona == "p1"),
        ("Web", "channel", "web", lambda e, p: e.channel == "web"),
        ("Gold", extra_by("Gói"), "Vàng", lambda e, p: p == "Vàng"),
    ]
    define_personas(mem, ws, [r[:3] for r in rules])
    spec = FunnelSpec((A, B, C), window_seconds=4 * H)
    df = funnel.run_breakdown(mem.cursor(), ws, Filters(), spec, "persona")
    for name, column, value, hit in rules:
        group = df[df["group"] == name].reset_index(drop=True)
        alone = Filters(personas=(name,), persona_rules=(rule_key(column, value),))
        filtered = funnel.run(mem.cursor(), ws, alone, spec)
        assert counts(group) == counts(filtered), name
        mine = [e for e, p in zip(events, plans, strict=True) if hit(e, p)]
        expected = assert_matches_reference(group, mine, spec, name)
        assert expected[0] > 255, name
    none = [e for e, p in zip(events, plans, strict=True) if not any(r[3](e, p) for r in rules)]
    assert_matches_reference(df[df["group"] == "(not set)"].reset_index(drop=True), none, spec, "-")


def test_breakdown_merges_small_groups_into_other(mem):
    events = []
    for g, n in [("a", 5), ("b", 4), ("c", 3), ("d", 2), ("e", 1)]:
        for i in range(n):
            events += [Ev(f"{g}{i}", A, 0, segment=g), Ev(f"{g}{i}", B, H, segment=g)]
    events.append(Ev("e0b", A, 0, segment="e"))
    ws = load(mem, events)
    df = funnel.run_breakdown(
        mem.cursor(), ws, Filters(), FunnelSpec((A, B)), "segment", max_groups=3, lang="ro"
    )
    step1 = df[df["step"] == 1]
    assert list(step1["group"]) == ["a", "b", "Altele"]
    assert list(step1["count"]) == [5, 4, 3 + 2 + 2]
    assert list(step1["is_other"]) == [False, False, True]
    assert list(df[df["is_other"]]["count"]) == [7, 6]


def test_breakdown_rejects_unknown_dimension(mem):
    ws = load(mem, [Ev("c", A, 0)])
    with pytest.raises(FunnelError, match="persona, segment or channel"):
        funnel.run_breakdown(mem.cursor(), ws, Filters(), FunnelSpec((A, B)), "touchpoint")


def add_responses(store: Store, ws: int, rows: list[tuple[str, int, str | None]]) -> None:
    with store.write(LOCAL) as cur:
        cur.executemany(
            "INSERT INTO responses (workspace_id, dataset_id, src_row, customer_id, submitted_at, "
            "comment) VALUES (?, 9, ?, ?, ?, ?)",
            [
                (ws, i, cust, T0 + timedelta(seconds=at), text)
                for i, (cust, at, text) in enumerate(rows)
            ],
        )


def test_dropped_lists_customers_with_last_touchpoint_and_comments(mem):
    events = [
        Ev("done", A, 0),
        Ev("done", B, H),
        Ev("done", C, 2 * H),
        Ev("lost1", A, 0),
        Ev("lost1", B, H),
        Ev("lost1", X, 3 * H),
        Ev("lost1", X, 20 * D),  # outside the window: not their last touchpoint in the funnel
        Ev("lost2", A, 0),
        Ev("lost2", B, 5 * H),
        Ev("early", A, 0),  # dropped at step 2, not step 3
    ]
    ws = load(mem, events)
    add_responses(
        mem,
        ws,
        [
            ("lost1", 4 * H, "Form was too long"),
            ("lost1", 5 * H, "  "),
            ("lost1", 6 * H, "Gave up"),
            ("lost2", 6 * H, None),
            ("done", 6 * H, "Great"),
        ],
    )
    spec = FunnelSpec((A, B, C))
    df = funnel.dropped(mem.cursor(), ws, Filters(), spec, step=3)
    assert df.attrs["total"] == 2
    assert list(df["customer_id"]) == ["lost2", "lost1"]  # most recent step-2 first
    lost1 = df.set_index("customer_id").loc["lost1"]
    assert lost1["last_touchpoint"] == X
    assert lost1["last_ts"] == T0 + timedelta(hours=3)
    assert lost1["comments"] == "Form was too long | Gave up"
    assert lost1["latest_comment"] == "Gave up"
    assert lost1["n_comments"] == 2
    lost2 = df.set_index("customer_id").loc["lost2"]
    assert lost2["last_touchpoint"] == B
    assert lost2["n_comments"] == 0
    assert lost2["comments"] is None and lost2["latest_comment"] is None

    step2 = funnel.dropped(mem.cursor(), ws, Filters(), spec, step=2)
    assert list(step2["customer_id"]) == ["early"] and step2.attrs["total"] == 1
    limited = funnel.dropped(mem.cursor(), ws, Filters(), spec, step=3, limit=1)
    assert len(limited) == 1 and limited.attrs["total"] == 2
    assert funnel.dropped(mem.cursor(), ws, Filters(), spec, step=3, limit=0).attrs["total"] == 2
    with pytest.raises(FunnelError, match="steps 2 to 3"):
        funnel.dropped(mem.cursor(), ws, Filters(), spec, step=1)


def test_default_steps_follow_the_journey(mem):
    ws = mem.ensure_workspace(LOCAL, "w").workspace_id
    with mem.write(LOCAL) as cur:
        cur.executemany(
            "INSERT INTO touchpoints (workspace_id, touchpoint, stage, stage_order, step_order) "
            "VALUES (?, ?, ?, ?, ?)",
            [(ws, f"t{i}", f"s{i // 4}", 5 - i // 4, i % 4) for i in range(12)],
        )
    steps = funnel.default_steps(mem.cursor(), ws)
    assert steps == ["t8", "t9", "t10", "t11", "t4", "t5", "t6", "t7", "t0", "t1"]
    assert funnel.default_steps(mem.cursor(), ws + 1) == []


def test_to_json_records(mem):
    events = [Ev("c1", A, 0), Ev("c1", B, 100), Ev("c2", A, 0), Ev("c3", A, 0)]
    records = funnel.to_json_records(run(mem, events, FunnelSpec((A, B))))
    assert records == [
        {
            "step": 1,
            "touchpoint": "A",
            "count": 3,
            "conversion_from_first": 1.0,
            "conversion_from_previous": 1.0,
            "median_seconds_from_previous": None,
            "mean_seconds_from_previous": None,
        },
        {
            "step": 2,
            "touchpoint": "B",
            "count": 1,
            "conversion_from_first": 0.3333,
            "conversion_from_previous": 0.3333,
            "median_seconds_from_previous": 100.0,
            "mean_seconds_from_previous": 100.0,
        },
    ]


def test_results_do_not_wobble(mem):
    events = [Ev("c", A, 0, persona="p1"), Ev("c", A, 0, persona="p2"), Ev("c", B, 0)]
    events += [Ev(f"d{i}", A, i, persona=f"p{i % 3}", src_row=100 - i) for i in range(30)]
    ws = load(mem, events)
    spec = FunnelSpec((A, B))
    first = funnel.run_breakdown(mem.cursor(), ws, Filters(), spec, "persona")
    for _ in range(5):
        again = funnel.run_breakdown(mem.cursor(), ws, Filters(), spec, "persona")
        assert again.equals(first)
    # c's two A events share a timestamp: the start is the last in file order (persona p2)
    assert ("p2", 2) in {(g, s) for g, s, c in first[["group", "step", "count"]].values if c}


# --- parsing and validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30),
        ("15m", 900),
        ("2h", 7200),
        ("14d", W14),
        ("2w", W14),
        ("14", W14),
        (" 3 D ", 3 * D),
        ("1H", H),
        (7, 7 * D),
    ],
)
def test_parse_window(text, seconds):
    assert funnel.parse_window(text) == seconds


@pytest.mark.parametrize("text", ["", "0d", "-1d", "1.5d", "14 days", "d", "2y", "9999w", "1h30m"])
def test_parse_window_rejects(text):
    with pytest.raises(ValueError, match="conversion window"):
        funnel.parse_window(text)


@pytest.mark.parametrize(
    ("seconds", "text"), [(W14, "14d"), (H, "1h"), (5400, "90m"), (45, "45s"), (D + 1, "86401s")]
)
def test_format_window_round_trips(seconds, text):
    assert funnel.format_window(seconds) == text
    assert funnel.parse_window(text) == seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("X:1:2", Exclusion("X", 1, 2)),
        ("Call centre: 2 :3", Exclusion("Call centre", 2, 3)),
        ("a:b:1:2", Exclusion("a:b", 1, 2)),
        ("X:1", None),
        (":1:2", None),
        ("X:one:2", None),
    ],
)
def test_parse_exclusion(text, expected):
    if expected is None:
        with pytest.raises(FunnelError, match="TOUCHPOINT:FROM_STEP:TO_STEP"):
            funnel.parse_exclusion(text)
    else:
        assert funnel.parse_exclusion(text) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"steps": (A,)}, "2 to 10 steps"),
        ({"steps": tuple("ABCDEFGHIJK")}, "2 to 10 steps"),
        ({"steps": (A, " ")}, "Step 2 has no touchpoint"),
        ({"steps": (A, B), "window_seconds": 0}, "conversion window"),
        ({"steps": (A, B), "exclusions": (Exclusion(X, 2, 1),)}, "earlier to a later"),
        ({"steps": (A, B), "exclusions": (Exclusion(X, 1, 3),)}, "earlier to a later"),
        ({"steps": (A, B), "exclusions": (Exclusion(X, 0, 2),)}, "earlier to a later"),
        ({"steps": (A, B, C), "exclusions": (Exclusion(B, 1, 3),)}, "itself a step"),
    ],
)
def test_spec_validation(kwargs, message):
    with pytest.raises(FunnelError, match=message):
        FunnelSpec(**kwargs)


def test_spec_accepts_lists_and_valid_exclusions():
    spec = FunnelSpec([A, B, C], exclusions=[Exclusion(A, 2, 3)])
    assert spec.steps == (A, B, C) and spec.exclusions == (Exclusion(A, 2, 3),)


def test_errors_translate():
    with pytest.raises(FunnelError) as info:
        funnel.parse_window("soon")
    assert "soon" in info.value.text("vi") and info.value.text("vi") != str(info.value)


# --- cross-check against a brute-force reference -----------------------------------------------


def chains_from(evs, si: int, steps: tuple[str, ...], deadline: int) -> list[list[int]]:
    """Every chain (as timestamps) of distinct events in step order from the start evs[si]."""
    found: list[list[int]] = []

    def extend(chain: list[int], used: set[int]) -> None:
        found.append(chain)
        k = len(chain)
        if k == len(steps):
            return
        for j, e in enumerate(evs):
            if j not in used and e[3] == steps[k] and chain[-1] <= e[0] <= deadline:
                extend([*chain, e[0]], used | {j})

    extend([evs[si][0]], {si})
    return found


def best_chains(events: list[Ev], spec: FunnelSpec) -> dict[str, list[int]]:
    """Brute force over every assignment of distinct events to steps, straight from the rules:
    each customer in the funnel -> the timestamps (seconds after T0) of their counted chain."""
    n, window = len(spec.steps), spec.window_seconds
    by_customer: dict[str, list[tuple[int, int, int, str]]] = {}
    for i, e in enumerate(events):
        row = e.src_row if e.src_row is not None else i
        by_customer.setdefault(e.customer, []).append((e.at, e.dataset_id, row, e.touchpoint))
    out: dict[str, list[int]] = {}
    for customer, evs in by_customer.items():
        evs.sort()
        best: list[int] | None = None  # the deepest unspoiled attempt, the latest among equals
        for si, start in enumerate(evs):
            if start[3] != spec.steps[0]:
                continue
            deadline = start[0] + window
            if spec.strict:
                chain = [start[0]]
                for k in range(1, n):
                    j = si + k
                    if j < len(evs) and evs[j][3] == spec.steps[k] and evs[j][0] <= deadline:
                        chain.append(evs[j][0])
                    else:
                        break
            else:
                found = chains_from(evs, si, spec.steps, deadline)
                chain = min(found, key=lambda c: (-len(c), c))
            spoiled = any(
                len(chain) >= ex.from_step
                and any(
                    e[3] == ex.touchpoint
                    and chain[ex.from_step - 1] < e[0]
                    and (
                        e[0] < chain[ex.to_step - 1]
                        if len(chain) >= ex.to_step
                        else e[0] <= deadline
                    )
                    for e in evs
                )
                for ex in spec.exclusions
            )
            if not spoiled and (best is None or len(chain) >= len(best)):
                best = chain  # evs are in (ts, file) order: a later start wins a tie
        if best is not None:  # else no step-1 event, or every attempt spoiled: not in the funnel
            out[customer] = best
    return out


def reference(events: list[Ev], spec: FunnelSpec) -> tuple[list[int], list[list[float]]]:
    """Per step, the customers reaching it and their seconds from the previous step (best_chains)."""
    n = len(spec.steps)
    reached = [0] * n
    gaps: list[list[float]] = [[] for _ in range(n)]
    for best in best_chains(events, spec).values():
        for k in range(len(best)):
            reached[k] += 1
            if k:
                gaps[k].append(float(best[k] - best[k - 1]))
    return reached, gaps


def random_case(rng: random.Random) -> tuple[list[Ev], FunnelSpec]:
    touchpoints = "ABCD"
    events = []
    rows = rng.sample(range(1000), 40)
    for c in range(rng.randint(1, 6)):
        for _ in range(rng.randint(0, 7)):
            events.append(
                Ev(
                    f"c{c}",
                    rng.choice(touchpoints),
                    rng.randint(0, 6) * H,
                    dataset_id=rng.randint(1, 2),
                    src_row=rows.pop(),
                )
            )
    n = rng.randint(2, 4)
    steps = tuple(rng.choice("ABC") for _ in range(n))
    exclusions = []
    if rng.random() < 0.35:
        i = rng.randint(1, n - 1)
        j = rng.randint(i + 1, n)
        candidates = [t for t in touchpoints if t not in steps[i - 1 : j]]
        exclusions.append(Exclusion(rng.choice(candidates), i, j))
    spec = FunnelSpec(
        steps,
        window_seconds=rng.choice([H, 2 * H, 3 * H, 3 * H + 1, W14]),
        strict=rng.random() < 0.3,
        exclusions=tuple(exclusions),
    )
    return events, spec


def assert_matches_reference(df, events: list[Ev], spec: FunnelSpec, context: str) -> list[int]:
    """run()'s counts and step-to-step times equal the brute-force reference's; returns the counts."""
    expected_counts, gaps = reference(events, spec)
    assert counts(df) == expected_counts, context
    for k in range(1, len(spec.steps)):
        median = df["median_seconds_from_previous"][k]
        mean = df["mean_seconds_from_previous"][k]
        if gaps[k]:
            assert median == pytest.approx(statistics.median(gaps[k])), context
            assert mean == pytest.approx(statistics.fmean(gaps[k])), context
        else:
            assert median is None and mean is None, context
    return expected_counts


# Random cases checked against the brute force: 150 and 100 by default (each is a fresh table, a
# funnel and a reference run: about 0.15 s), `make fuzz` runs ten times as many.
REFERENCE_CASES = int(os.environ.get("JOURNEYLENS_FUNNEL_CASES", "150"))


def test_matches_brute_force_reference(mem):
    rng = random.Random(20240301)
    ws = mem.ensure_workspace(LOCAL, "w").workspace_id
    cur = mem.cursor()
    for case in range(REFERENCE_CASES):
        events, spec = random_case(rng)
        load(mem, events)
        df = funnel.run(cur, ws, Filters(), spec)
        assert_matches_reference(df, events, spec, f"case {case}: {spec} {events}")


GOLD = file_column_filters("Gói", "Vàng")


@pytest.mark.parametrize("how", list(GOLD))
def test_a_file_column_filter_counts_only_its_events(mem, how):
    """Filtered on a column of the user's file (events.extra), directly or through a persona's
    rule, the funnel equals the brute force over the events with that value alone."""
    rng = random.Random(16)
    events = [
        Ev(f"c{c}", rng.choice("ABC"), rng.randint(0, 8) * H)
        for c in range(900)
        for _ in range(rng.randint(1, 6))
    ]
    plans = [rng.choice(["Vàng", "Vàng", "Bạc", None]) for _ in events]
    ws = load(mem, events)
    with mem.write(LOCAL) as cur:
        cur.executemany(
            "UPDATE events SET extra = MAP {'Gói': ?} WHERE workspace_id = ? AND src_row = ?",
            [[p, ws, i] for i, p in enumerate(plans) if p],
        )
    spec = FunnelSpec(("A", "B", "C"), window_seconds=4 * H)
    df = funnel.run(mem.cursor(), ws, GOLD[how], spec)
    gold = [e for e, p in zip(events, plans, strict=True) if p == "Vàng"]
    expected = assert_matches_reference(df, gold, spec, "Gói = Vàng")
    assert expected[0] > 255 and expected != reference(events, spec)[0]


# --- the fast path: loose order with distinct step touchpoints ----------------------------------


def random_distinct_case(rng: random.Random) -> tuple[list[Ev], FunnelSpec]:
    """Distinct steps in loose order (the fast path), with many equal timestamps and repeats."""
    touchpoints = "ABCDE"
    events = []
    rows = rng.sample(range(1000), 60)
    for c in range(rng.randint(1, 6)):
        for _ in range(rng.randint(0, 10)):
            events.append(
                Ev(
                    f"c{c}",
                    rng.choice(touchpoints),
                    rng.randint(0, 8) * (H // 2),
                    persona=rng.choice(["p1", "p2", None]),
                    dataset_id=rng.randint(1, 2),
                    src_row=rows.pop(),
                )
            )
    n = rng.randint(2, 5)
    steps = tuple(rng.sample("ABCD", min(n, 4)))
    exclusions = []
    if rng.random() < 0.3:
        i = rng.randint(1, len(steps) - 1)
        j = rng.randint(i + 1, len(steps))
        candidates = [t for t in touchpoints if t not in steps[i - 1 : j]]
        exclusions.append(Exclusion(rng.choice(candidates), i, j))
    spec = FunnelSpec(
        steps,
        window_seconds=rng.choice([H // 2, H, 2 * H, 2 * H + 1, 3 * H, W14]),
        exclusions=tuple(exclusions),
    )
    return events, spec


def test_fast_path_matches_brute_force_reference(mem):
    rng = random.Random(20241125)
    ws = mem.ensure_workspace(LOCAL, "w").workspace_id
    cur = mem.cursor()
    for case in range(REFERENCE_CASES * 2 // 3):
        events, spec = random_distinct_case(rng)
        load(mem, events)
        df = funnel.run(cur, ws, Filters(), spec)
        context = f"case {case}: {spec} {events}"
        expected_counts = assert_matches_reference(df, events, spec, context)
        # the breakdown splits the same chains: its groups add up to the funnel, step by step
        bd = funnel.run_breakdown(cur, ws, Filters(), spec, "persona")
        totals = bd.groupby("step")["count"].sum().reindex(range(1, len(spec.steps) + 1))
        assert [int(x) if x == x else 0 for x in totals] == expected_counts, context


def test_fast_path_breakdown_takes_the_chosen_start(mem):
    # Two starts: the earlier one (persona p1) reaches only step 2, the later one (p2) reaches
    # step 3, so the deeper, later chain is chosen and its start's persona counts.
    events = [
        Ev("c", A, 0, persona="p1"),
        Ev("c", B, H, persona="p1"),
        Ev("c", A, 2 * H, persona="p2"),
        Ev("c", B, 3 * H, persona="p2"),
        Ev("c", C, 4 * H, persona="p2"),
    ]
    ws = load(mem, events)
    spec = FunnelSpec((A, B, C), window_seconds=3 * H)
    bd = funnel.run_breakdown(mem.cursor(), ws, Filters(), spec, "persona")
    assert set(bd["group"]) == {"p2"}
    assert counts(bd) == [1, 1, 1]
    steps = funnel.run(mem.cursor(), ws, Filters(), spec)
    assert list(steps["median_seconds_from_previous"])[1:] == [H, H]


def test_fast_path_equal_timestamps_in_any_file_order(mem):
    # B and C share A's timestamp, listed before it in the file: still one chain of depth 3.
    events = [Ev("c", C, H, src_row=1), Ev("c", B, H, src_row=2), Ev("c", A, H, src_row=3)]
    assert counts(run(mem, events, FunnelSpec((A, B, C)))) == [1, 1, 1]


# --- the default funnel kept at write time (the overview's) ---------------------------------------


@pytest.fixture
def demo_store(tmp_path):
    from journeylens.services import demo

    s = Store(str(tmp_path / "jl.duckdb"))
    ws = demo.install(s, LOCAL, customers=400)
    yield s, ws
    s.close()


def _spy_compute(monkeypatch) -> list[tuple[str, ...]]:
    calls: list[tuple[str, ...]] = []
    real = funnel_steps._compute

    def spy(cur, workspace_id, filters, spec):
        calls.append(spec.steps)
        return real(cur, workspace_id, filters, spec)

    monkeypatch.setattr(funnel_steps, "_compute", spy)
    return calls


def test_default_funnel_is_read_from_the_write_time_table(demo_store, monkeypatch):
    store, ws = demo_store
    cur = store.cursor()
    steps = tuple(funnel.default_steps(cur, ws.workspace_id))
    spec = FunnelSpec(steps, window_seconds=ws.conversion_window_seconds)
    live = funnel.run(cur, ws.workspace_id, Filters(personas=()), FunnelSpec(steps, 86400 * 14))
    calls = _spy_compute(monkeypatch)
    stored = funnel.run(cur, ws.workspace_id, Filters(), spec)
    assert calls == []  # nothing computed: the stored rows were used
    assert counts(stored) == counts(live) and counts(stored)[0] > counts(stored)[-1] > 0
    for col in ("median_seconds_from_previous", "mean_seconds_from_previous"):
        assert list(stored[col])[1:] == pytest.approx(list(live[col])[1:])
    # a filtered view, another window or other steps are computed from the rows
    funnel.run(cur, ws.workspace_id, Filters(personas=("x",)), spec)
    funnel.run(cur, ws.workspace_id, Filters(), FunnelSpec(steps, window_seconds=3600))
    funnel.run(cur, ws.workspace_id, Filters(), FunnelSpec(steps[:3], window_seconds=14 * D))
    assert len(calls) == 3


def test_default_funnel_follows_settings_journey_and_deletes(demo_store, monkeypatch):
    from journeylens.services import journey
    from journeylens.services.access import LOCAL

    store, ws = demo_store
    cur = store.cursor()
    ws = workspaces.update_settings(store, LOCAL, ws, conversion_window_seconds=2 * D)
    steps = tuple(funnel.default_steps(cur, ws.workspace_id))
    calls = _spy_compute(monkeypatch)
    two_days = funnel.run(cur, ws.workspace_id, Filters(), FunnelSpec(steps, window_seconds=2 * D))
    assert calls == []
    monkeypatch.undo()
    expected = funnel_steps._compute(
        cur, ws.workspace_id, Filters(), FunnelSpec(steps, window_seconds=2 * D)
    )
    assert counts(two_days) == counts(expected)

    # leave the first funnel step out of the funnel: the stored funnel is for the new steps
    table = journey.definition(store, ws.workspace_id)
    table.loc[table["touchpoint"] == steps[0], "in_funnel"] = False
    journey.save(store, LOCAL, ws, table)
    new_steps = tuple(funnel.default_steps(cur, ws.workspace_id))
    assert new_steps == steps[1:]
    calls = _spy_compute(monkeypatch)
    funnel.run(cur, ws.workspace_id, Filters(), FunnelSpec(new_steps, window_seconds=2 * D))
    assert calls == []

    # deleting the events empties the funnel, and the stored one says so
    events_id = int(store.datasets(ws.workspace_id).query("kind == 'events'")["dataset_id"].iloc[0])
    datasets.delete(store, LOCAL, ws.workspace_id, events_id)
    assert calls == [new_steps]  # recomputed once, in the delete's transaction
    after = funnel.run(cur, ws.workspace_id, Filters(), FunnelSpec(new_steps, 2 * D))
    assert calls == [new_steps] and counts(after) == [0] * len(new_steps)


def test_compiled_path_sizes_its_reads_from_the_facets(demo_store, monkeypatch):
    store, ws = demo_store
    cur = store.cursor()
    steps = tuple(funnel.default_steps(cur, ws.workspace_id))
    persona = cur.execute("SELECT any_value(persona) FROM events").fetchall()[0][0]

    def counted(personas: tuple[str, ...]) -> int:
        return cur.execute(
            "SELECT count(*) FROM events WHERE list_contains(?, touchpoint) "
            "AND (len(?) = 0 OR list_contains(?, persona))",
            [list(steps), list(personas), list(personas)],
        ).fetchall()[0][0]

    scans = []
    real = sql.run

    def spy(cur_, name, **params):
        scans.append(name)
        return real(cur_, name, **params)

    monkeypatch.setattr(sql, "run", spy)
    for chosen in ((), (persona,)):
        found = funnel_events._rows_to_read(
            cur, ws.workspace_id, Filters(personas=chosen), list(steps)
        )
        assert found == counted(chosen)
    assert "funnel_rows_count" not in scans  # no scan of the events: the facets said it
    # stale facets (a write that did not refresh them): counted from the events instead
    cur.execute("UPDATE workspaces SET data_version = data_version + 1")
    assert funnel_events._rows_to_read(cur, ws.workspace_id, Filters(), list(steps)) == counted(())
    assert "funnel_rows_count" in scans
