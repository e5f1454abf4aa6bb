"""The Personas page: editors edit the workspace's personas in a table, viewers read them; a saved
persona is what the sidebar's Persona filter offers, and choosing it filters by its rule.

AppTest cannot type into st.data_editor: the edit state goes in through session state, as the
browser sends it (see test_journey_editor.py).
"""

from __future__ import annotations

import json

import duckdb
import pytest

from journeylens.domain.filters import extra_by
from journeylens.i18n import fmt_num, t
from journeylens.services import access as acc
from journeylens.services import demo
from journeylens.storage.store import Store
from tests.conftest import shown

from .conftest import DEMO_WS, no_problems, store_of
from .test_extra_filters import REGION, _add_region, _nps

NORTH = {"name": "Northerners", "goals": "Quick answers", "rule_column": "segment",
         "rule_value": "North"}  # fmt: skip


SAVED_FIVE = {  # the demo's four and the new one (Romanian: 2-19 without "de")
    "en": "Personas saved: 5 personas.",
    "ro": "Profilurile au fost salvate: 5 profiluri.",
}


def _editor(at):
    (editor,) = at.data_editor
    assert editor.key.startswith("personas_editor_")
    return editor


def _save(at, added=None, edited=None, lang="en"):
    at.session_state[_editor(at).key] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": [],
    }
    at.button(key="personas_save").click()
    return at.run()


def _labels(element) -> list[str]:
    config = json.loads(element.proto.columns)
    return [config[c]["label"] for c in element.value.columns if c in config]


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_editor_shows_the_demo_personas(db, app, lang):
    at = app("personas", lang=lang)
    no_problems(at)
    assert at.title[0].value == t("personas16.title", lang)
    editor = _editor(at)
    assert list(editor.value["name"]) == list(demo.PERSONAS)
    assert list(editor.value["rule_value"]) == list(demo.PERSONAS)
    assert _labels(editor)[:2] == [
        t("personas16.col.name", lang),
        t("personas16.col.description", lang),
    ]
    assert t("personas16.intro", lang) in [c.value for c in at.main.caption]


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_viewer_reads_the_personas(db, app, monkeypatch, lang):
    monkeypatch.setenv(acc.PASSWORD_ENV, "team password")
    with Store(db) as store:
        ws = store.require_workspace(DEMO_WS)
        token = acc.issue_link(store, acc.LOCAL, ws.workspace_id, 7, "for the board")
    at = app("personas", lang=lang, share=token)
    no_problems(at)
    assert not at.data_editor
    assert not [b for b in at.button if b.key == "personas_save"]
    (table,) = at.dataframe
    assert list(table.value["name"]) == list(demo.PERSONAS)
    # the rule's column in words, not its internal name
    assert set(table.value["rule_column"]) == {t("filter.persona", lang)}
    assert t("personas16.col.rule_value", lang) in _labels(table)
    assert t("access.denied", lang) in [c.value for c in at.main.caption]


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_validation_names_row_and_column(db, app, lang):
    at = app("personas", lang=lang)
    _save(at, added=[{"name": "Home mover", "rule_column": "segment"}])
    assert [e.value for e in at.error] == [
        t("personas16.problem", lang, row=5, column=t("personas16.col.rule_value", lang),
          message=t("personas16.error.required", lang)),
        t("personas16.problem", lang, row=5, column=t("personas16.col.name", lang),
          message=t("personas16.error.duplicate", lang)),
    ]  # fmt: skip
    assert not at.success
    assert len(_editor(at).value) == 4  # nothing saved


