"""The Personas page in the browser: a link to it opens the demo's personas in each language, with
their rules, and the persona filter the link carries still set."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from journeylens.i18n import LANG_NAMES, t

from .conftest import assert_no_exception, dataframe, main, multiselect_values, open_app

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


def test_personas_page_from_a_link_in_three_languages(server, page):
    for lang in ("en", "vi", "ro"):
        link = f"{server.url}/personas?lang={quote(LANG_NAMES[lang])}&persona=Remortgager"
        open_app(page, link, ready='[data-testid="stDataFrame"]')
        expect(main(page).locator("h1").first).to_have_text(t("personas16.title", lang))
        grid = dataframe(page, t("personas16.col.name", lang))
        expect(grid).to_be_visible()
        text = grid.locator('table[role="grid"]').first.text_content() or ""
        assert "Buy-to-let investor" in text
        assert "A landlord financing a rental property." in text
        # the rule beside the name, headed in the language (its cells are drawn on the canvas
        # from the selectbox's labels; the accessible table behind it holds the stored values)
        assert t("personas16.col.rule_column", lang) in text
        assert t("personas16.col.rule_value", lang) in text
        assert multiselect_values(page, t("filter.persona", lang)) == ["Remortgager"]
        assert_no_exception(page)
