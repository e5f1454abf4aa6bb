"""Downloads: chart PNG, comments CSV, and the one-file HTML report that opens offline."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from .conftest import (
    assert_no_exception,
    dataframe,
    dataframe_row_count,
    main,
    nav_to,
    open_app,
    parse_number,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def download(page, button, tmp_path):
    with page.expect_download(timeout=60_000) as info:
        button.click()
    dl = info.value
    path = tmp_path / dl.suggested_filename
    dl.save_as(path)
    return dl.suggested_filename, path.read_bytes(), path


def download_button(page, label: str):
    return (
        main(page)
        .locator('[data-testid="stDownloadButton"]')
        .filter(has_text=re.compile(rf"{re.escape(label)}\s*$"))
        .first.get_by_role("button")
    )


def test_chart_png_comments_csv_and_offline_report(server, new_page, tmp_path):
    page = new_page()
    open_app(page, server.url + "/", ready=".vega-embed")

    # PNG under the trend chart.
    trend_png = download_button(page, "PNG")
    name, data, _ = download(page, trend_png, tmp_path)
    assert re.fullmatch(r"demo-mortgage-journey-trend-nps-\d{4}-\d{2}-\d{2}\.png", name), name
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 1024, len(data)

    # The HTML report: Vega inlined, no external scripts.
    report_button = download_button(page, "HTML report")
    name, data, report_path = download(page, report_button, tmp_path)
    assert name.endswith(".html")
    html = data.decode("utf-8")
    assert "vegaEmbed(" in html
    assert re.search(r"<script[^>]+src=", html) is None, "the report loads a script from elsewhere"
    assert re.search(r"https?://[^\"' ]*(cdn|jsdelivr|unpkg)", html) is None
    assert len(html) > 200_000  # the Vega, Vega-Lite and vega-embed bundles are inside

    offline = new_page(offline=True)
    offline.goto(report_path.as_uri())
    chart = offline.locator("#chart0 svg").first
    expect(chart).to_be_visible(timeout=30_000)
    assert offline.locator("#chart0 svg path, #chart0 svg line").count() > 5
    expect(offline.locator("h1")).to_contain_text("JourneyLens report: Demo: mortgage journey")

    # Comments: the CSV holds every matching comment.
    nav_to(page, "Comments")
    total_text = main(page).get_by_text(re.compile(r"comments match · page 1 of \d+")).inner_text()
    total = int(parse_number(total_text.split(" comments match")[0]))
    assert total > 0
    table = dataframe(page, "Comment")
    assert dataframe_row_count(table) == min(total, 50)
    csv_button = download_button(page, "Download the matching comments (CSV)")
    name, data, _ = download(page, csv_button, tmp_path)
    assert name == "comments.csv"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert "comment" in [h.lower() for h in header], header
    assert "touchpoint" in [h.lower() for h in header], header
    assert len(body) == min(total, 200_000)
    assert all(len(r) == len(header) for r in body)
    assert_no_exception(page)
