"""Attribution (journeylens/services/attribution.py, queries/attribution_*.sql): every model on
hand-computed journeys from path files and from the touchpoint log, the totals rule, and the
importer's recognition of aggregated path files."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pandas as pd
import pytest

from journeylens.domain.attribution_models import COLUMNS, MODELS
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import attribution, datasets, ingest
from journeylens.storage.store import Store
from tests.conftest import file_column_filters

T0 = datetime(2024, 5, 1, 8, 0, 0)
D = 86400

# Four aggregated paths (semicolon-separated, as ChannelAttribution's sample is).
PATHS_CSV = """path;total_conversions;total_conversion_value;total_null
A > B > C;2;20;1
A;1;5;0
B > B > A;1;8;2
C > A;0;0;3
"""

# Hand computation (4 conversions, value 33):
#   first: A = 2 + 1 = 3, B = 1                        value A = 20 + 5 = 25, B = 8
#   last:  C = 2, A = 1 + 1 = 2                        value C = 20, A = 5 + 8 = 13
#   linear: A = 2/3 + 1 + 1/3, B = 2/3 + 2/3, C = 2/3  value A = 20/3 + 5 + 8/3, B = 20/3 + 16/3
#   position (40/20/40): A = .8 + 1 + .4, B = .4 + .4 + .2, C = .8
#   time decay without times (weights 1, 1/2, 1/4 back from the last touch, sum 1.75):
#     A = 2 * .25/1.75 + 1 + 1/1.75, B = 2 * .5/1.75 + (.25 + .5)/1.75, C = 2 * 1/1.75
#   Markov (repeats collapsed: B > B > A is B > A): P(start -> A, B, C) = .4, .3, .3;
#     A -> B .3, conversion .2, null .5; B -> C .5, A .5; C -> A .5, conversion 1/3, null 1/6.
#     P(conversion) = .4; without A .15, without B .21, without C .2/.85 * .4 + .1/.85 * .3
#     removal effects 1 - p / .4 = .625, .475, 1 - 0.129412/.4
DECAY_A = 2 * 0.25 / 1.75 + 1 + 1 / 1.75
DECAY_B = 2 * 0.5 / 1.75 + 0.75 / 1.75
RE = {"A": 0.625, "B": 0.475, "C": 1 - (0.4 * 0.2 / 0.85 + 0.3 * 0.1 / 0.85) / 0.4}
EXPECTED = {
    "A": {"first_touch": 3, "last_touch": 2, "linear": 2, "position_based": 2.2,
          "time_decay": DECAY_A, "first_touch_value": 25, "last_touch_value": 13,
          "linear_value": 20 / 3 + 5 + 8 / 3, "position_based_value": 8 + 5 + 3.2},
    "B": {"first_touch": 1, "last_touch": 0, "linear": 4 / 3, "position_based": 1.0,
          "time_decay": DECAY_B, "first_touch_value": 8, "last_touch_value": 0,
          "linear_value": 12, "position_based_value": 4 + 4.8},
    "C": {"first_touch": 0, "last_touch": 2, "linear": 2 / 3, "position_based": 0.8,
          "time_decay": 2 * 1 / 1.75, "first_touch_value": 0, "last_touch_value": 20,
          "linear_value": 20 / 3, "position_based_value": 8},
}  # fmt: skip


def load_paths(store: Store, text: str, name: str = "paths.csv", workspace: str = "w") -> int:
    ws = store.ensure_workspace(LOCAL, workspace)
    prepared = ingest.prepare(text.encode("utf-8"), name, store=store)
    assert prepared.kind == "paths"
    result = ingest.load(store, LOCAL, ws, prepared, prepared.mapping, "paths")
    assert result.rows_rejected == 0
    return ws.workspace_id


def by_tp(result) -> dict[str, dict[str, float]]:
    return {r["touchpoint"]: r for r in result.table.to_dict("records")}


def test_every_model_on_hand_computed_paths(store):
    ws = load_paths(store, PATHS_CSV)
    result = attribution.attribution(store.cursor(), ws, Filters(), source="paths")
    got = by_tp(result)
    for tp, models in EXPECTED.items():
        for col, value in models.items():
            assert got[tp][col] == pytest.approx(value), (tp, col)
        assert got[tp]["markov_removal_effect"] == pytest.approx(RE[tp])
        assert got[tp]["markov"] == pytest.approx(4 * RE[tp] / sum(RE.values()))
    assert (result.conversions, result.value) == (4, 33)


def test_each_model_adds_up_to_the_totals(store):
    rng = random.Random(2)
    lines = ["path;total_conversions;total_conversion_value;total_null"]
    for _ in range(400):
        path = " > ".join(rng.choice("ABCDE") for _ in range(rng.randint(1, 7)))
        lines.append(f"{path};{rng.randint(0, 3)};{rng.randint(0, 900) / 10};{rng.randint(0, 4)}")
    ws = load_paths(store, "\n".join(lines) + "\n")
    result = attribution.attribution(store.cursor(), ws, Filters(), source="paths")
    for m in MODELS:
        assert result.table[m].sum() == pytest.approx(result.conversions)
        assert result.table[f"{m}_value"].sum() == pytest.approx(result.value)
    raw = pd.DataFrame([line.split(";") for line in lines[1:]], columns=["p", "c", "v", "n"])
    assert result.conversions == pytest.approx(raw["c"].astype(int).sum())
    assert set(result.to_json()[0]) == {"touchpoint", *COLUMNS}


@pytest.mark.parametrize(
    "text",
    [
        "path,total_conversions,total_conversion_value,total_null\nA>B,1,2.5,0\nB > A,0,0,2\n",
        "Path;Conversions;Revenue;Non-converting\nA > B;1;2,5;0\nB>A;0;0;2\n",
    ],
    ids=["comma_separated", "semicolon_decimal_comma"],
)
def test_path_files_are_recognised_in_either_shape(store, text):
    ws = load_paths(store, text)
    rows = store.con.execute(
        "SELECT path, conversions, value, nulls FROM path_counts WHERE workspace_id = ? "
        "ORDER BY src_row",
        [ws],
    ).fetchall()
    assert rows == [(["A", "B"], 1.0, 2.5, 0.0), (["B", "A"], 0.0, 0.0, 2.0)]


def test_path_file_bad_counts_are_set_aside_with_their_row(store):
    ws = store.ensure_workspace(LOCAL, "w")
    text = "path;total_conversions;total_null\nA > B;1;0\nB;lots;1\n"
    prepared = ingest.prepare(text.encode(), "bad.csv", store=store)
    mapping = {"path": "path", "conversions": "total_conversions", "nulls": "total_null"}
    result = ingest.load(store, LOCAL, ws, prepared, mapping, "paths")
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    (issue,) = result.issues
    assert issue.row == 3 and issue.column == "total_conversions"


def test_deleting_a_path_file_removes_its_paths(store):
    ws = load_paths(store, PATHS_CSV)
    (ds,) = store.datasets(ws)["dataset_id"]
    datasets.delete(store, LOCAL, ws, int(ds))
    assert store.con.execute("SELECT count(*) FROM path_counts").fetchall() == [(0,)]


# --- from the touchpoint log ----------------------------------------------------------------------


def load_events(store: Store, rows: list[tuple], workspace: str = "ev") -> int:
    """rows: (customer, touchpoint, days after T0, converted, value)."""
    ws = store.ensure_workspace(LOCAL, workspace).workspace_id
    data = [
        (ws, 1, i, c, tp, T0 + timedelta(seconds=int(d * D)), conv, val)
        for i, (c, tp, d, conv, val) in enumerate(rows)
    ]
    data.sort(key=lambda r: (r[3], r[5], r[2]))
    with store.write(LOCAL) as cur:
        cur.executemany(
            "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, ts, "
            "converted, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            data,
        )
    return ws


JOURNEYS = [
    ("c1", "A", 0, None, None),
    ("c1", "B", 1, None, None),
    ("c1", "Buy", 2, True, 100.0),  # converts after A, B
    ("c1", "A", 3, None, None),  # a later journey that does not convert
    ("c2", "B", 0, None, None),
    ("c2", "Buy", 0.5, True, 50.0),
    ("c3", "Buy", 0, True, 30.0),  # a conversion with no touch before it
    ("c4", "C", 0, None, None),
    ("c4", "C", 1, None, None),
]


def test_journeys_from_the_log_cut_at_each_conversion(store):
    ws = load_events(store, JOURNEYS)
    result = attribution.attribution(
        store.cursor(), ws, Filters(), source="events", half_life_seconds=D
    )
    got = by_tp(result)
    assert set(got) == {"A", "B", "C"}  # the conversion event itself is not a touch
    assert (result.conversions, result.value) == (2, 150)
    assert (result.unattributed_conversions, result.unattributed_value) == (1, 30)
    assert got["A"]["first_touch"] == 1 and got["B"]["first_touch"] == 1
    assert got["B"]["last_touch"] == 2 and got["A"]["last_touch"] == 0
    assert got["A"]["linear"] == pytest.approx(0.5) and got["B"]["linear"] == pytest.approx(1.5)
    # time decay, half-life one day: in c1's journey A is 2 days old (1/4), B 1 day (1/2)
    assert got["A"]["time_decay"] == pytest.approx(0.25 / 0.75)
    assert got["B"]["time_decay"] == pytest.approx(0.5 / 0.75 + 1)
    assert got["A"]["time_decay_value"] == pytest.approx(100 / 3)
    assert got["C"]["linear"] == 0 and got["C"]["markov"] == 0


def test_half_life_changes_only_time_decay(store):
    ws = load_events(store, JOURNEYS)
    short = attribution.attribution(store.cursor(), ws, Filters(), half_life_seconds=3600)
    long = attribution.attribution(store.cursor(), ws, Filters(), half_life_seconds=1000 * D)
    a_short, a_long = by_tp(short)["A"], by_tp(long)["A"]
    assert a_short["time_decay"] == pytest.approx(0.0, abs=1e-6)  # 24 half-lives further
    assert a_long["time_decay"] == pytest.approx(0.5, abs=1e-3)  # nearly linear
    assert a_short["linear"] == a_long["linear"]


@pytest.mark.parametrize(
    "conversion, rows, expected_conversions",
    [
        # a named conversion touchpoint: its events convert, flags are ignored
        ("Sign", [("c", "A", 0, None, None), ("c", "Sign", 1, None, 5.0)], 1),
        # no flag column: a value marks the conversion
        (None, [("c", "A", 0, None, None), ("c", "Pay", 1, None, 12.0)], 1),
        # a flag set to false is not a conversion even with a value
        (None, [("c", "A", 0, None, None), ("c", "Pay", 1, False, 12.0)], 0),
    ],
    ids=["named_touchpoint", "value_only", "flag_false"],
)
def test_what_counts_as_a_conversion(store, conversion, rows, expected_conversions):
    ws = load_events(store, rows)
    result = attribution.attribution(store.cursor(), ws, Filters(), conversion=conversion)
    assert result.conversions == expected_conversions


def test_events_and_path_files_give_the_same_credits(store):
    """The same journeys as a log and as an aggregated path file: every model but time decay
    (which has times only in the log) credits the same."""
    rng = random.Random(9)
    rows, counts = [], {}
    for c in range(300):
        path = [rng.choice("ABCD") for _ in range(rng.randint(1, 5))]
        conv = rng.random() < 0.4
        for i, tp in enumerate(path):
            rows.append((f"c{c}", tp, i, None, None))
        if conv:
            rows.append((f"c{c}", "Buy", len(path), True, 10.0))
        key = " > ".join(path)
        cur = counts.setdefault(key, [0, 0.0, 0])
        cur[0 if conv else 2] += 1
        cur[1] += 10.0 if conv else 0
    ev = load_events(store, rows)
    text = "path;total_conversions;total_conversion_value;total_null\n" + "".join(
        f"{k};{v[0]};{v[1]};{v[2]}\n" for k, v in counts.items()
    )
    pa = load_paths(store, text, workspace="files")
    a = attribution.attribution(store.cursor(), ev, Filters(), source="events").table
    b = attribution.attribution(store.cursor(), pa, Filters(), source="paths").table
    a, b = a.set_index("touchpoint").sort_index(), b.set_index("touchpoint").sort_index()
    cols = [c for c in COLUMNS if not c.startswith("time_decay")]
    pd.testing.assert_frame_equal(a[cols], b[cols], check_exact=False, rtol=1e-9)


def test_sources_and_default(store):
    ws = load_events(store, JOURNEYS)
    found = attribution.sources(store.cursor(), ws)
    assert found == {"events": 9, "conversion_events": 3, "path_rows": 0}
    assert attribution.default_source(found) == "events"
    assert attribution.default_source({"events": 0, "conversion_events": 0, "path_rows": 4}) == (
        "paths"
    )
    with pytest.raises(ValueError):
        attribution.attribution(store.cursor(), ws, Filters(), source="web")


GOLD = file_column_filters("Plan", "Gold")


@pytest.mark.parametrize("how", list(GOLD))
def test_the_extra_column_filter_credits_only_its_rows(store, how):
    """Filtered on a column of the user's file, the credits equal those of a log holding only
    the rows with that value (loaded on their own): the filter keeps rows, as the persona's does."""
    rng = random.Random(4)
    rows, plans = [], []
    for c in range(400):
        for i in range(rng.randint(1, 5)):
            rows.append((f"c{c}", rng.choice("ABCD"), i, None, None))
            plans.append(rng.choice(["Gold", "Silver", None]))
        if rng.random() < 0.5:
            rows.append((f"c{c}", "Buy", 6, True, 10.0))
            plans.append(rng.choice(["Gold", "Gold", "Silver"]))
    ws = load_events(store, rows)
    with store.write(LOCAL) as cur:
        cur.executemany(
            "UPDATE events SET extra = MAP {'Plan': ?} WHERE workspace_id = ? AND src_row = ?",
            [[p, ws, i] for i, p in enumerate(plans) if p],
        )
    gold = load_events(store, [r for r, p in zip(rows, plans, strict=True) if p == "Gold"], "gold")
    only = GOLD[how]
    a = attribution.attribution(store.cursor(), ws, only, source="events")
    b = attribution.attribution(store.cursor(), gold, Filters(), source="events")
    assert a.conversions == b.conversions > 50
    pd.testing.assert_frame_equal(
        a.table.set_index("touchpoint").sort_index(), b.table.set_index("touchpoint").sort_index()
    )
    everyone = attribution.attribution(store.cursor(), ws, Filters(), source="events")
    assert everyone.conversions > a.conversions
