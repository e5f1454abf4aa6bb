"""View state in the URL: filters change the numbers, links reproduce views, cold deep links."""

import re
from urllib.parse import parse_qs, quote, urlparse

import duckdb
import pytest
from playwright.sync_api import expect

from .conftest import (
    assert_no_exception,
    filter_caption,
    main,
    metric_value,
    multiselect_pick,
    multiselect_values,
    nav_labels,
    open_app,
    segmented_pick,
    segmented_value,
    sidebar,
    wait_idle,
    wait_text,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

DEMO = "Demo: mortgage journey"
WS = "ws=" + quote(DEMO)
CHART = ".vega-embed canvas, .vega-embed svg"


def expected_nps(db_path, persona: str | None = None) -> tuple[float, int]:
    """NPS = % promoters (9–10) − % detractors (0–6) over non-blank answers, straight from DuckDB."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        where = "WHERE w.name = ? AND r.nps IS NOT NULL"
        params: list[object] = [DEMO]
        if persona:
            where += " AND r.persona = ?"
            params.append(persona)
        promoters, detractors, n = con.execute(
            "SELECT count_if(r.nps >= 9), count_if(r.nps <= 6), count(*) "
            "FROM responses r JOIN workspaces w USING (workspace_id) " + where,
            params,
        ).fetchall()[0]
    finally:
        con.close()
    return 100.0 * promoters / n - 100.0 * detractors / n, n


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def test_persona_filter_changes_nps_to_duckdb_value(server, demo_db, page):
    all_nps, _ = expected_nps(demo_db)
    ftb_nps, ftb_n = expected_nps(demo_db, "First-time buyer")
    assert f"{all_nps:.1f}" != f"{ftb_nps:.1f}"  # otherwise the test proves nothing

    open_app(page, f"{server.url}/?{WS}", ready='[data-testid="stMetric"]')
    assert metric_value(page, "NPS") == f"{all_nps:.1f}"

    multiselect_pick(page, "Persona", "First-time buyer")
    expect(page).to_have_url(re.compile(r"[?&]persona=First-time(\+|%20)buyer(&|$)"))
    expect(main(page).locator('[data-testid="stMetric"]').first).to_contain_text(f"{ftb_nps:.1f}")
    assert metric_value(page, "NPS") == f"{ftb_nps:.1f}"
    assert f"n = {ftb_n:,} ·" in main(page).inner_text()  # the NPS tile's own n
    assert "Persona: First-time buyer" in filter_caption(page)
    assert_no_exception(page)


def test_share_link_reopens_same_view_in_new_context(server, new_page):
    page = new_page()
    open_app(page, f"{server.url}/heatmap?{WS}", ready=".vega-embed")
    multiselect_pick(page, "Persona", "Home mover")
    segmented_pick(page, "Metric", "CSAT %")
    expect(main(page).get_by_text(re.compile(r"^CSAT % = "))).to_be_visible()
    caption = filter_caption(page)
    assert "Persona: Home mover" in caption
    link = page.url
    assert query(link)["persona"] == ["Home mover"]
    assert "metric" in query(link)

    other = new_page()  # a new browser context: no shared session, only the link
    open_app(other, link, ready=".vega-embed")
    expect(main(other).locator("h1").first).to_have_text("Heatmap")
    assert urlparse(other.url).path == "/heatmap"
    assert multiselect_values(other, "Persona") == ["Home mover"]
    assert segmented_value(other, "Metric") == "CSAT %"
    expect(main(other).locator(CHART).first).to_be_visible()
    assert filter_caption(other) == caption
    expect(main(other).get_by_text(re.compile(r"^CSAT % = "))).to_be_visible()
    assert_no_exception(other)


def test_hand_written_metric_link_is_honoured(server, page):
    open_app(page, f"{server.url}/heatmap?{WS}&metric=csat&by=segment", ready=".vega-embed")
    assert segmented_value(page, "Metric") == "CSAT %"
    assert segmented_value(page, "Columns") == "Segment"
    wait_text(page, "CSAT % = share of answers 4–5", scope=main(page))  # under the heatmap


def test_cold_deep_link_renders_through_app(start_server, page):
    srv = start_server()  # fresh: this page load is the server's first script run
    page.goto(srv.url + "/funnel?persona=Home%20mover")
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"] '
        + CHART.split(",")[0]
        + ', [data-testid="stApp"][data-test-script-state="notRunning"] .vega-embed svg',
        timeout=90_000,
    )
    expect(main(page).locator("h1").first).to_have_text("Funnel")
    assert urlparse(page.url).path == "/funnel"
    side = sidebar(page)
    expect(side.get_by_role("combobox", name="Language", exact=True)).to_have_value("English")
    expect(side.get_by_role("combobox", name="Workspace", exact=True)).to_have_value(DEMO)
    assert nav_labels(page) == [
        "Overview", "Journey map", "Personas", "Funnel", "Emotion curve", "Heatmap", "Comments",
        "Fix first", "Alerts", "Paths", "Attribution", "Comment themes", "Data",
    ]  # fmt: skip
    assert multiselect_values(page, "Persona") == ["Home mover"]
    assert query(page.url)["persona"] == ["Home mover"]
    assert "Persona: Home mover" in filter_caption(page)
    expect(main(page).locator(CHART).first).to_be_visible()
    assert_no_exception(page)


@pytest.mark.parametrize(
    ("link_lang", "language", "h1", "metric"),
    [
        ("vi", "Tiếng Việt", "Bản đồ nhiệt", "csat"),
        ("ro", "Română", "Hartă termică", "ces"),
    ],
)
def test_hand_written_codes_stay_in_the_link(server, new_page, link_lang, language, h1, metric):
    """A link typed as `?lang=vi&metric=csat` keeps both in the address bar, so the link copied
    from it opens the same view, in the same language, in a new browser."""
    page = new_page()
    open_app(
        page, f"{server.url}/heatmap?{WS}&lang={link_lang}&metric={metric}", ready=".vega-embed"
    )
    expect(main(page).locator("h1").first).to_have_text(h1)
    expect(page).to_have_url(re.compile(r"[?&]lang="))
    expect(page).to_have_url(re.compile(r"[?&]metric="))
    shown_metric = segmented_value(page, {"vi": "Chỉ số", "ro": "Indicator"}[link_lang])
    copied = page.url
    assert query(copied)["lang"] in ([link_lang], [language])

    other = new_page()  # a new browser context: only the copied link
    open_app(other, copied, ready=".vega-embed")
    expect(main(other).locator("h1").first).to_have_text(h1)
    expect(
        sidebar(other).get_by_role(
            "combobox", name={"vi": "Ngôn ngữ", "ro": "Limba"}[link_lang], exact=True
        )
    ).to_have_value(language)
    assert segmented_value(other, {"vi": "Chỉ số", "ro": "Indicator"}[link_lang]) == shown_metric
    assert_no_exception(other)


def test_overview_is_served_at_its_own_path(server, page):
    """`/overview` typed by hand is the overview, not "Page not found" over it."""
    open_app(page, f"{server.url}/overview?{WS}", ready='[data-testid="stMetric"]')
    expect(main(page).locator("h1").first).to_have_text("Overview")
    wait_idle(page)
    assert "not found" not in page.inner_text("body").lower()
    assert urlparse(page.url).path == "/overview"
    assert_no_exception(page)