def _nps_north(path) -> tuple[float, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        nps = [r[0] for r in con.execute("SELECT nps FROM responses WHERE segment = 'North' AND nps IS NOT NULL").fetchall()]  # fmt: skip
    finally:
        con.close()
    return 100 * (sum(x >= 9 for x in nps) - sum(x <= 6 for x in nps)) / len(nps), len(nps)


def _assert_overview_nps(app, persona: str, lang: str, expected: float) -> None:
    """The overview opened with the persona chosen shows it chosen and the expected NPS."""
    at = app(persona=persona, lang=lang)
    no_problems(at)
    assert at.multiselect(key="persona").value == [persona]
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("metric.nps", lang)] == fmt_num(expected, lang, 1)


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_saved_persona_is_offered_and_filters_by_its_rule(db, app, lang):
    expected, n = _nps_north(db)  # read before the app holds the file
    at = app("personas", lang=lang)
    _save(at, added=[NORTH])
    no_problems(at)
    assert [s.value for s in at.success] == [SAVED_FIVE[lang]]
    assert list(_editor(at).value["name"])[-1] == "Northerners"
    assert "Northerners" in at.multiselect(key="persona").options

    _assert_overview_nps(app, "Northerners", lang, expected)
    assert n > 256
    # the rows are the segment's, not a persona column value called "Northerners"
    assert store_of().cursor().execute("SELECT count(*) FROM responses WHERE persona = 'Northerners'").fetchall() == [(0,)]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_a_persona_ruled_by_a_column_of_the_users_file(db, app, lang):
    """A rule may name a column no field maps to (responses.extra, here a region in Vietnamese):
    the editor offers it by its own name, and the persona filters every view by it."""
    _add_region(db)
    expected, n = _nps(db, ("Bắc",))  # independent of the app's queries
    overall, _ = _nps(db, ("Bắc", "Nam", "Trung"))
    assert fmt_num(expected, lang, 1) != fmt_num(overall, lang, 1)
    at = app("personas", lang=lang)
    no_problems(at)
    config = json.loads(_editor(at).proto.columns)["rule_column"]
    assert extra_by(REGION) in json.dumps(config, ensure_ascii=False)  # offered as a rule column
    shown_values = [shown(c.value) for c in at.main.caption]
    assert f"**{REGION}**: Bắc, Nam, Trung" in shown_values  # its values, to copy into the rule
    north = {"name": "Miền Bắc", "rule_column": extra_by(REGION), "rule_value": "Bắc"}
    _save(at, added=[north])
    no_problems(at)
    assert not at.error
    assert list(_editor(at).value["rule_column"])[-1] == extra_by(REGION)

    _assert_overview_nps(app, "Miền Bắc", lang, expected)
    assert n > 256


def _north_comments(path) -> dict[str, int]:
    """The comments of segment North per touchpoint (read before the app holds the file)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dict(
            con.execute(
                "SELECT touchpoint, count(*) FROM responses WHERE segment = 'North' "
                "AND comment IS NOT NULL AND trim(comment) <> '' GROUP BY touchpoint"
            ).fetchall()
        )
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_the_heatmap_by_persona_shows_the_defined_personas(db, app, lang):
    """A saved persona ruled by a segment is a column of the heatmap by persona (its rows, next
    to the demo's four, which overlap it), the definition is written under the chart, and its
    cell lists the comments of its rule, counted independently in SQL."""
    comments = _north_comments(db)
    at = app("personas", lang=lang)
    _save(at, added=[NORTH])
    no_problems(at)
    at = app("heatmap", lang=lang)
    no_problems(at)
    assert t("personas16.breakdown_note", lang) in [c.value for c in at.main.caption]
    cells = [o for o in at.selectbox(key="cell").options if o.endswith(" × Northerners")]
    columns = {o.rsplit(" × ", 1)[1] for o in at.selectbox(key="cell").options if " × " in o}
    assert columns == {*demo.PERSONAS, "Northerners"}
    touchpoint = cells[0].rsplit(" × ", 1)[0]
    expected = comments[touchpoint]
    assert expected > 0
    at = app("heatmap", lang=lang, cell=cells[0])
    no_problems(at)
    shown_text = [shown(m.value) for m in at.markdown]
    total = fmt_num(expected, lang, 0)
    assert t("heatmappage.cell_comments", lang, touchpoint=touchpoint, column="Northerners", total=total) in shown_text  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_a_rule_on_a_column_the_data_no_longer_has_is_flagged(db, app, lang):
    """A persona saved on a file's column that is gone (a re-upload without it): the page says
    that it matches nothing, naming the column, and that such rules read the events too."""
    at = app("personas", lang=lang)
    _save(at, added=[{"name": "Gold", "rule_column": extra_by("Gói cước"), "rule_value": "Vàng"}])
    no_problems(at)
    expected = t("personas16.column_gone", lang, columns="Gói cước", max=50)
    assert expected in [shown(w.value) for w in at.warning]
    assert t("personas16.events_note", lang) in [c.value for c in at.main.caption]
