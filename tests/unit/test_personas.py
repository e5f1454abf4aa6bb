"""Personas as workspace objects (journeylens/services/personas.py): saved and read back, validated,
refused to a viewer, kept across a restart, and the view filters filter by their rules."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.domain.filters import Filters, extra_by, persona_rules_of
from journeylens.domain.permissions import LOCAL, Access, AccessDenied
from journeylens.services import dashboards as dash
from journeylens.services import demo, personas, summaries
from journeylens.storage import queries
from journeylens.storage.store import Store

TOUCHPOINTS = [("Site", "web"), ("Call", "phone")]
# id, touchpoint, nps, persona, segment, own channel (resolved: its own, else its touchpoint's),
# and a column of the user's file no field maps to (responses.extra): the plan
RESPONSES = [
    (1, "Site", 10, "A", "North", None, "Gold"),  # web
    (2, "Call", 3, "A", "South", "web", None),  # web (own); no plan
    (3, "Call", 9, "B", "North", None, "Gold"),  # phone
    (4, "Site", 6, "B", "North", None, "Basic"),  # web
    (5, "Call", 10, "B", "South", None, "Gold"),  # phone
    (6, "Call", 8, None, "North", None, "Basic"),  # phone
]
DEFINED = pd.DataFrame(
    [
        ("Northerners", "Live up north", "Fast answers", "Long calls", "segment", "North"),
        ("Online", None, None, None, "channel", "web"),
        ("Bees", None, None, None, "persona", "B"),
        ("Gold plan", None, None, None, extra_by("plan"), "Gold"),
    ],
    columns=list(personas.COLUMNS),
)


def _fill(store: Store, name: str, *, fresh: bool) -> int:
    """A workspace with RESPONSES; fresh: summaries refreshed (the views read the response cube),
    else stale (they read the rows)."""
    ws = store.ensure_workspace(LOCAL, name)
    with store.write(LOCAL) as cur:
        for tp, channel in TOUCHPOINTS:
            cur.execute(
                "INSERT INTO touchpoints (workspace_id, touchpoint, stage, stage_order, "
                "step_order, channel) VALUES (?, ?, 'S', 1, ?, ?)",
                [ws.workspace_id, tp, len(tp), channel],
            )
        for rid, tp, nps, persona, segment, channel, plan in RESPONSES:
            cur.execute(
                "INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, "
                "touchpoint, submitted_at, nps, persona, segment, channel, extra) "
                "VALUES (?, 1, ?, ?, ?, '2024-03-01', ?, ?, ?, ?, "
                "CASE WHEN ?::VARCHAR IS NOT NULL THEN map(['plan'], [?::VARCHAR]) END)",
                [ws.workspace_id, rid, f"r{rid}", tp, nps, persona, segment, channel, plan, plan],
            )
        if fresh:
            summaries.refresh(cur, ws.workspace_id, events_changed=True, responses_changed=True)
        queries.workspace_bump(cur, workspace_id=ws.workspace_id)
    return ws.workspace_id


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    for name, fresh in (("Fresh", True), ("Stale", False)):
        _fill(s, name, fresh=fresh)
        personas.save(s, LOCAL, s.require_workspace(name), DEFINED)
    s.ensure_workspace(LOCAL, "Undefined")
    yield s
    s.close()


def _view(store: Store, ws_name: str, *chosen: str) -> tuple[Filters, dict]:
    """The filters the sidebar builds when `chosen` are picked (journeylens/ui/frame.py)."""
    ws = store.require_workspace(ws_name)
    cur = store.cursor()
    try:
        options = dash.filter_options(cur, ws.workspace_id)
    finally:
        cur.close()
    rules = persona_rules_of(chosen, options["persona_rules"])
    return Filters(personas=chosen, persona_rules=rules), options


def test_saved_personas_read_back_in_order(store):
    ws = store.require_workspace("Fresh")
    table = personas.table(store, ws.workspace_id)
    assert list(table.columns) == list(personas.COLUMNS)
    assert list(table["name"]) == ["Northerners", "Online", "Bees", "Gold plan"]
    assert table.iloc[0].to_dict() == DEFINED.iloc[0].to_dict()
    cur = store.cursor()
    found = personas.definitions(cur, ws.workspace_id)
    cur.close()
    assert [p.rule for p in found] == [
        "segment:North", "channel:web", "persona:B", "col:plan\x1fGold",
    ]  # fmt: skip


def test_filter_options_offer_the_defined_personas(store):
    _, options = _view(store, "Fresh")
    assert options["personas"] == ["Northerners", "Online", "Bees", "Gold plan"]
    assert options["persona_values"] == ["A", "B"]  # what the breakdowns by persona group by


def test_without_definitions_the_options_are_the_persona_column(store):
    ws_id = _fill(store, "Plain", fresh=True)
    cur = store.cursor()
    options = dash.filter_options(cur, ws_id)
    cur.close()
    assert options["personas"] == ["A", "B"]
    assert options["persona_rules"] == {}
    filters = Filters(personas=("A",), persona_rules=persona_rules_of(("A",), {}))
    ws = store.require_workspace("Plain")
    cur = store.cursor()
    k = dash.kpis(cur, ws, filters)
    cur.close()
    assert k["nps"]["n"] == 2  # rows 1, 2: nps 10 and 3 -> 1 promoter, 1 detractor
    assert k["nps"]["value"] == pytest.approx(0.0)


# chosen personas -> the rows of their rules (an answer in any of them), by hand from RESPONSES:
@pytest.mark.parametrize(
    ("chosen", "n", "nps"),
    [
        # segment North: rows 1, 3, 4, 6 (10, 9, 6, 8): 2 promoters, 1 detractor of 4
        (("Northerners",), 4, 100 * (2 - 1) / 4),
        # channel web (own, else the touchpoint's): rows 1, 2, 4 (10, 3, 6): 1 - 2 of 3
        (("Online",), 3, 100 * (1 - 2) / 3),
        # persona B: rows 3, 4, 5 (9, 6, 10): 2 - 1 of 3
        (("Bees",), 3, 100 * (2 - 1) / 3),
        # North or web: rows 1, 2, 3, 4, 6 (10, 3, 9, 6, 8): 2 - 2 of 5
        (("Northerners", "Online"), 5, 0.0),
        # plan Gold, a column of the file: rows 1, 3, 5 (10, 9, 10): 3 - 0 of 3
        (("Gold plan",), 3, 100.0),
        # Gold or persona B: rows 1, 3, 4, 5 (10, 9, 6, 10): 3 - 1 of 4
        (("Gold plan", "Bees"), 4, 100 * (3 - 1) / 4),
    ],
)
@pytest.mark.parametrize("ws_name", ["Fresh", "Stale"])
def test_a_chosen_persona_filters_by_its_rule(store, ws_name, chosen, n, nps):
    filters, _ = _view(store, ws_name, *chosen)
    ws = store.require_workspace(ws_name)
    cur = store.cursor()
    try:
        k = dash.kpis(cur, ws, filters)
    finally:
        cur.close()
    assert (k["nps"]["n"], k["nps"]["value"]) == (n, pytest.approx(nps))


@pytest.mark.parametrize("ws_name", ["Fresh", "Stale"])
def test_the_journey_map_of_a_persona_ruled_by_a_file_column(store, ws_name):
    """The journey map's persona choice (one rule): Gold plan is rows 1 (Site), 3 and 5 (Call)."""
    ws = store.require_workspace(ws_name)
    _, options = _view(store, ws_name)
    cur = store.cursor()
    try:
        lanes = dash.journey_lanes(
            cur, ws, Filters(), persona_rule=options["persona_rules"]["Gold plan"]
        )
    finally:
        cur.close()
    assert dict(zip(lanes["touchpoint"], lanes["n"], strict=True)) == {"Site": 1, "Call": 2}


