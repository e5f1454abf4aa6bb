"""Tables as the reader sees them (issue 19, "Reports and tables"): numbers written for the UI
language as the charts beside them write them, the comment text at its full width."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
from streamlit import dataframe_util

from journeylens.i18n import t
from tests.conftest import shown as plain

from .conftest import no_problems


def drawn(table) -> pd.DataFrame:
    """The cells as the browser draws them: a Styler's display text where the table has one
    (Streamlit draws a number cell without a column format from it), else the raw values."""
    styler = table.proto.arrow_data.styler
    if styler.display_values:
        return dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values)
    return table.value.astype(str)


def column_config(table) -> dict:
    return json.loads(table.proto.columns) if table.proto.columns else {}


@pytest.mark.parametrize(
    ("lang", "thousands", "decimal"), [("en", ",", "."), ("vi", ".", ","), ("ro", ".", ",")]
)
def test_table_numbers_are_written_for_the_ui_language(
    db, app, downloads, lang, thousands, decimal
):
    """The funnel's customer counts read 3,240 in English and 3.240 in Vietnamese and Romanian,
    as on the chart; the cells still hold the numbers (the table sorts by number) and the CSV
    keeps them raw."""
    at = app("funnel", lang=lang)
    no_problems(at)
    table = at.dataframe[0]
    customers = t("fcol.customers", lang)
    raw = table.value[customers]
    assert raw.dtype.kind == "i"  # still a number to sort by
    first = int(raw.iloc[0])
    assert first >= 1000  # the demo's first step: a count with a thousands separator
    expected = f"{first:,}".replace(",", thousands)
    assert drawn(table)[customers].iloc[0] == expected
    assert list(drawn(table)[customers]) == [f"{int(v):,}".replace(",", thousands) for v in raw]
    csv = downloads["funnel.csv"].decode("utf-8-sig")
    assert f",{first}," in csv and expected not in csv

    at = app("data", lang=lang)  # rows loaded grouped; the dataset's number as it is
    rows = t("data.col.rows", lang)
    table = at.dataframe[0]
    events = int(table.value[rows].max())
    assert events >= 1000
    assert f"{events:,}".replace(",", thousands) in list(drawn(table)[rows])
    assert list(drawn(table)[t("data.col.dataset", lang)]) == [
        str(v) for v in table.value[t("data.col.dataset", lang)]
    ]


def test_table_decimals_use_the_languages_decimal_mark(db, app):
    """Attribution credits (fractions of conversions) read 182,33 in Romanian."""
    at = app("attribution", lang="ro")
    no_problems(at)
    table = at.dataframe[0]
    frame = table.value
    cells = drawn(table)
    numeric = [c for c in frame.columns if frame[c].dtype.kind == "f"]
    assert numeric
    fractions = [
        (frame[c].iloc[i], cells[c].iloc[i])
        for c in numeric
        for i in range(len(frame))
        if pd.notna(frame[c].iloc[i]) and not float(frame[c].iloc[i]).is_integer()
    ]
    assert fractions
    for value, text in fractions:
        whole, _, part = text.partition(",")
        assert part, text
        assert abs(float(whole.replace(".", "") + "." + part) - value) < 10 ** -len(part), text


def test_comment_text_has_the_room_of_the_table(db, app):
    """At 1,440 px the table shows about 950 px: the comment comes right after its date in the
    widest column, and long comments wrap in rows tall enough for three lines (the browser wraps
    only in rows taller than 4rem = 64 px) instead of being cut."""
    at = app("comments")
    no_problems(at)
    table = at.dataframe[0]
    comment = t("ccol.comment")
    assert list(table.value.columns[:2]) == [t("ccol.date"), comment]
    width = column_config(table)[comment]["width"]
    assert width == "large"
    assert table.value[comment].str.len().max() > 55  # one line of a 400 px column
    assert table.proto.row_height > 64


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_overview_names_the_whole_date_range_the_picker_shows(db, app, lang):
    """With the date picker spanning all the data, the overview's captions say "all dates
    (2025-05-01 – 2026-10-31)" (the picker's first and last day, written as the picker writes
    them), not that no date range is set."""
    at = app(lang=lang)
    no_problems(at)
    picker = at.date_input[0]
    assert picker.value == (picker.min, picker.max)  # the whole range
    fmt = "%Y-%m-%d" if lang == "en" else "%d/%m/%Y"
    span = f"{picker.min.strftime(fmt)} – {picker.max.strftime(fmt)}"
    captions = [plain(c.value) for c in at.main.caption]
    phrase = t("tables19.all_dates", lang, range=span)
    assert phrase.startswith({"en": "all dates (", "vi": "toàn bộ thời gian ("}[lang])
    near_tiles = next(c for c in captions if t("filter.caption", lang, filters="") in c)
    assert phrase in near_tiles
    assert all(phrase in c for c in captions if t("filter.caption", lang, filters="") in c)
    assert not any("No date range set" in c or "Chưa chọn khoảng" in c for c in captions)


@pytest.fixture
def deferred(monkeypatch) -> dict:
    """The files download buttons make only when pressed, by their download name: the callable
    that makes each."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    seen: dict = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name:
            seen[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen


def test_chart_image_names_and_says_its_filters(db, app, deferred, monkeypatch):
    """The trend chart's PNG is saved as <workspace>-trend-<metric>-<today>.png, and the image
    carries the caption shown under the chart (filters and n)."""
    from journeylens.services import export

    at = app(persona="Home mover")
    no_problems(at)
    today = date.today().isoformat()
    name = f"demo-mortgage-journey-trend-nps-{today}.png"
    assert name in deferred, sorted(deferred)
    assert f"demo-mortgage-journey-trend-nps-{today}.svg" in deferred
    assert all(re.fullmatch(r"[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.(png|svg)", n) for n in deferred
               if n.endswith((".png", ".svg")))  # fmt: skip

    drawn: list[dict] = []

    class Recorder:
        def vegalite_to_png(self, spec, scale=1.0):
            drawn.append(spec)
            return b"\x89PNG"

    monkeypatch.setattr(export, "_vlc", Recorder)
    assert deferred[name]() == b"\x89PNG"
    own = json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]["subtitle"]
    own = [own] if isinstance(own, str) else own
    subtitle = drawn[0]["title"]["subtitle"]
    assert subtitle[: len(own)] == own  # the chart's own words first, then the caption
    caption = " ".join(subtitle[len(own) :])
    assert "Persona: Home mover" in caption
    assert caption in [plain(c.value) for c in at.main.caption]  # as under the chart
