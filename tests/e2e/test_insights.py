"""Fix first and Alerts in a real browser: three languages, a shared link in a new context, a
cold deep link, the exports (CSV, PNG, HTML report) and the overview's links."""

import csv
import io
import re
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import expect

from journeylens.domain.filters import Filters
from journeylens.i18n import Translator
from journeylens.services import demo
from journeylens.services.insights import alerts, drivers, words
from journeylens.storage.store import Store

from .conftest import (
    assert_no_exception,
    main,
    multiselect_pick,
    multiselect_values,
    nav_labels,
    open_app,
    segmented_pick,
    segmented_value,
    sidebar,
    wait_idle,
)
from .test_exports import PNG_SIGNATURE, download, download_button

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

WS = "ws=" + quote(demo.DEMO_WORKSPACE)
CHART = ".vega-embed canvas, .vega-embed svg"
TITLE = {"en": "Fix first", "vi": "Ưu tiên khắc phục", "ro": "De rezolvat întâi"}
ALERTS = {"en": "Alerts", "vi": "Cảnh báo", "ro": "Alerte"}


def expected(demo_db, persona: str | None = None, **spec):
    """The model as the package computes it on the same data (the file no server opened)."""
    with Store(demo_db, read_only=True) as st:
        ws = st.require_workspace(demo.DEMO_WORKSPACE)
        cur = st.cursor()
        filters = Filters(personas=(persona,)) if persona else Filters()
        result = drivers.run(cur, ws, filters, drivers.resolve(drivers.options(cur, ws), **spec))
        found = alerts.run(cur, ws, Filters(), alerts.AlertSpec())
    return result, found


def text_of(page) -> str:
    return main(page).inner_text()


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_fix_first_in_each_language(server, demo_db, page, lang):
    result, _ = expected(demo_db)
    t = Translator(lang)
    open_app(page, f"{server.url}/fix_first?{WS}&lang={lang}", ready=".vega-embed")
    expect(main(page).locator("h1").first).to_have_text(TITLE[lang])
    body = text_of(page)
    assert words.drivers_summary(result, t) in body
    first = words.driver_lines(result, t)[0]
    assert first in body  # numbers in the language's format, e.g. 1.361 in vi and ro
    assert first.startswith(f"{demo.CALL}: CSAT")
    assert main(page).locator(CHART).count() >= 2  # the priority matrix and the bars
    assert t("ins.noise_note") in body
    assert_no_exception(page)


def test_share_link_reopens_the_same_fix_first_view(server, demo_db, new_page):
    page = new_page()
    open_app(page, f"{server.url}/fix_first?{WS}", ready=".vega-embed")
    multiselect_pick(page, "Persona", "Home mover")
    segmented_pick(page, "Outcome", "Conversion")
    result, _ = expected(demo_db, "Home mover", outcome="conversion")
    summary = words.drivers_summary(result, Translator("en"))
    expect(main(page).get_by_text(summary)).to_be_visible()
    link = page.url
    assert "outcome=" in link and "persona=" in link

    other = new_page()  # a new context: only the link is shared
    open_app(other, link, ready=".vega-embed")
    assert urlparse(other.url).path == "/fix_first"
    assert multiselect_values(other, "Persona") == ["Home mover"]
    assert segmented_value(other, "Outcome") == "Conversion"
    expect(main(other).get_by_text(summary)).to_be_visible()
    assert words.driver_lines(result, Translator("en"))[0] in text_of(other)
    assert_no_exception(other)


def test_cold_deep_link_to_fix_first(start_server, demo_db, page):
    srv = start_server()  # this request is the fresh server's first script run
    page.goto(f"{srv.url}/fix_first?outcome=conversion&lang=vi")
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"] .vega-embed', timeout=120_000
    )
    expect(main(page).locator("h1").first).to_have_text(TITLE["vi"])
    assert TITLE["vi"] in nav_labels(page) and ALERTS["vi"] in nav_labels(page)
    expect(
        sidebar(page).get_by_role("combobox", name="Không gian làm việc", exact=True)
    ).to_be_visible()
    result, _ = expected(demo_db, outcome="conversion")
    expect(main(page).get_by_text(words.drivers_summary(result, Translator("vi")))).to_be_visible()
    assert_no_exception(page)


def test_fix_first_exports(server, demo_db, new_page, tmp_path):
    result, _ = expected(demo_db)
    page = new_page()
    open_app(page, f"{server.url}/fix_first?{WS}", ready=".vega-embed")
    name, data, _ = download(page, download_button(page, "PNG"), tmp_path)
    assert re.fullmatch(r"demo-mortgage-journey-priority-matrix-\d{4}-\d{2}-\d{2}\.png", name), name
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5000
    name, data, _ = download(page, download_button(page, "CSV"), tmp_path)
    assert name == "fix-first.csv"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["Touchpoint or question"] for r in rows] == result.drivers["driver"].tolist()
    assert rows[0]["Quadrant"] == "Fix first"
    assert rows[0]["In words"] == words.driver_lines(result, Translator("en"))[0]
    name, data, _ = download(page, download_button(page, "HTML report"), tmp_path)
    html = data.decode("utf-8")
    assert "Priority matrix: importance against performance" in html and "vegaEmbed(" in html
    assert demo.CALL in html


def test_alerts_page_and_overview_links(server, demo_db, page):
    _, found = expected(demo_db)
    t = Translator("en")
    open_app(page, f"{server.url}/?{WS}", ready='[data-testid="stMetric"]')
    body = text_of(page)
    assert "Fix first: the top touchpoints" in body
    result, _ = expected(demo_db)
    top = result.drivers.iloc[0]
    assert (  # a numbered list: the number is the list's marker, not text
        f"{demo.CALL}: {words.pct(t, top['importance'])} of the explained variance of NPS at "
        f"{demo.FINAL}; {words.perf_phrase(top.to_dict(), 'csat', t)}"
    ) in body
    summary = words.alerts_summary(found, t)
    assert summary in body
    main(page).get_by_role("link", name="See the alerts").click()
    page.wait_for_function(
        "(t) => [...document.querySelectorAll('[data-testid=stMain] h1')]"
        ".some(h => h.innerText.trim() === t)",
        arg=ALERTS["en"],
    )
    expect(main(page).locator(".vega-embed")).to_have_count(found.count)  # one trend per alert
    wait_idle(page)
    assert urlparse(page.url).path == "/alerts"
    body = text_of(page)
    assert summary in body
    for line in words.alert_lines(found, t):
        assert line in body
    assert_no_exception(page)


def test_whole_dashboard_report_includes_fix_first_and_alerts(server, demo_db, page, tmp_path):
    result, found = expected(demo_db)
    open_app(page, f"{server.url}/?{WS}", ready='[data-testid="stMetric"]')
    sidebar(page).get_by_text("Report of the whole dashboard").click()
    button = (
        sidebar(page)
        .locator('[data-testid="stDownloadButton"]')
        .filter(has_text="HTML report")
        .first.get_by_role("button")
    )
    _name, data, _ = download(page, button, tmp_path)
    html = data.decode("utf-8")
    assert "<h2>Fix first</h2>" in html and "<h2>Alerts</h2>" in html
    assert words.drivers_summary(result, Translator("en")).split(" (")[0] in html
    assert words.alerts_summary(found, Translator("en")) in html
