"""Personas as workspace objects (journeylens/services/personas.py): saved and read back, validated,
refused to a viewer, kept across a restart, and the view filters filter by their rules."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.domain.filters import Filters, extra_by, persona_rules_of
from journeylens.domain.permissions import LOCAL, Access, AccessDenied
from journeylens.services import dashboards as dash
from journeylens.services import demo, persona_rules, personas, summaries
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
    (7, "Call", 2, "C", "South", None, None),  # phone: no persona's rule matches it
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
                "touchpoint, submitted_at, nps, persona, segment, channel, comment, extra) "
                "VALUES (?, 1, ?, ?, ?, '2024-03-01', ?, ?, ?, ?, ?, "
                "CASE WHEN ?::VARCHAR IS NOT NULL THEN map(['plan'], [?::VARCHAR]) END)",
                [ws.workspace_id, rid, f"r{rid}", tp, nps, persona, segment, channel, f"r{rid}"]
                + [plan, plan],
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
    found = persona_rules.definitions(cur, ws.workspace_id)
    cur.close()
    assert [p.rule for p in found] == [
        "segment:North", "channel:web", "persona:B", "col:plan\x1fGold",
    ]  # fmt: skip


def test_filter_options_offer_the_defined_personas(store):
    _, options = _view(store, "Fresh")
    assert options["personas"] == ["Northerners", "Online", "Bees", "Gold plan"]
    assert options["persona_values"] == ["A", "B", "C"]  # the persona column's values


def test_without_definitions_the_options_are_the_persona_column(store):
    ws_id = _fill(store, "Plain", fresh=True)
    cur = store.cursor()
    options = dash.filter_options(cur, ws_id)
    cur.close()
    assert options["personas"] == ["A", "B", "C"]
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


# The breakdown by persona groups by the definitions: an answer is in each persona whose rule it
# matches, '—' when in none (row 7). By hand from RESPONSES (touchpoint, persona): rows -> n, NPS.
HEATMAP_BY_PERSONA = {
    ("Site", "Northerners"): (2, 0.0),  # 1, 4 (10, 6)
    ("Site", "Online"): (2, 0.0),  # 1, 4
    ("Site", "Bees"): (1, -100.0),  # 4
    ("Site", "Gold plan"): (1, 100.0),  # 1
    ("Call", "Northerners"): (2, 50.0),  # 3, 6 (9, 8)
    ("Call", "Online"): (1, -100.0),  # 2 (3)
    ("Call", "Bees"): (2, 100.0),  # 3, 5 (9, 10)
    ("Call", "Gold plan"): (2, 100.0),  # 3, 5
    ("Call", "—"): (1, -100.0),  # 7 (2)
}
# chosen Online and Bees: only their columns, each with its own rows
HEATMAP_CHOSEN = {k: v for k, v in HEATMAP_BY_PERSONA.items() if k[1] in ("Online", "Bees")}


@pytest.mark.parametrize(
    ("chosen", "expected", "columns"),
    [
        ((), HEATMAP_BY_PERSONA, ["Northerners", "Online", "Bees", "Gold plan", "—"]),
        (("Online", "Bees"), HEATMAP_CHOSEN, ["Online", "Bees"]),
    ],
)
@pytest.mark.parametrize("ws_name", ["Fresh", "Stale"])
def test_the_heatmap_by_persona_groups_by_the_definitions(
    store, ws_name, chosen, expected, columns
):
    filters, _ = _view(store, ws_name, *chosen)
    ws = store.require_workspace(ws_name)
    cur = store.cursor()
    try:
        cells = dash.heatmap(cur, ws, filters, by="persona", metric="nps")
    finally:
        cur.close()
    got = {
        (tp, col): (n, v)
        for tp, col, n, v in cells[["touchpoint", "column", "n", "value"]].itertuples(index=False)
    }
    assert got == {k: (n, pytest.approx(v)) for k, (n, v) in expected.items()}
    assert list(cells.sort_values("column_position")["column"].drop_duplicates()) == columns


# Emotion from the NPS band (promoter +2, passive 0, detractor -2), by hand from RESPONSES.
EMOTION_PER_PERSONA = {  # the defined personas (rows as in HEATMAP_BY_PERSONA)
    ("Site", "Northerners"): (2, 0.0),
    ("Site", "Online"): (2, 0.0),
    ("Site", "Bees"): (1, -2.0),
    ("Site", "Gold plan"): (1, 2.0),
    ("Call", "Northerners"): (2, 1.0),
    ("Call", "Online"): (1, -2.0),
    ("Call", "Bees"): (2, 2.0),
    ("Call", "Gold plan"): (2, 2.0),
    ("Call", "—"): (1, -2.0),
}
EMOTION_PER_PLAN = {  # a file's column: Site Gold 1, Basic 4; Call Gold 3, 5, Basic 6, none 2, 7
    ("Site", "Gold"): (1, 2.0),
    ("Site", "Basic"): (1, -2.0),
    ("Call", "Gold"): (2, 2.0),
    ("Call", "Basic"): (1, 0.0),
    ("Call", "—"): (2, -2.0),
}


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ({"by_persona": True}, EMOTION_PER_PERSONA),
        ({"by": extra_by("plan")}, EMOTION_PER_PLAN),
    ],
    ids=["defined personas", "file column"],
)
@pytest.mark.parametrize("ws_name", ["Fresh", "Stale"])
def test_the_emotion_curves_per_series(store, ws_name, series, expected):
    ws = store.require_workspace(ws_name)
    cur = store.cursor()
    try:
        curve = dash.emotion_curve(cur, ws, Filters(), **series)
    finally:
        cur.close()
    columns = ["touchpoint", "persona", "n", "emotion_mean"]
    got = {(tp, p): (n, m) for tp, p, n, m in curve[columns].itertuples(index=False)}
    assert got == expected


@pytest.mark.parametrize(
    ("column", "comments"),
    [("Gold plan", ["r5", "r3", "r1"]), ("Online", ["r4", "r2", "r1"]), ("—", ["r7"])],
)
@pytest.mark.parametrize("ws_name", ["Fresh", "Stale"])
def test_a_persona_cell_lists_the_comments_of_its_rule(store, ws_name, column, comments):
    """The heatmap's drill-down to a persona column: the comments of the answers in it."""
    ws = store.require_workspace(ws_name)
    cur = store.cursor()
    try:
        found, total = dash.comments(cur, ws, Filters(), column_filter=("persona", column))
    finally:
        cur.close()
    assert (list(found["comment"]), total) == (comments, len(comments))


