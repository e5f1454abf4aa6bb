"""The journey definition editor on the Journey map page.

AppTest cannot type into st.data_editor, but a keyed editor takes its edit state
(edited_rows / added_rows / deleted_rows) from session state before a run: that is what the
browser sends, so the page's own save path (clean → validate → save) runs unchanged.
"""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.i18n import t
from journeylens.services import journey

from .conftest import no_problems, store_of

COLUMN = {
    "touchpoint": "field.touchpoint",
    "stage": "field.stage",
    "stage_order": "field.stage_order",
    "step_order": "field.step_order",
    "target_csat": "field.target_csat",
}


def _editor_key(at) -> str:
    (editor,) = at.data_editor
    assert editor.key and editor.key.startswith("journey_editor_")
    return editor.key


def _save(at, edited=None, added=None, deleted=None):
    at.session_state[_editor_key(at)] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    at.button(key="journey_save").click()
    return at.run()


def _definition():
    store = store_of()
    ws = store.workspaces()[0]
    return journey.definition(store, ws.workspace_id)


def _problem(row: int, column: str, key: str) -> str:
    return t("journeypage.problem", row=row, column=t(COLUMN[column]), message=t(key))


def test_editor_shows_the_definition(db, app):
    at = app("journey")
    no_problems(at)
    table = at.data_editor[0].value
    assert len(table) == 13
    assert table["touchpoint"].iloc[0] == "Rate advert"
    assert at.data_editor[0].editing_mode == "dynamic"


@pytest.mark.parametrize(
    ("edited", "added", "expected"),
    [
        ({1: {"touchpoint": ""}}, None, [(2, "touchpoint", "journey.error.required")]),
        (
            {2: {"touchpoint": "Rate advert"}},
            None,
            [(3, "touchpoint", "journey.error.duplicate")],
        ),
        ({4: {"step_order": 0}}, None, [(5, "step_order", "journey.error.order")]),
        ({5: {"target_csat": 140}}, None, [(6, "target_csat", "journey.error.target")]),
        ({4: {"stage_order": 7}}, None, [(5, "stage_order", "journey.error.stage_order")]),
        (
            None,
            [{"touchpoint": "Welcome call", "stage_order": 3, "step_order": 3}],
            [(14, "stage", "journey.error.required")],
        ),
        (
            {1: {"touchpoint": ""}, 6: {"step_order": 0, "stage": " "}},
            None,
            [
                (2, "touchpoint", "journey.error.required"),
                (7, "stage", "journey.error.required"),
                (7, "step_order", "journey.error.order"),
            ],
        ),
    ],
)
def test_validation_names_row_and_column(db, app, edited, added, expected):
    at = app("journey")
    before = _definition()
    _save(at, edited=edited, added=added)
    assert not at.exception
    assert [e.value for e in at.error] == [_problem(*p) for p in expected]
    assert not at.success
    assert _definition().equals(before)  # nothing saved


def test_valid_edit_is_saved(db, app):
    at = app("journey")
    _save(
        at,
        edited={0: {"owner": "Brand team", "target_csat": 85}},
        added=[
            {
                "touchpoint": "Welcome call",
                "stage": "Ownership",
                "stage_order": 3,
                "step_order": 3,
                "channel": "Phone",
            }
        ],
        deleted=[12],
    )
    no_problems(at)
    saved = _definition()
    assert len(saved) == 13  # 13 − 1 deleted + 1 added
    first = saved[saved["touchpoint"] == "Rate advert"].iloc[0]
    assert first["owner"] == "Brand team"
    assert first["target_csat"] == 85
    assert "Payment-change request" not in set(saved["touchpoint"])
    added = saved[saved["touchpoint"] == "Welcome call"].iloc[0]
    assert (added["stage"], added["channel"], bool(added["in_funnel"])) == (
        "Ownership",
        "Phone",
        True,
    )
    # The page shows the saved table (a new editor for the new data version).
    table = at.data_editor[0].value
    assert "Welcome call" in set(table["touchpoint"])
    assert "Payment-change request" not in set(table["touchpoint"])


def test_save_is_confirmed(db, app):
    at = app("journey")
    _save(at, edited={0: {"owner": "Brand team"}})
    assert [s.value for s in at.success] == [t("journeypage.saved", n=13)]


def _map_spec(at) -> dict:
    """The map as drawn: its spec with the data Streamlit sent beside it (Arrow) put back."""
    import json

    import pyarrow as pa

    (chart,) = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    spec["datasets"] = {
        d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas().to_dict("records")
        for d in chart.proto.datasets
    }
    return spec


