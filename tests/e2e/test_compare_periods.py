"""The period control in a browser: a click puts it in the URL, a hand-written link restores it,
and the caption names both periods in English, Vietnamese and Romanian."""

from urllib.parse import parse_qs, quote, urlparse

import pytest

from .conftest import assert_no_exception, open_app, segmented_pick, wait_text

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

WS = "ws=" + quote("Demo: mortgage journey")


def test_compare_periods_in_the_link_in_three_languages(server, page):
    open_app(page, f"{server.url}/?{WS}", ready='[data-testid="stMetric"]')
    segmented_pick(page, "Compare periods", "This month vs last month")
    wait_text(page, "This month (2026-10-01 – 2026-10-31) compared with last month")
    wait_text(page, "Period before:")
    assert parse_qs(urlparse(page.url).query)["kperiods"] == ["This month vs last month"]

    open_app(page, f"{server.url}/heatmap?{WS}&lang=vi&hperiods=quarter", ready=".vega-embed")
    wait_text(page, "Quý này (01/10/2026 – 31/10/2026) so với cùng quý năm trước (01/10/2025")
    assert parse_qs(urlparse(page.url).query)["hperiods"] == ["Quý này so với cùng quý năm trước"]

    open_app(page, f"{server.url}/?{WS}&lang=ro&kperiods=days30", ready='[data-testid="stMetric"]')
    wait_text(page, "Ultimele 30 de zile (02/10/2026 – 31/10/2026) comparate cu cele 30 de zile")
    wait_text(page, "Perioada dinainte:")
    assert_no_exception(page)
