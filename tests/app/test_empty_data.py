"""Empty and partial data (issue 19): a page says what the data lacks and what to upload, not
"no data matches these filters" when no filter is to blame."""

from __future__ import annotations

from pathlib import Path

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t, t_plural
from journeylens.services import ingest
from journeylens.storage.store import Store
from tests.conftest import shown

from .conftest import count, infos, no_problems

# NPS answers with dates and comments, but no touchpoint column.
NPS_ONLY = (
    b"Response ID,Submitted,NPS,Comment\n"
    b"r1,2026-04-03,9,Helpful\n"
    b"r2,2026-04-13,6,Slow\n"
    b"r3,2026-04-21,10,Quick\n"
)


def _load_file(path: Path, name: str, payload: bytes, workspace: str = "Empty") -> None:
    """Import a file through the importer, as the Data page does, before the app opens the
    database (see tests/app/conftest.py)."""
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, workspace)
        prepared = ingest.prepare(payload, name, store=store)
        ingest.load(store, LOCAL, ws, prepared, prepared.mapping, prepared.kind)


def test_heatmap_of_answers_without_touchpoints_says_what_is_missing(empty_db, app):
    _load_file(empty_db, "nps-only.csv", NPS_ONLY)
    for lang in ("en", "vi", "ro"):
        at = app("heatmap", lang=lang)
        no_problems(at)
        shown = infos(at)
        assert t("empty19.no_touchpoints", lang) in shown, (lang, shown)
        assert t("state.no_match", lang) not in shown
    assert "No data matches" not in " ".join(infos(app("heatmap")))


def _tile(at, label: str):
    """The overview column whose KPI tile is labelled `label`."""
    return next(c for c in at.main.columns if [m.label for m in c.metric] == [label])


def test_overview_tile_of_a_metric_without_answers_says_so(empty_db, app):
    _load_file(empty_db, "nps-only.csv", NPS_ONLY)
    for lang in ("en", "vi", "ro"):
        at = app("overview", lang=lang)
        no_problems(at)
        for metric in ("csat", "ces"):
            tile = _tile(at, t(f"metric.{metric}", lang))
            captions = [c.value for c in tile.caption]
            assert captions == [t(f"empty19.no_answers.{metric}", lang)], (lang, captions)
            assert not any("n = 0" in c for c in captions)
        # NPS has its three answers: n and interval as before.
        nps = [c.value for c in _tile(at, t("metric.nps", lang)).caption]
        assert nps[0].startswith("n = 3 · ")
    assert [c.value for c in _tile(app("overview"), "CES (mean)").caption] == [
        "No CES answers in this data"
    ]


def _upload(at, name: str, payload: bytes):
    at.file_uploader(key="upload_file").set_value((name, payload, "text/csv"))
    return at.run()


def _check(at):
    at.button(key="check_btn").click().run()
    no_problems(at)
    return at


def _datasets() -> int:
    return count("SELECT count(*) FROM datasets")


# A customer id, a date and free text: no score column at all.
ONE_TEXT = b"Customer ID;Date;Opinion;Channel\nc1;2026-04-01;good;web\n"
TWO_TEXTS = b"Customer ID;Date;Opinion;Branch visited\nc1;2026-04-01;good;North\n"
QUESTIONS = [f"Q{i}. What did you think of part {i} of the visit?" for i in range(1, 29)]
LIMESURVEY_LIKE = (
    ";".join(["Customer ID", "Date", *QUESTIONS])
    + "\n"
    + ";".join(["c1", "2026-04-01", *(f"answer {i}" for i in range(1, 29))])
    + "\n"
).encode()


