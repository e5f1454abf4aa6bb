"""The breakdowns by persona in the browser, when the workspace defines a persona that overlaps the
demo's four (Northerners: segment = North): the heatmap's columns, the emotion curves and the
funnel's groups are the defined personas, the definition is written under each, in three
languages; the heatmap is shown with a column of the user's file chosen in the sidebar, and both
are kept as screenshots."""

from __future__ import annotations

from urllib.parse import quote

import duckdb
import pandas as pd
import pytest
from playwright.sync_api import expect

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t
from journeylens.services import demo, personas
from journeylens.storage.store import Store

from .conftest import ARTIFACTS, assert_no_exception, main, multiselect_values, open_app, sidebar

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

REGION = "Vùng"
NORTH = ("Northerners", "Live up north", None, None, "segment", "North")
CHART_TEXT = "[data-testid='stVegaLiteChart'] svg text"


def _prepare(path) -> None:
    """The demo plus Northerners, and a region on every answer (a column no field maps to)."""
    with Store(path) as store:
        ws = store.require_workspace(demo.DEMO_WORKSPACE)
        shipped = personas.table(store, ws.workspace_id)
        added = pd.DataFrame([NORTH], columns=list(personas.COLUMNS))
        personas.save(store, LOCAL, ws, pd.concat([shipped, added], ignore_index=True))
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "UPDATE responses SET extra = map([$k], [CASE WHEN segment = 'North' THEN 'Bắc' "
            "ELSE 'Nam' END])",
            {"k": REGION},
        )
    finally:
        con.close()


def _chart_texts(page) -> set[str]:
    return {s.strip() for s in main(page).locator(CHART_TEXT).all_text_contents()}


def test_breakdowns_by_the_defined_personas_in_three_languages(start_server, new_page):
    srv = start_server(prepare=_prepare)
    page = new_page(viewport={"width": 1440, "height": 900})
    names = {*demo.PERSONAS, "Northerners"}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "vi", "ro"):
        note = t("personas16.breakdown_note", lang)
        # the heatmap by persona (its default), under a filter on the file's region column
        region = quote(f"{REGION}=Bắc")
        open_app(page, f"{srv.url}/heatmap?lang={lang}&col={region}", ready=CHART_TEXT)
        assert_no_exception(page)
        expect(main(page).get_by_text(note, exact=True)).to_be_visible()
        # North answers only: Northerners and the demo personas that have northern answers
        assert "Northerners" in _chart_texts(page)
        assert multiselect_values(page, t("extras16.filter", lang)) == [f"{REGION}=Bắc"]
        page.screenshot(path=str(ARTIFACTS / f"heatmap-by-persona-{lang}.png"), full_page=True)
        # the sidebar's filters, scrolled to the file's column
        box = sidebar(page).get_by_role("combobox", name=t("extras16.filter", lang), exact=True)
        box.scroll_into_view_if_needed()
        sidebar(page).screenshot(path=str(ARTIFACTS / f"sidebar-file-column-{lang}.png"))

        # the emotion curves per persona: one line each, named in the legend
        open_app(page, f"{srv.url}/emotion?lang={lang}&lines=persona", ready=CHART_TEXT)
        assert_no_exception(page)
        expect(main(page).get_by_text(note, exact=True)).to_be_visible()
        assert names <= _chart_texts(page)

        # the funnel per persona: each persona's own events
        open_app(page, f"{srv.url}/funnel?lang={lang}&split=persona", ready=CHART_TEXT)
        assert_no_exception(page)
        expect(main(page).get_by_text(note, exact=True)).to_be_visible()
        assert "Northerners" in _chart_texts(page)