def test_the_cli_metrics_by_persona_groups_by_the_definitions(store):
    from journeylens.cli import metrics_records

    got = {r["group"]: (r["n_nps"], r["nps"]) for r in metrics_records(store, "Fresh", "persona")}
    assert got == {
        "Northerners": (4, 25.0),  # 1, 3, 4, 6 (10, 9, 6, 8)
        "Online": (3, pytest.approx(-33.3, abs=0.1)),  # 1, 2, 4 (10, 3, 6)
        "Bees": (3, pytest.approx(33.3, abs=0.1)),  # 3, 4, 5 (9, 6, 10)
        "Gold plan": (3, 100.0),  # 1, 3, 5
        "(none)": (1, -100.0),  # 7
    }


@pytest.fixture(scope="module")
def overlapping():
    """The demo (groups far above 256 answers) with four overlapping personas: by segment, by
    channel, by the persona column and by a column of the user's file (a plan set on every third
    answer)."""
    with Store(":memory:") as s:
        ws = demo.install(s, LOCAL, customers=4000)
        with s.write(LOCAL) as cur:
            cur.execute(
                "UPDATE responses SET extra = MAP {'Gói': 'Vàng'} "
                "WHERE workspace_id = ? AND src_row % 3 = 0",
                [ws.workspace_id],
            )
            summaries.refresh(cur, ws.workspace_id, events_changed=False, responses_changed=True)
        rules = pd.DataFrame(
            [
                ("Northerners", None, None, None, "segment", "North"),
                ("Online", None, None, None, "channel", "Web"),
                ("Movers", None, None, None, "persona", "Home mover"),
                ("Gold", None, None, None, extra_by("Gói"), "Vàng"),
            ],
            columns=list(personas.COLUMNS),
        )
        personas.save(s, LOCAL, ws, rules)
        yield s, s.require_workspace(ws.name)


@pytest.mark.parametrize("stale", [False, True])
def test_each_persona_column_equals_its_persona_filter(overlapping, stale):
    """Differential: the heatmap's and the emotion curve's column of each defined persona hold
    the numbers the touchpoint table shows with that persona chosen (one definition), at groups
    over 255 answers, from the cube and from the rows."""
    store, ws = overlapping
    cur = store.cursor()
    if stale:
        cur.execute("UPDATE workspaces SET data_version = data_version + 1")
    try:
        cells = dash.heatmap(cur, ws, Filters(), by="persona", metric="nps")
        curve = dash.emotion_curve(cur, ws, Filters(), by_persona=True)
        options = dash.filter_options(cur, ws.workspace_id)
        biggest = 0
        for name in options["personas"]:
            chosen = Filters(personas=(name,), persona_rules=(options["persona_rules"][name],))
            table = dash.touchpoint_metrics(cur, ws, chosen).set_index("touchpoint")
            col = cells[cells["column"] == name].set_index("touchpoint")
            emo = curve[curve["persona"] == name].set_index("touchpoint")
            scored = table[table["n_nps"] > 0]
            assert sorted(col.index) == sorted(scored.index), name
            for field in ("n_nps", "promoters", "detractors", "n_csat", "csat_top2"):
                assert col[field].to_dict() == scored[field].to_dict(), (name, field)
            emotional = table[table["n_emotion"] > 0]
            assert emo["n"].to_dict() == emotional["n_emotion"].to_dict(), name
            assert emo["emotion_mean"].to_dict() == pytest.approx(
                emotional["emotion_mean"].to_dict()
            )
            biggest = max(biggest, int(col["n_nps"].max()))
    finally:
        if stale:
            cur.execute("UPDATE workspaces SET data_version = data_version - 1")
        cur.close()
    assert biggest > 255


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


@pytest.mark.parametrize("name", ["—", "(not set)", "(chưa có)", "Altele", " other "])
def test_a_persona_cannot_take_a_breakdown_s_own_label(name):
    table = pd.DataFrame(
        [(name, None, None, None, "segment", "North")], columns=list(personas.COLUMNS)
    )
    problems = personas.validate(table)
    assert [(p.row, p.column, p.key) for p in problems] == [
        (1, "name", "personas16.error.reserved")
    ]
