"""First start on an empty database: the demo is installed and every page renders."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import (
    assert_no_exception,
    main,
    metric_value,
    nav_labels,
    nav_to,
    open_app,
    parse_number,
    sidebar,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

CHART = ".vega-embed canvas, .vega-embed svg"
CHART_PAGES = ("Journey map", "Funnel", "Emotion curve", "Heatmap")


def test_first_start_installs_demo_and_every_page_renders(start_server, page):
    srv = start_server(db="empty")  # no database file yet, JOURNEYLENS_NO_DEMO unset
    assert "JOURNEYLENS_NO_DEMO" not in srv.env

    open_app(page, srv.url + "/", ready='[data-testid="stMetric"]', timeout=90_000)
    assert srv.db.exists()  # created by the first run
    expect(sidebar(page).get_by_role("combobox", name="Workspace")).to_have_value(
        "Demo: mortgage journey"
    )
    expect(main(page).locator("h1").first).to_have_text("Overview")
    for label in ("NPS", "CSAT %", "CES (mean)"):
        value = parse_number(metric_value(page, label))
        if label == "NPS":
            assert -100 <= value <= 100, value
        elif label == "CSAT %":
            assert 0 <= value <= 100, value
        else:
            assert 1 <= value <= 7, value
    expect(main(page).locator(CHART).first).to_be_visible()
    assert_no_exception(page)

    assert nav_labels(page) == [
        "Overview", "Journey map", "Personas", "Funnel", "Emotion curve", "Heatmap", "Comments",
        "Fix first", "Alerts", "Paths", "Attribution", "Comment themes", "Data",
    ]  # fmt: skip
    for title in CHART_PAGES:
        nav_to(page, title)
        expect(main(page).locator(CHART).first).to_be_visible()
        assert_no_exception(page)
        assert re.search(r"n = [\d\u202f,]+", main(page).inner_text()), f"no n caption on {title}"

    nav_to(page, "Comments")
    expect(main(page).locator('[data-testid="stDataFrame"]').first).to_be_visible()
    expect(
        main(page).get_by_text(re.compile(r"[\d,]+ comments match · page 1 of \d+"))
    ).to_be_visible()
    assert_no_exception(page)

    nav_to(page, "Data")
    expect(main(page).locator('[data-testid="stFileUploader"]')).to_be_visible()
    expect(main(page).get_by_text("Datasets in this workspace")).to_be_visible()
    assert_no_exception(page)

    nav_to(page, "Overview")
    expect(main(page).locator('[data-testid="stMetric"]')).to_have_count(3)
    assert_no_exception(page)
