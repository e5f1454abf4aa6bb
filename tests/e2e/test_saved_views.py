"""Saved views in the browser: an editor saves the heatmap with a persona filter and a breakdown
from the URL; another person (a new browser context) opens the sidebar link and gets the same page,
query and controls, in en, vi and ro (the link keeps the reader's language; the controls saved as
English labels show as the reader's), with who changed the view and when."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import expect

from journeylens.i18n import LANG_NAMES, fmt_date, t

from .conftest import (
    assert_no_exception,
    captions,
    main,
    multiselect_values,
    open_app,
    segmented_value,
    sidebar,
    wait_idle,
    wait_text,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

WS = "ws=" + quote("Demo: mortgage journey")
NAME = "Home movers by channel"
DESCRIPTION = "Effort per channel, for the board"


def filter_caption_text(page) -> str:
    wait_text(page, re.compile(r" · n = "), scope=main(page))
    return " ".join(captions(page))


def test_a_saved_view_reopens_for_another_reader_in_three_languages(start_server, new_page):
    srv = start_server()  # a copy of the demo, no password: local mode, the reader may edit
    editor = new_page()
    open_app(editor, f"{srv.url}/heatmap?{WS}&persona=Home+mover&by=channel", ready=".vega-embed")
    assert multiselect_values(editor, "Persona") == ["Home mover"]
    assert segmented_value(editor, "Columns") == "Channel"
    sidebar(editor).get_by_text("Save this view").click()
    form = sidebar(editor).locator('[data-testid="stForm"]')
    form.get_by_label("Name", exact=True).fill(NAME)
    form.get_by_label("Description", exact=True).fill(DESCRIPTION)
    form.get_by_label("Your name", exact=True).fill("Ana")
    wait_idle(editor)  # a submit clicked while a run is still drawing the form can be lost
    form.get_by_role("button", name="Save view").click()
    wait_idle(editor)
    wait_text(editor, f"Saved the view “{NAME}”.", scope=sidebar(editor))
    saved_query = parse_qs(urlparse(editor.url).query)

    for lang in ("en", "vi", "ro"):
        reader = new_page()  # a different person: no session, only the saved view's link
        open_app(reader, f"{srv.url}/?{WS}&lang={quote(LANG_NAMES[lang])}")
        link = sidebar(reader).get_by_role("link", name=NAME)
        when = fmt_date(date.today(), lang)
        wait_text(
            reader, t("views16.changed_by", lang, who="Ana", date=when), scope=sidebar(reader)
        )
        link.click()
        reader.wait_for_url(re.compile(r"/heatmap\?"))
        reader.wait_for_selector('[data-testid="stMain"] .vega-embed')
        wait_idle(reader)
        expect(main(reader).locator("h1").first).to_have_text(t("heatmappage.title", lang))
        query = parse_qs(urlparse(reader.url).query)
        # the reader's language, not the editor's (English, the default, may leave the address;
        # Streamlit's page change appends the sidebar's bound parameters, so it may stand twice)
        assert set(query.get("lang", [LANG_NAMES["en"]])) == {LANG_NAMES[lang]}
        assert "view" not in query  # the link's one-run marker is gone: a copy is a plain link
        assert saved_query["persona"] == ["Home mover"]
        assert saved_query["by"] == ["Channel"]
        # the filter the view saved is the one applied (the address may lag: see the report)
        assert f"{t('filter.persona', lang)}: Home mover" in filter_caption_text(reader)
        assert multiselect_values(reader, t("filter.persona", lang)) == ["Home mover"]
        # the view keeps page controls as the saver's labels ("by=Channel"): a reader in any
        # language gets them as their own label
        expected = t("page.by.channel", lang)
        assert segmented_value(reader, t("page.breakdown", lang)) == expected
        assert_no_exception(reader)