def test_validate_names_the_row_and_column():
    table = personas.clean(
        pd.DataFrame(
            [
                {"name": "A", "rule_column": "segment", "rule_value": "North"},
                {"name": " a ", "rule_column": "region", "rule_value": "x"},
                {"name": "", "rule_column": None, "rule_value": " ", "goals": "g"},
                {"name": "Gold", "rule_column": extra_by("plan"), "rule_value": "Gold"},
                {"name": None, "rule_column": None, "rule_value": None},  # the spare line
            ]
        )
    )
    assert len(table) == 4
    found = [(p.row, p.column, p.key) for p in personas.validate(table)]
    assert found == [
        (2, "name", "personas16.error.duplicate"),
        (2, "rule_column", "personas16.error.column"),
        (3, "name", "personas16.error.required"),
        (3, "rule_column", "personas16.error.required"),
        (3, "rule_value", "personas16.error.required"),
    ]
    with pytest.raises(ValueError):
        personas.save(Store(":memory:"), LOCAL, None, table)  # type: ignore[arg-type]


def test_a_viewer_cannot_save_personas(store):
    ws = store.require_workspace("Undefined")
    viewer = Access(role="viewer", workspace_id=ws.workspace_id, link_id="x")
    with pytest.raises(AccessDenied):
        personas.save(store, viewer, ws, DEFINED)
    assert personas.table(store, ws.workspace_id).empty


