"""The Funnel page's conversion over time and time to convert in the browser (issue 16): both
charts drawn in English, Vietnamese and Romanian, the time to convert as journeylens computes it on
the demo, and the week/month control written to the link."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import expect

from journeylens.domain.filters import Filters
from journeylens.i18n import LANG_NAMES, Translator, t
from journeylens.services import funnel
from journeylens.storage.store import Store
from journeylens.ui.format import duration

from .conftest import (
    assert_no_exception,
    dataframe,
    dataframe_text,
    main,
    open_app,
    segmented_pick,
)
from .test_languages import pick_language

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

DEMO = "Demo: mortgage journey"
CHART = ".vega-embed"


def test_funnel_over_time_and_time_to_convert_in_three_languages(server, page, demo_db):
    with Store(demo_db, read_only=True) as store:
        ws = store.require_workspace(DEMO)
        cur = store.cursor()
        spec = funnel.FunnelSpec(tuple(funnel.default_steps(cur, ws.workspace_id)))
        whole = funnel.time_to_convert(cur, ws.workspace_id, Filters(), spec).iloc[-1]
    open_app(page, f"{server.url}/funnel?ws={quote(DEMO)}", ready=CHART)
    for lang in ("en", "vi", "ro"):
        if lang != "en":  # a rerun in the same session, not a new page load
            pick_language(page, LANG_NAMES[lang])
            expect(main(page).locator("h1").first).to_have_text(t("funnelpage.title", lang))
        body = main(page)
        for key in ("funnel16.over_time.title", "funnel16.time.title"):
            expect(body.get_by_role("heading", name=t(key, lang))).to_be_visible()
        expect(body.locator(CHART)).to_have_count(3)  # the funnel, over time, time to convert
        for chart in body.locator(CHART).all()[1:]:
            chart.scroll_into_view_if_needed()
            expect(chart.locator("canvas, svg").first).to_be_visible()
        table = dataframe(page, t("funnel16.col.p90", lang))
        text = dataframe_text(table)
        tr = Translator(lang)
        assert duration(tr, whole["median"]) in text and duration(tr, whole["p90"]) in text, text
        assert_no_exception(page)
    segmented_pick(page, t("overview.grain", "ro"), t("overview.grain.week", "ro"))
    assert parse_qs(urlparse(page.url).query).get("fgrain") == [t("overview.grain.week", "ro")]
    expect(main(page).locator(CHART)).to_have_count(3)
    assert_no_exception(page)
