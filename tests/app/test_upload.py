"""The Data page: upload → detect → map → check → load, re-upload detection and bad files."""

from __future__ import annotations

import csv
import io

from journeylens.i18n import t, t_plural
from journeylens.services import ingest
from tests.conftest import shown

from .conftest import DEMO_WS, count, infos, no_problems

NPS_COLUMN = "How likely are you to recommend us?"
HEADER = f"Response ID;Submitted;{NPS_COLUMN};Touchpoint;Comment;Emotion\n"
ROWS = [
    "r1;03/04/2026 10:15;9;Branch meeting;Very helpful adviser;1,5",
    "r2;13/04/2026 11:00;6;Online application form;The form kept timing out;-1,5",
    "r3;21/04/2026 09:30;10;Branch meeting;Quick and clear;2",
    "r4;30/04/2026 16:45;3;Full application;Too many documents;-2",
]
SURVEY = (HEADER + "\n".join(ROWS) + "\n").encode()


def _upload(at, name: str, payload: bytes):
    at.file_uploader(key="upload_file").set_value((name, payload, "text/csv"))
    return at.run()


def _mapping(at) -> dict[str, str]:
    return {
        s.key.rsplit("_responses_", 1)[1]: s.value
        for s in at.main.selectbox
        if s.key and s.key.startswith("map_")
    }


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _totals() -> tuple[int, int, int]:
    return (
        count("SELECT count(*) FROM responses"),
        count("SELECT count(*) FROM events"),
        count("SELECT count(*) FROM datasets"),
    )


def test_upload_map_check_load(db, app):
    at = app("data")
    no_problems(at)
    before = _totals()
    _upload(at, "survey.csv", SURVEY)
    no_problems(at)

    captions = [c.value for c in at.main.caption]
    assert (
        t(
            "data.detected",
            format="csv",
            platform="generic",
            encoding="utf-8",
            delimiter="“;”",
            decimal=t("data.decimal_comma"),
        )
        in captions
    )
    assert t("data.mapping_guessed") in captions
    assert at.radio[0].value == "responses"
    mapping = _mapping(at)
    assert mapping["nps"] == NPS_COLUMN
    assert mapping["touchpoint"] == "Touchpoint"
    assert mapping["comment"] == "Comment"
    assert mapping["submitted_at"] == "Submitted"
    assert mapping["response_id"] == "Response ID"
    assert mapping["emotion"] == "Emotion"
    assert mapping["csat"] == mapping["ces"] == "\x00none"  # shown as "— not in this file —"

    at.button(key="check_btn").click().run()
    no_problems(at)
    assert _metrics(at) == {t("data.rows_ok"): "4", t("data.rows_rejected"): "0"}
    assert t("data.missing_metrics", metrics=ingest.field_labels(["csat", "ces"])) in infos(at)
    assert _totals() == before  # checking writes nothing

    at.button(key="load_btn").click().run()
    no_problems(at)
    assert [shown(s.value) for s in at.success] == [
        t_plural(
            "empty19.loaded", 4, "en", name="survey.csv", rows="4", workspace=DEMO_WS, rejected="0"
        )
    ]
    assert _totals() == (before[0] + 4, before[1], before[2] + 1)
    # The values were read as written: day-first dates, decimal comma, the 0–10 answers.
    assert count(
        "SELECT count(*) FROM responses WHERE response_id = 'r2' AND nps = 6 "
        "AND emotion = -1.5 AND submitted_at = TIMESTAMP '2026-04-13 11:00' "
        "AND touchpoint = 'Online application form' AND comment = 'The form kept timing out'"
    )
    assert count("SELECT count(*) FROM responses WHERE response_id = 'r1' AND emotion = 1.5") == 1
    datasets = at.dataframe[-1].value
    assert list(datasets[t("data.col.file")])[-1] == "survey.csv"
    assert list(datasets[t("data.col.rows")])[-1] == 4
    assert at.file_uploader(key="upload_file").value is None  # ready for the next file

    # The same bytes again (even under another name): recognised, nothing added.
    _upload(at, "survey-copy.csv", SURVEY)
    assert t("data.mapping_saved") in [c.value for c in at.main.caption]
    at.button(key="load_btn").click().run()
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    assert len(errors) == 1
    assert errors[0].startswith("survey-copy.csv was already loaded into this workspace")
    assert "(“survey.csv”" in errors[0]
    assert t("data.nothing_stored") in [c.value for c in at.main.caption]
    assert not at.success
    assert _totals() == (before[0] + 4, before[1], before[2] + 1)


def test_upload_into_an_empty_workspace_feeds_the_pages(empty_db, app):
    at = app("data")
    _upload(at, "survey.csv", SURVEY)
    at.button(key="load_btn").click().run()
    no_problems(at)
    assert shown(at.success[0].value) == t_plural(
        "empty19.loaded", 4, "en", name="survey.csv", rows="4", workspace="Empty", rejected="0"
    )
    at.switch_page("pages/overview.py").run()
    no_problems(at)
    # Answers 9, 6, 10, 3: 2 promoters and 2 detractors of 4, so NPS = 0.
    assert _metrics(at)[t("metric.nps")] == "0.0"
    assert t("state.empty_workspace") not in infos(at)