def test_personas_survive_a_restart_and_go_with_their_workspace(tmp_path):
    path = tmp_path / "p.duckdb"
    with Store(path) as s:
        ws = s.ensure_workspace(LOCAL, "W")
        assert personas.save(s, LOCAL, ws, DEFINED) == len(DEFINED)
        before = s.require_workspace("W").data_version
        assert before > ws.data_version  # the cached filter options are renewed
    with Store(path) as s:
        ws = s.require_workspace("W")
        assert list(personas.table(s, ws.workspace_id)["name"]) == list(DEFINED["name"])
        s.delete_workspace(LOCAL, ws.workspace_id)
        assert s.con.execute("SELECT count(*) FROM personas").fetchall() == [(0,)]


def test_a_database_from_before_personas_gets_the_table(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.ensure_workspace(LOCAL, "Old")
        s.con.execute("DROP TABLE personas")
    with Store(path) as s:
        ws = s.require_workspace("Old")
        assert personas.table(s, ws.workspace_id).empty


def test_segment_persona_matches_pandas_on_the_demo():
    """The demo ships its four personas, each its persona column's value. Differential: a persona
    defined by segment = North gives the overview's numbers that pandas computes over the same
    answers (the demo: groups far above 256 rows)."""
    with Store(":memory:") as s:
        ws = demo.install(s, LOCAL, customers=1500)
        shipped = personas.table(s, ws.workspace_id)
        assert list(shipped["name"]) == list(demo.PERSONAS)
        assert (shipped["rule_column"] == "persona").all()
        assert (shipped["rule_value"] == shipped["name"]).all()
        assert shipped[["description", "goals", "pains"]].notna().all().all()
        rule = pd.DataFrame(
            [("Northerners", None, None, None, "segment", "North")], columns=list(personas.COLUMNS)
        )
        personas.save(s, LOCAL, ws, rule)
        ws = s.require_workspace(ws.name)
        filters, _ = _view(s, ws.name, "Northerners")
        cur = s.cursor()
        k = dash.kpis(cur, ws, filters)
        rows = cur.execute("SELECT nps, csat FROM responses WHERE workspace_id = ?", [ws.workspace_id]).df()  # fmt: skip
        seg = cur.execute("SELECT segment FROM responses WHERE workspace_id = ?", [ws.workspace_id]).df()  # fmt: skip
        cur.close()
    north = rows[seg["segment"] == "North"]
    nps = north["nps"].dropna()
    csat = north["csat"].dropna()
    assert len(nps) > 256
    assert k["n"] == len(north)
    assert k["nps"]["n"] == len(nps)
    assert k["nps"]["value"] == pytest.approx(100 * ((nps >= 9).mean() - (nps <= 6).mean()))
    assert k["csat"]["value"] == pytest.approx(100 * (csat >= 4).mean())
