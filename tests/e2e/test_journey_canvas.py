"""The journey map as people present it, at 1440 × 900: every touchpoint's and goal's full name
on screen, no label cut or overflowing its column, the map scrolling sideways rather than the page,
in the three languages; and two personas side by side with their differences."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from journeylens.charts import journey_map as journey_map_charts

from ..pdf_text import page_texts
from .conftest import ARTIFACTS, assert_no_exception, main, open_app, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

LANES = {"en": "Lanes", "vi": "Các làn", "ro": "Benzi"}

# Every drawn text mark of the map: its lines (tspans) and its drawn width (px).
TEXTS_JS = """() => [...document.querySelectorAll(
    "[data-testid='stVegaLiteChart'] svg g.mark-text text")].map(el => ({
        lines: el.querySelectorAll('tspan').length
            ? [...el.querySelectorAll('tspan')].map(s => s.textContent)
            : [el.textContent],
        width: el.getBBox().width,
    }))"""


def _definition(db) -> list[tuple[str, str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT touchpoint, goal, channel FROM touchpoints ORDER BY step_order"
        ).fetchall()


def test_every_label_is_whole_and_fits_its_column(server, demo_db, new_page):
    definition = _definition(demo_db)
    band = journey_map_charts.map_width(len(definition)) / len(definition)
    page = new_page(viewport={"width": 1440, "height": 900})
    for lang in ("en", "vi", "ro"):
        open_app(
            page, f"{server.url}/journey?lang={lang}", ready="[data-testid='stVegaLiteChart'] svg"
        )
        wait_idle(page)
        assert_no_exception(page)
        assert main(page).get_by_text(LANES[lang], exact=True).count() == 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"journey-map-1440x900-{lang}.png"))
        texts = page.evaluate(TEXTS_JS)
        drawn = [" ".join(t["lines"]) for t in texts]
        assert not any("…" in d for d in drawn), [d for d in drawn if "…" in d]
        for touchpoint, goal, channel in definition:
            whole = f"{touchpoint}({channel})".replace(" ", "")
            found = [t for t in texts if "".join(t["lines"]).replace(" ", "") == whole]
            assert found, f"{touchpoint!r} is not drawn whole"
            label = found[0]
            assert label["width"] <= band, (touchpoint, label)
            goals = [
                t for t in texts if "".join(t["lines"]).replace(" ", "") == goal.replace(" ", "")
            ]
            assert goals, f"goal {goal!r} is not drawn whole"
            goal_text = goals[0]
            assert goal_text["width"] <= band, (goal, goal_text)
        # the map is wider than the page: it scrolls in its own box, the page does not
        chart = main(page).locator("[data-testid='stVegaLiteChart']").first
        sizes = chart.evaluate("el => [el.clientWidth, el.scrollWidth]")
        assert sizes[1] > sizes[0]
        assert page.evaluate("document.documentElement.scrollWidth") <= 1440


def test_two_personas_side_by_side(server, new_page):
    page = new_page(viewport={"width": 1440, "height": 900})
    url = f"{server.url}/journey?jp=First-time+buyer&vs=Home+mover&lanes=NPS&lanes=CSAT+%25"
    open_app(page, url, ready="[data-testid='stVegaLiteChart'] svg")
    wait_idle(page)
    assert_no_exception(page)
    drawn = [" ".join(t["lines"]) for t in page.evaluate(TEXTS_JS)]
    labels = page.locator("[data-testid='stVegaLiteChart'] svg g.role-axis-label text")
    axis = set(labels.all_text_contents())
    assert {"NPS · First-time buyer", "NPS · Home mover", "Δ NPS", "Δ CSAT %"} <= axis
    assert (
        any("Home mover − First-time buyer" in d for d in drawn)
        or page.get_by_text("Home mover − First-time buyer", exact=False).count()
    )
    # the comparison as a slide: one 16:9 PDF page named for the workspace, the view and the day
    button = main(page).get_by_role("button", name="Slide (PDF)")
    with page.expect_download(timeout=60_000) as info:
        button.click()
    name = info.value.suggested_filename
    assert re.fullmatch(
        r"demo-mortgage-journey-journey-map-first-time-buyer-vs-home-mover-\d{4}-\d{2}-\d{2}\.pdf",
        name,
    ), name
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    squashed = page_texts(data)[0].replace(" ", "")
    assert "ΔNPS" in squashed and "NPS·Homemover" in squashed
