"""Every page renders without an exception or an error box: on the demo, on an empty workspace and
under filters that match nothing."""

from __future__ import annotations

import re

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t

from .conftest import DEMO_WS, PAGES, count, infos, no_problems

CHART = "vega_lite_chart"  # what AppTest calls an st.altair_chart element

# page -> (title key, needs a chart on the demo, needs a dataframe on the demo)
MAIN_CONTENT = {
    "overview": ("overview.title", True, True),
    "journey": ("journeypage.title", True, True),
    "personas": ("personas16.title", False, False),
    "funnel": ("funnelpage.title", True, True),
    "emotion": ("emotionpage.title", True, False),
    "heatmap": ("heatmappage.title", True, False),
    "comments": ("commentspage.title", False, True),
    "fix_first": ("fixpage.title", True, True),
    "alerts": ("alertspage.title", True, True),
    "paths": ("pathspage.title", True, True),
    "attribution": ("attributionpage.title", True, True),
    "themes": ("themespage.title", True, True),
    "data": ("data.title", False, True),
}


@pytest.mark.parametrize("page", PAGES)
def test_page_on_demo_data(db, app, page):
    at = app(page)
    no_problems(at)
    title_key, chart, frame = MAIN_CONTENT[page]
    assert at.title[0].value == t(title_key)
    assert not at.warning
    if chart:
        assert len(at.get(CHART)) >= 1, f"{page} shows no chart"
    if frame:
        assert len(at.dataframe) >= 1, f"{page} shows no table"
        assert len(at.dataframe[0].value) > 0


def test_overview_tiles_on_demo(db, app):
    at = app()
    tiles = {m.label: m.value for m in at.metric}
    assert list(tiles) == [t("metric.nps"), t("metric.csat"), t("metric.ces")]
    for label, value in tiles.items():
        assert re.fullmatch(r"-?\d+\.\d+", value), f"{label} tile shows {value!r}"
    assert -100 <= float(tiles["NPS"]) <= 100
    assert 0 <= float(tiles["CSAT %"]) <= 100
    assert 1 <= float(tiles["CES (mean)"]) <= 7