def test_check_of_a_file_without_scores_says_what_it_will_give(empty_db, app):
    for lang, payload, n, words in (
        ("en", ONE_TEXT, 1, "No scores found: 1 column will be kept as extra data"),
        ("ro", ONE_TEXT, 1, "Nu s-au găsit scoruri: 1 coloană va fi păstrată"),
        ("en", TWO_TEXTS, 2, "No scores found: these 2 columns will be kept as extra data"),
        ("ro", TWO_TEXTS, 2, "Nu s-au găsit scoruri: aceste 2 coloane vor fi păstrate"),
        ("vi", TWO_TEXTS, 2, "Không tìm thấy điểm số: 2 cột này sẽ được giữ"),
    ):
        at = _check(_upload(app("data", lang=lang), "no-scores.csv", payload))
        expected = (
            t_plural("empty19.no_scores", n, lang, n=n) + " " + t("empty19.no_scores_map", lang)
        )
        assert expected in infos(at), (lang, infos(at))
        assert words in expected
        assert not at.success and _datasets() == 0  # said at Check, before Load


def test_loaded_message_counts_one_row_in_the_singular(empty_db, app):
    at = _upload(app("data"), "one-row.csv", ONE_TEXT)
    at.button(key="load_btn").click().run()
    assert [shown(s.value) for s in at.success] == [
        "Loaded one-row.csv: 1 row into “Empty”, 0 set aside."
    ]
    at = _upload(app("data", lang="ro"), "un-rand.csv", TWO_TEXTS)
    at.button(key="load_btn").click().run()
    assert [shown(s.value) for s in at.success] == [
        "S-a încărcat un-rand.csv: 1 rând în „Empty”; puse deoparte: 0."
    ]


def test_many_kept_columns_are_listed_in_an_expander(empty_db, app):
    for lang in ("en", "ro"):
        at = _check(_upload(app("data", lang=lang), "limesurvey.csv", LIMESURVEY_LIKE))
        label = t_plural("empty19.kept_columns", 28, lang, n=28)
        boxes = [e for e in at.main.expander if e.label == label]
        assert len(boxes) == 1, [e.label for e in at.main.expander]
        listed = " ".join(m.value for m in boxes[0].markdown).replace("\\", "")
        assert all(q in listed for q in QUESTIONS)
        expected = t_plural("empty19.no_scores", 28, lang, n="28")
        assert expected + " " + t("empty19.no_scores_map", lang) in infos(at)
        assert ("28 de coloane" if lang == "ro" else "these 28 columns") in expected
        assert not [c for c in at.main.caption if QUESTIONS[0] in c.value.replace("\\", "")]


def test_check_of_a_file_already_loaded_says_so_before_load(empty_db, app):
    at = _upload(app("data"), "nps.csv", NPS_ONLY)
    at.button(key="load_btn").click().run()
    no_problems(at)
    assert _datasets() == 1
    for lang, words in (
        ("en", "nps-again.csv was already loaded into this workspace as dataset #"),
        ("ro", "nps-again.csv a fost deja încărcat în acest spațiu de lucru"),
    ):
        at = _upload(app("data", lang=lang), "nps-again.csv", NPS_ONLY)  # same bytes, new name
        at.button(key="check_btn").click().run()
        assert not at.exception
        errors = [shown(e.value) for e in at.error]
        assert len(errors) == 1 and errors[0].startswith(words), errors
        assert "(“nps.csv”" in errors[0] or "(„nps.csv”" in errors[0]
        assert not at.success and _datasets() == 1  # before Load, nothing written


def test_report_kpi_row_of_a_metric_without_answers_says_so(empty_db, app):
    """The whole-dashboard report says "No CES answers in this data" in the CES row, as the
    overview's tile does, instead of a row of dashes and a 0."""
    from journeylens.i18n import Translator
    from journeylens.ui import report
    from journeylens.ui.view import View

    from .conftest import store_of

    _load_file(empty_db, "nps-only.csv", NPS_ONLY)
    no_problems(app())
    store = store_of()
    for lang in ("en", "vi", "ro"):
        view = View(store, Translator(lang), store.require_workspace("Empty"))
        rows = report.sections(view)[0].table.set_index(t("page.metric", lang))
        for metric in ("csat", "ces"):
            row = rows.loc[t(f"metric.{metric}", lang)]
            assert row[t("col.interval", lang)] == t(f"empty19.no_answers.{metric}", lang)
        assert rows.loc[t("metric.nps", lang), t("col.n", lang)] == "3"
