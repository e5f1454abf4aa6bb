"""The columns kept from the user's files (responses.extra) filter every view from the sidebar and
the link: the overview's NPS tile and caption follow a `col=column=value` choice, in English,
Vietnamese and Romanian."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from journeylens.i18n import fmt_num, t
from tests.conftest import shown

from .conftest import no_problems

REGION = "Vùng"  # a column of the user's file, in Vietnamese, with Vietnamese values


def _add_region(path: Path) -> None:
    """Give every demo answer a region, a column no field maps to, as an upload keeps one."""
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "UPDATE responses SET extra = map([$k], [CASE hash(customer_id) % 3 WHEN 0 THEN 'Bắc' "
            "WHEN 1 THEN 'Nam' ELSE 'Trung' END])",
            {"k": REGION},
        )
    finally:
        con.close()


def _nps(path: Path, regions: tuple[str, ...]) -> tuple[float, int]:
    """NPS of the answers in those regions, computed independently of the app's queries."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        value, n = con.execute(
            "SELECT 100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps), count(nps) "
            "FROM responses WHERE list_contains($r, extra[$k])",
            {"r": list(regions), "k": REGION},
        ).fetchall()[0]
    finally:
        con.close()
    return float(value), int(n)


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_an_extra_column_filters_the_overview_from_the_link(db, app, lang):
    _add_region(db)
    nps, n = _nps(db, ("Bắc", "Trung"))
    overall, n_all = _nps(db, ("Bắc", "Nam", "Trung"))
    assert n < n_all and fmt_num(nps, lang, 1) != fmt_num(overall, lang, 1)
    at = app(lang=lang, col=[f"{REGION}=Bắc", f"{REGION}=Trung"])
    no_problems(at)
    box = at.multiselect(key="col")
    assert box.label == t("extras16.filter", lang)
    assert box.value == [f"{REGION}=Bắc", f"{REGION}=Trung"]
    assert f"{REGION}=Nam" in box.options
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("metric.nps", lang)] == fmt_num(nps, lang, 1)
    captions = [shown(c.value) for c in at.main.caption]
    assert any(f"{REGION}: Bắc, Trung" in c for c in captions), captions
    ns = [re.sub(r"\D", "", c.split("n = ")[1].split(" ")[0]) for c in captions if "n = " in c]
    assert str(n) in ns, captions  # the NPS tile's n: the answers of those two regions
