"""The language selector: English → Tiếng Việt → Română, kept in the URL across a reload."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from .conftest import (
    assert_no_exception,
    main,
    metric_value,
    nav_labels,
    open_app,
    sidebar,
    wait_idle,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

NAV = {
    "en": ["Overview", "Journey map", "Personas", "Funnel", "Emotion curve", "Heatmap",
           "Comments", "Fix first", "Alerts", "Paths", "Attribution", "Comment themes", "Data"],
    "vi": ["Tổng quan", "Bản đồ hành trình", "Chân dung khách hàng", "Phễu chuyển đổi",
           "Đường cảm xúc", "Bản đồ nhiệt", "Bình luận", "Ưu tiên khắc phục", "Cảnh báo",
           "Lộ trình", "Phân bổ chuyển đổi", "Chủ đề bình luận", "Dữ liệu"],
    "ro": ["Prezentare generală", "Harta călătoriei", "Profiluri de clienți", "Pâlnie",
           "Curba emoțiilor", "Hartă termică", "Comentarii", "De rezolvat întâi", "Alerte",
           "Trasee", "Atribuire", "Teme din comentarii", "Date"],
}  # fmt: skip
LANGUAGE_LABEL = {"en": "Language", "vi": "Ngôn ngữ", "ro": "Limba"}


def language_box(page):
    """The language selectbox, found by position: its label is translated, so it is found by position."""
    return sidebar(page).locator('[data-testid="stSelectbox"]').first.get_by_role("combobox")


def pick_language(page, name: str) -> None:
    language_box(page).click()
    page.get_by_role("listbox").get_by_role("option", name=name, exact=True).click()
    wait_idle(page)


def reload(page) -> None:
    page.reload()
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"] h1')
    wait_idle(page)


def test_language_switch_survives_reload(server, page):
    open_app(page, server.url + "/", ready='[data-testid="stMetric"]')
    assert nav_labels(page) == NAV["en"]
    nps_en = metric_value(page, "NPS")
    assert re.fullmatch(r"-?\d+\.\d", nps_en), nps_en

    pick_language(page, "Tiếng Việt")
    expect(main(page).locator("h1").first).to_have_text("Tổng quan")
    assert nav_labels(page) == NAV["vi"]
    assert "lang" in parse_qs(urlparse(page.url).query)
    assert metric_value(page, "NPS") == nps_en.replace(".", ",")  # decimal comma in vi
    reload(page)
    assert nav_labels(page) == NAV["vi"]
    expect(language_box(page)).to_have_value("Tiếng Việt")

    pick_language(page, "Română")
    expect(main(page).locator("h1").first).to_have_text("Prezentare generală")
    assert nav_labels(page) == NAV["ro"]
    reload(page)
    assert nav_labels(page) == NAV["ro"]
    expect(main(page).locator("h1").first).to_have_text("Prezentare generală")
    assert "lang" in parse_qs(urlparse(page.url).query)
    expect(language_box(page)).to_have_value("Română")
    assert metric_value(page, "NPS") == nps_en.replace(".", ",")
    assert_no_exception(page)


def test_language_switch_shows_no_reset_notice(server, page):
    """Switching language must not flag the new lang= value as an invalid link value."""
    open_app(page, server.url + "/", ready='[data-testid="stMetric"]')
    pick_language(page, "Tiếng Việt")
    expect(main(page).locator("h1").first).to_have_text("Tổng quan")
    assert parse_qs(urlparse(page.url).query).get("lang") in (["vi"], ["Tiếng Việt"])
    reload(page)
    expect(main(page).locator("h1").first).to_have_text("Tổng quan")
    expect(main(page).get_by_text("Một số giá trị trong liên kết không còn hợp lệ")).to_have_count(
        0
    )


def test_language_label_translated_after_reload(server, page):
    open_app(page, server.url + "/", ready='[data-testid="stMetric"]')
    pick_language(page, "Tiếng Việt")
    reload(page)
    expect(sidebar(page).get_by_role("combobox", name=LANGUAGE_LABEL["vi"])).to_have_value(
        "Tiếng Việt", timeout=3_000
    )


def test_language_code_link_opens_in_that_language(server, page):
    open_app(page, server.url + "/?lang=ro", ready='[data-testid="stMetric"]')
    assert nav_labels(page) == NAV["ro"]


DROPZONE_WORDS = {  # the uploader's button and limit line, as a reader sees them
    "en": ("Upload", "200MB per file"),
    "vi": ("Tải lên", "Tối đa 200 MB mỗi tệp"),
    "ro": ("Încarcă", "Cel mult 200 MB pe fișier"),
}


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_file_uploader_speaks_the_ui_language(server, page, lang):
    """Streamlit draws the dropzone's button and limit in English; in vi and ro the page's own
    words replace them (as CSS generated content, so they are read from the computed style)."""
    open_app(
        page, server.url + f"/data?lang={lang}", ready='[data-testid="stFileUploaderDropzone"]'
    )
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')
    shown = zone.evaluate(
        """zone => {
            const out = [];
            const walk = el => {
                if (getComputedStyle(el).display === 'none') return;
                for (const node of el.childNodes) {
                    if (node.nodeType === 3) out.push(node.textContent);
                    else if (node.nodeType === 1) walk(node);
                }
                const after = getComputedStyle(el, '::after').content;
                if (after && after !== 'none' && after !== 'normal') out.push(JSON.parse(after));
            };
            walk(zone);
            return out.join(' ');
        }"""
    )
    button, limit = DROPZONE_WORDS[lang]
    assert button in shown and limit in shown, shown
    if lang != "en":
        assert "Upload" not in shown and "per file" not in shown, shown