def _lane_rows(spec: dict, field: str) -> list[str]:
    from tests.unit.charts.spec import rows, units_of

    for unit in units_of(spec, "text"):
        if unit["encoding"].get("text", {}).get("field") == field:
            return [str(r[field] or "").replace("\n", " ") for r in rows(spec, unit)]
    raise AssertionError(f"no {field} lane")


def test_free_text_lanes_are_saved_with_the_journey_and_drawn(db, app):
    """Thoughts, opportunities and ideas typed in the editor are stored with the journey, survive
    a new session (a restart reads them from the file) and are drawn as lanes on the map."""
    at = app("journey")
    _save(at, edited={0: {"thoughts": "Is this rate for real?", "ideas": "Show the APR first"}})
    no_problems(at)
    first = _definition().iloc[0]
    assert (first["thoughts"], first["ideas"]) == ("Is this rate for real?", "Show the APR first")
    later = app("journey", lanes=[t("canvas.lane.thoughts"), t("canvas.lane.ideas")])
    spec = _map_spec(later)
    assert _lane_rows(spec, "thoughts_text")[0] == "Is this rate for real?"
    assert _lane_rows(spec, "ideas_text")[0] == "Show the APR first"
    # the demo's own notes on the other touchpoints are kept
    assert "I sent that document last week" in _lane_rows(spec, "thoughts_text")


@pytest.mark.parametrize(
    ("lang", "picked", "title"),
    [("en", ["ces", "opportunities"], "Lanes"), ("vi", ["opportunities", "nps"], "Các làn"),
     ("ro", ["ideas", "goal"], "Benzi")],
)  # fmt: skip
def test_lanes_picked_in_the_url_draw_in_that_order(db, app, lang, picked, title):
    """The lanes control, in the UI language, bound to the URL: a link with ?lanes=… opens the map
    with those lanes, in that order, under the stage band."""
    from journeylens.i18n import Translator

    tr = Translator(lang)
    at = app("journey", lang=lang, lanes=[tr(f"canvas.lane.{p}") for p in picked])
    no_problems(at)
    control = at.multiselect(key="lanes")
    assert control.label == title
    assert control.value == picked
    spec = _map_spec(at)
    assert len(spec["vconcat"]) == 1 + len(picked)


def test_journey_upload_reads_the_notes_columns(db, app, tmp_path):
    """A journey definition CSV with thoughts, opportunities and ideas columns (Vietnamese and
    Romanian notes, one cell blank): the upload stores the notes, the editor shows them and the
    map draws them in its lanes."""
    from journeylens.domain.permissions import LOCAL
    from journeylens.services import ingest

    csv = tmp_path / "journey_notes.csv"
    csv.write_text(
        "touchpoint,stage,thoughts,opportunities,ideas\n"
        "Rate advert,Awareness & consideration,Lãi suất này có thật không?,"
        "Hiển thị APR ngay từ đầu,\n"
        "Referral from a relative,Awareness & consideration,Oare chiar merită?,"
        "Program de recomandări,Bonus pentru recomandare\n",
        encoding="utf-8",
    )
    store = store_of()
    ws = store.workspaces()[0]
    prepared = ingest.prepare(csv, csv.name, store=store, kind="touchpoints")
    assert {"thoughts", "opportunities", "ideas"} <= set(prepared.mapping)
    ingest.load(store, LOCAL, ws, prepared, prepared.mapping, prepared.kind)

    saved = _definition().set_index("touchpoint")
    assert saved.loc["Rate advert", "thoughts"] == "Lãi suất này có thật không?"
    assert saved.loc["Rate advert", "opportunities"] == "Hiển thị APR ngay từ đầu"
    assert pd.isna(saved.loc["Rate advert", "ideas"])  # a blank cell is no note
    referral = saved.loc["Referral from a relative"]
    assert (referral["thoughts"], referral["opportunities"], referral["ideas"]) == (
        "Oare chiar merită?",
        "Program de recomandări",
        "Bonus pentru recomandare",
    )

    lanes = [t(f"canvas.lane.{lane}") for lane in ("thoughts", "opportunities", "ideas")]
    at = app("journey", lanes=lanes)
    no_problems(at)
    spec = _map_spec(at)
    assert "Lãi suất này có thật không?" in _lane_rows(spec, "thoughts_text")
    assert "Oare chiar merită?" in _lane_rows(spec, "thoughts_text")
    assert "Hiển thị APR ngay từ đầu" in _lane_rows(spec, "opportunities_text")
    assert "Bonus pentru recomandare" in _lane_rows(spec, "ideas_text")
    table = at.data_editor[0].value.set_index("touchpoint")
    assert table.loc["Referral from a relative", "ideas"] == "Bonus pentru recomandare"
    assert table.loc["Rate advert", "thoughts"] == "Lãi suất này có thật không?"