def test_comments_table_on_demo(db, app):
    at = app("comments")
    assert len(at.dataframe[0].value) == 50  # one page of comments
    total = count("SELECT count(*) FROM responses WHERE trim(comment) <> ''")
    pages = -(-total // 50)
    assert t("commentspage.total", total=f"{total:,}", page=1, pages=pages) in [
        c.value for c in at.main.caption
    ]


@pytest.mark.parametrize("page", PAGES)
def test_page_on_empty_workspace(empty_db, app, page):
    at = app(page)
    no_problems(at)
    assert not at.get(CHART)
    if page == "data":  # the Data page is where the upload starts: no empty-state box there
        assert len(at.file_uploader) == 1
        assert t("data.no_datasets") in [c.value for c in at.caption]
    else:
        assert t("state.empty_workspace") in infos(at)
        assert not at.metric


# Stage "Ownership" starts months after the first days of the demo: nothing matches both.
NOTHING = {"stage": "Ownership", "dates": ["2025-05-01", "2025-05-02"]}


@pytest.mark.parametrize(
    "page",
    [
        "overview",
        "journey",
        "funnel",
        "emotion",
        "heatmap",
        "fix_first",
        "paths",
        "attribution",
        "themes",
    ],
)
def test_page_with_filters_matching_nothing(db, app, page):
    at = app(page, **NOTHING)
    no_problems(at)
    assert at.multiselect(key="stage").value == ["Ownership"]
    assert t("state.no_match") in infos(at)
    assert not at.get(CHART)
    assert not at.metric


def test_comments_with_filters_matching_nothing(db, app):
    at = app("comments", **NOTHING)
    no_problems(at)
    # The comments page has its own wording for "nothing found".
    assert t("commentspage.none") in infos(at)
    assert not at.dataframe


def test_data_page_ignores_view_filters(db, app):
    at = app("data", **NOTHING)
    no_problems(at)
    assert len(at.file_uploader) == 1
    assert len(at.dataframe[0].value) >= 1  # the demo's datasets are still listed


@pytest.mark.parametrize("page", PAGES)
def test_cold_deep_link_goes_through_the_frame(db, app, page):
    """AppTest's own runs are cold starts (a fresh server's first request): the page guard must
    still bring the sidebar, the filters and the page content."""
    at = app(page, cold=True, persona="Home mover")
    no_problems(at)
    assert at.title[0].value == t(MAIN_CONTENT[page][0])
    assert at.selectbox(key="ws").value == DEMO_WS
    assert at.multiselect(key="persona").value == ["Home mover"]


def test_whole_dashboard_report_is_offered(db, app):
    at = app()
    no_problems(at)
    labels = [b.label for b in at.sidebar.get("download_button")]
    assert t("export.report") in labels and t("export.pdf") in labels


@pytest.fixture
def surveys_only_db(tmp_path, monkeypatch):
    """Two survey files and no journey definition, no touchpoint log."""
    import pandas as pd

    from journeylens.services import ingest
    from journeylens.storage.store import Store

    path = tmp_path / "surveys.duckdb"
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, "Surveys")
        for name, touchpoints in (
            ("first.csv", ["Onboarding", "Branch"]),
            ("second.csv", ["Appraisal"]),
        ):
            answers = pd.DataFrame(
                {
                    "touchpoint": touchpoints * 20,
                    "submitted_at": pd.Timestamp("2025-03-01"),
                    "nps": 9,
                }
            )
            ingest.load_dataframe(store, LOCAL, ws, answers, "responses", name)
    monkeypatch.setenv("JOURNEYLENS_DB", str(path))
    monkeypatch.setenv("JOURNEYLENS_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.setenv("JOURNEYLENS_NO_DEMO", "1")
    monkeypatch.delenv("JOURNEYLENS_EDITOR_PASSWORD", raising=False)
    return path


@pytest.mark.parametrize("page", ["journey", "emotion"])
def test_without_a_definition_the_page_says_where_the_order_comes_from(surveys_only_db, app, page):
    at = app(page)
    no_problems(at)
    assert t("order.answers") in [c.value for c in at.main.caption]


def test_with_a_definition_no_order_note(db, app):
    at = app("journey")
    assert not {t("order.answers"), t("order.events")} & {c.value for c in at.main.caption}


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_report_kpi_table_names_the_metric_then_its_value(db, app, lang):
    """The whole-dashboard report's KPI table: 'Metric' over NPS / CSAT / CES, 'Value' over the
    numbers (the headers were swapped)."""
    from journeylens.i18n import Translator
    from journeylens.ui import report
    from journeylens.ui.view import View

    from .conftest import store_of

    no_problems(app())
    store = store_of()
    tr = Translator(lang)
    kpi = report.sections(View(store, tr, store.require_workspace(DEMO_WS)))[0].table
    assert list(kpi.columns[:2]) == [t("page.metric", lang), t("col.value", lang)]
    assert list(kpi.iloc[:, 0]) == [t(f"metric.{m}", lang) for m in ("nps", "csat", "ces")]
    assert all(any(ch.isdigit() for ch in v) for v in kpi.iloc[:, 1])


@pytest.mark.parametrize("lang", ["vi", "ro"])  # en is the catalogue the others mirror
def test_report_funnel_table_has_headers_in_words(db, app, lang):
    """The report's funnel table is headed as the Funnel page heads it, in the UI language (it
    showed the DataFrame's `step, touchpoint, count, dropoff`), and a missing cell is a dash."""
    from journeylens.i18n import Translator
    from journeylens.services import export
    from journeylens.ui import report
    from journeylens.ui.view import View

    from .conftest import store_of

    no_problems(app())
    store = store_of()
    parts = report.sections(View(store, Translator(lang), store.require_workspace(DEMO_WS)))
    (funnel,) = [s for s in parts if s.title == t("funnelpage.title", lang)]
    headers = ["fcol.step", "field.touchpoint", "fcol.customers", "fcol.dropoff"]
    assert list(funnel.table.columns) == [t(k, lang) for k in headers]
    html = export.report_html(export.Report("T", "all", sections=parts))
    assert "<td>None</td>" not in html and "<td>NaN</td>" not in html


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_report_heatmap_by_persona_says_what_its_columns_hold(db, app, lang):
    """The demo defines its personas: the report's heatmap by persona carries the definition."""
    from journeylens.i18n import Translator
    from journeylens.services import dashboards
    from journeylens.ui import report
    from journeylens.ui.view import View

    from .conftest import store_of

    no_problems(app())
    store = store_of()
    ws = store.require_workspace(DEMO_WS)
    cur = store.cursor()
    options = dashboards.filter_options(cur, ws.workspace_id)
    cur.close()
    sections = report.sections(View(store, Translator(lang), ws, options=options))
    (heatmap,) = [s for s in sections if s.title == t("heatmappage.title", lang)]
    assert heatmap.caption == t("personas16.breakdown_note", lang)