BAD_ROWS = ROWS.copy()
BAD_ROWS[2] = "r3;21/04/2026 09:30;11;Branch meeting;Quick and clear;2"  # data row 3: NPS 11
BAD_SURVEY = (HEADER + "\n".join(BAD_ROWS) + "\n").encode()


FORMULA_ROWS = [
    "r1;03/04/2026 10:15;9;Branch meeting;Fine;1",
    '=HYPERLINK("http://evil.example/x","click");13/04/2026 11:00;11;+cmd|calc;@SUM(A1);-1',
    "r3;21/04/2026 09:30;10;Branch meeting;-2+3;2",
]
FORMULA_SURVEY = (HEADER + "\n".join(FORMULA_ROWS) + "\n").encode()


def test_set_aside_rows_download_is_neutralised(db, app, downloads):
    """The set-aside rows CSV holds the rejected row as uploaded, with every cell that a
    spreadsheet would run as a formula made inert (a leading apostrophe)."""
    at = app("data")
    _upload(at, "formulas.csv", FORMULA_SURVEY)
    if _mapping(at)["nps"] != NPS_COLUMN:
        _map(at, "nps", NPS_COLUMN)
    at.button(key="check_btn").click().run()
    no_problems(at)
    assert _metrics(at) == {t("data.rows_ok"): "2", t("data.rows_rejected"): "1"}
    data = downloads["set-aside-formulas.csv"]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = rows[1]
    assert '\'=HYPERLINK("http://evil.example/x","click")' in cells
    assert "'+cmd|calc" in cells and "'@SUM(A1)" in cells
    assert "-1" in cells  # a number stays a number (issue 11: negative NPS opened as text)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@") and c != "-1"]
    assert len(rows) == 2  # the header and the one rejected row


def _map(at, field: str, column: str):
    box = next(s for s in at.main.selectbox if s.key and s.key.endswith(f"_responses_{field}"))
    return box.set_value(column).run()


def test_out_of_range_score_is_listed_with_row_and_column(db, app):
    at = app("data")
    before = _totals()
    _upload(at, "bad-score.csv", BAD_SURVEY)
    if _mapping(at)["nps"] != NPS_COLUMN:  # see test_nps_column_with_a_typo_is_still_guessed
        _map(at, "nps", NPS_COLUMN)
    assert _mapping(at)["nps"] == NPS_COLUMN
    at.button(key="check_btn").click().run()
    no_problems(at)
    assert _metrics(at) == {t("data.rows_ok"): "3", t("data.rows_rejected"): "1"}
    assert t("data.issues") in [s.value for s in at.subheader]
    problems = _issues_table(at)
    assert len(problems) == 1
    problem = problems.iloc[0]
    # Rows are numbered as in a spreadsheet: the header is row 1, data row 3 is row 4.
    assert problem[t("data.col.file_row")] == 4
    assert t("data.row_convention") in [c.value for c in at.main.caption]  # the page says so
    assert problem[t("data.col.column")] == NPS_COLUMN
    assert str(problem[t("data.col.value")]) == "11"
    assert problem[t("data.col.problem")] == t(
        "ingest.out_of_range", file="bad-score.csv", row=4, column=NPS_COLUMN, value=11, lo=0, hi=10
    )
    assert any(b.label == t("data.download_rejected") for b in at.download_button)
    assert _totals() == before

    # Loading takes the three good rows and sets the bad one aside.
    at.button(key="load_btn").click().run()
    no_problems(at)
    assert shown(at.success[0].value) == t_plural(
        "empty19.loaded", 3, "en", name="bad-score.csv", rows="3", workspace=DEMO_WS, rejected="1"
    )
    assert _totals() == (before[0] + 3, before[1], before[2] + 1)
    assert count("SELECT count(*) FROM responses WHERE response_id = 'r3'") == 0


def test_nps_column_with_a_typo_is_still_guessed(db, app):
    at = app("data")
    _upload(at, "bad-score.csv", BAD_SURVEY)
    assert _mapping(at)["nps"] == NPS_COLUMN


def _issues_table(at):
    frames = [d.value for d in at.main.dataframe]
    found = [f for f in frames if t("data.col.problem") in f.columns]
    assert found, [list(f.columns) for f in frames]
    return found[0]


def test_empty_file_gets_a_clear_message(db, app):
    at = app("data")
    before = _totals()
    _upload(at, "empty.csv", b"")
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [t("ingest.empty", file="empty.csv")]
    assert t("data.nothing_stored") in [c.value for c in at.main.caption]
    assert not _has_key(at, "load_btn")  # nothing to load
    assert _totals() == before


def test_header_only_file(db, app):
    at = app("data")
    before = _totals()
    _upload(at, "header-only.csv", HEADER.encode())
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [t("ingest.no_rows", file="header-only.csv")]
    assert _totals() == before


def _has_key(at, key: str) -> bool:
    return any(b.key == key for b in at.button)


def test_survey_without_dates_shows_its_numbers(empty_db, app):
    at = app("data")
    _upload(at, "no-dates.csv", b"Touchpoint;NPS\nBranch meeting;10\nBranch meeting;9\n")
    at.button(key="load_btn").click().run()
    assert shown(at.success[0].value) == t_plural(
        "empty19.loaded", 2, "en", name="no-dates.csv", rows="2", workspace="Empty", rejected="0"
    )
    at.switch_page("pages/overview.py").run()
    assert t("state.empty_workspace") not in infos(at)
    assert _metrics(at)[t("metric.nps")] == "100.0"
