"""Comparing periods on the overview and the heatmap, in English, Vietnamese and Romanian: the
tiles show the current period and its change marked significant or not, the heatmap shows the
change per cell, and a caption names both periods (anchored on the data's last date)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from streamlit import dataframe_util

from journeylens.i18n import fmt_date, fmt_date_range, fmt_num, t
from tests.conftest import shown

from .conftest import no_problems, store_of
from .test_screen_language import _problems

LANGS = ("en", "vi", "ro")
LAST = date(2026, 10, 31)  # the demo's last answer date (asserted below), a Saturday in October


def _scalar(sql: str, **params):
    cur = store_of().cursor()
    try:
        return cur.execute(sql, params).fetchall()[0][0]
    finally:
        cur.close()


def _nps(start: date, end: date, where: str = "TRUE", **params) -> tuple[float, int]:
    """NPS computed independently: % promoters − % detractors among the period's answers."""
    sql = (
        "SELECT 100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps), count(nps) "
        f"FROM responses WHERE submitted_at::DATE BETWEEN $a AND $b AND {where}"
    )
    cur = store_of().cursor()
    try:
        value, n = cur.execute(sql, {"a": start, "b": end, **params}).fetchall()[0]
    finally:
        cur.close()
    return float(value), int(n)


def _captions(at) -> list[str]:
    return [shown(c.value) for c in at.main.caption]


@pytest.mark.parametrize("lang", LANGS)
def test_overview_tiles_compare_this_month_with_last(db, app, lang):
    at = app("overview", kperiods="month", lang=lang)
    no_problems(at)
    assert lang == "en" or not _problems(at, lang)  # no English and no internal names on vi/ro
    assert _scalar("SELECT max(submitted_at)::DATE FROM responses") == LAST
    # October 2026 so far (all of it) vs all of September 2026
    note = t(
        "periods16.caption.month",
        lang,
        current=fmt_date_range(date(2026, 10, 1), LAST, lang),
        previous=fmt_date_range(date(2026, 9, 1), date(2026, 9, 30), lang),
    )
    anchor = t("periods16.anchor", lang, last=fmt_date(LAST, lang))
    assert any(note in c and anchor in c for c in _captions(at)), _captions(at)

    tiles = {m.label: m for m in at.metric}
    nps = tiles[t("metric.nps", lang)]
    now, n_now = _nps(date(2026, 10, 1), LAST)
    before, n_before = _nps(date(2026, 9, 1), date(2026, 9, 30))
    assert nps.value == fmt_num(now, lang, 1)  # the current period's value, not the whole view's
    assert t("periods16.before_caption", lang, value=fmt_num(before, lang, 1),
             n=fmt_num(n_before, lang, 0)) in _captions(at)  # fmt: skip
    verdicts = [
        re.escape(t(key, lang, change="@")).replace("@", r"[+\u2212]?[\d.,]+")
        for key in ("periods16.significant", "periods16.not_significant")
    ]
    for tile in tiles.values():
        assert any(re.fullmatch(v, tile.proto.delta) for v in verdicts), tile.proto.delta
    sign = "+" if now > before else "\u2212"
    assert nps.proto.delta.startswith(sign + fmt_num(abs(now - before), lang, 1))


@pytest.mark.parametrize("lang", LANGS)
def test_a_fall_shows_the_minus_sign_of_the_charts(db, app, lang):
    at = app("overview", kperiods="month", lang=lang)
    no_problems(at)
    nps = next(m for m in at.metric if m.label == t("metric.nps", lang))
    now, _ = _nps(date(2026, 10, 1), LAST)
    before, _ = _nps(date(2026, 9, 1), date(2026, 9, 30))
    assert now - before < -1  # the demo's NPS fell from September to October: a fall to show
    change = "\u2212" + fmt_num(before - now, lang, 1)  # "−14.2", as the charts write it
    assert nps.proto.delta == t("periods16.significant", lang, change=change)
    assert "-" not in nps.proto.delta
    # still drawn as a fall: red, arrow down (Streamlit reads the direction from an ASCII "-")
    assert nps.proto.color == nps.proto.MetricColor.RED
    assert nps.proto.direction == nps.proto.MetricDirection.DOWN
    for tile in at.metric:
        assert "-" not in tile.proto.delta, tile.proto.delta


def _chart_rows(at):
    element = at.get("vega_lite_chart")[0]
    spec = json.loads(element.proto.spec)
    frames = [dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data)
              for d in element.proto.datasets]  # fmt: skip
    return spec, frames[0]


@pytest.mark.parametrize("lang", LANGS)
def test_heatmap_shows_the_change_of_this_quarter_vs_a_year_before(db, app, lang):
    at = app("heatmap", hperiods="quarter", lang=lang)
    no_problems(at)
    assert lang == "en" or not _problems(at, lang)
    spec, cells = _chart_rows(at)
    by = t("common.persona", lang).lower()  # the page's default breakdown
    assert spec["title"]["text"] == t(
        "periods16.heatmap_title", lang, metric=t("metric.nps", lang), by=by
    )
    assert t("periods16.heatmap_subtitle", lang) in spec["title"]["subtitle"]
    # Q4 2026 up to 31 October vs the same days of Q4 2025
    current, previous = (date(2026, 10, 1), LAST), (date(2025, 10, 1), date(2025, 10, 31))
    note = t(
        "periods16.caption.quarter",
        lang,
        current=fmt_date_range(*current, lang),
        previous=fmt_date_range(*previous, lang),
    )
    assert any(note in c for c in _captions(at)), _captions(at)
    # every cell's change is the difference of the two periods' NPS, computed apart
    both = cells[(cells["n"] > 0) & (cells["previous_n"] > 0)]
    assert len(both) > 4 and len(cells) > len(both)  # some cells have answers in one period only
    assert set(cells[cells["n"] * cells["previous_n"] == 0]["cell"].str[0]) == {"–"}
    for row in both.head(3).itertuples():
        where = "touchpoint = $tp AND persona = $p"
        a, n_a = _nps(*current, where, tp=row.touchpoint, p=row.column)
        b, n_b = _nps(*previous, where, tp=row.touchpoint, p=row.column)
        assert (row.n, row.previous_n) == (n_a, n_b)
        assert row.change == pytest.approx(a - b)
        change = fmt_num(a - b, lang, 0).replace("-", "−")
        assert row.cell.startswith(("+" if a - b > 0 else "") + change)
        assert row.cell.split("\n")[0].endswith(" *") == bool(row.significant)
