"""The columns kept from the user's files (responses.extra) filter every view from the sidebar and
the link: the overview's NPS tile and caption follow a `col=column=value` choice; and they break
the heatmap and the funnel down (`by=col:<column>`, `split=col:<column>`); in English, Vietnamese
and Romanian."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit import dataframe_util

from journeylens.domain.filters import extra_by
from journeylens.i18n import fmt_num, t
from tests.conftest import shown

from .conftest import no_problems

REGION = "Vùng"  # a column of the user's file, in Vietnamese, with Vietnamese values


def _add_region(path: Path, table: str = "responses") -> None:
    """Give every demo answer (or event) a region, a column no field maps to, as an upload keeps
    one: the customer's, so that it is the same on all their rows."""
    con = duckdb.connect(str(path))
    try:
        con.execute(
            f"UPDATE {table} SET extra = map([$k], [CASE hash(customer_id) % 3 WHEN 0 THEN 'Bắc' "
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


def _by_region(path: Path, sql: str) -> pd.DataFrame:
    """A per-region aggregate of the answers, computed independently of the app's queries."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, {"k": REGION}).df()
    finally:
        con.close()


def _chart(at) -> tuple[dict, pd.DataFrame]:
    element = at.get("vega_lite_chart")[0]
    frames = [dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data)
              for d in element.proto.datasets]  # fmt: skip
    return json.loads(element.proto.spec), frames[0]


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_the_heatmap_breaks_down_by_an_extra_column(db, app, lang):
    _add_region(db)
    want = _by_region(
        db,
        "SELECT touchpoint, extra[$k] AS region, count(nps) AS n, "
        "100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps) AS nps, "
        "count_if(comment IS NOT NULL AND trim(comment) <> '') AS comments "
        "FROM responses WHERE touchpoint IS NOT NULL GROUP BY ALL",
    )
    with_nps = want[want["n"] > 0]
    top = want.sort_values("comments").iloc[-1]  # the cell with the most comments
    cell = f"{top.touchpoint} × {top.region}"
    at = app("heatmap", lang=lang, by=extra_by(REGION), metric="nps", cell=cell)
    no_problems(at)
    control = at.button_group(key="by")
    assert control.value == extra_by(REGION)  # the link's code, offered after the built-in ones
    assert control.options[-1] == REGION
    spec, cells = _chart(at)
    assert {layer["encoding"]["x"]["title"] for layer in spec["layer"]} == {REGION}
    assert set(cells["column"]) == {"Bắc", "Nam", "Trung"}
    got = cells.set_index(["touchpoint", "column"])
    assert len(got) == len(with_nps)
    for row in with_nps.itertuples():
        assert int(got.loc[(row.touchpoint, row.region), "n"]) == row.n
        assert got.loc[(row.touchpoint, row.region), "value"] == pytest.approx(row.nps)
    # the cell's comments: those of the touchpoint's answers in that region
    heading = t(
        "heatmappage.cell_comments",
        lang,
        touchpoint=top.touchpoint,
        column=top.region,
        total=fmt_num(top.comments, lang, 0),
    )
    assert any(heading in shown(m.value) for m in at.markdown), [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_the_funnel_splits_by_an_extra_column(db, app, lang):
    """Each region's bars are the funnel of that region's customers (the same view filtered by
    the region, another path through the queries), and the regions add up to everyone."""
    _add_region(db, "events")
    at = app("funnel", lang=lang, split=extra_by(REGION))
    no_problems(at)
    assert at.button_group(key="split").value == extra_by(REGION)
    spec, groups = _chart(at)
    assert spec["layer"][0]["encoding"]["color"]["title"] == REGION
    assert set(groups["group"]) == {"Bắc", "Nam", "Trung"}
    split = groups.pivot(index="step", columns="group", values="count")
    _, north = _chart(app("funnel", lang=lang, col=[f"{REGION}=Bắc"]))
    assert list(split["Bắc"]) == list(north["count"])
    _, everyone = _chart(app("funnel", lang=lang))
    assert list(split.sum(axis=1)) == list(everyone["count"])


@pytest.mark.parametrize("lang", ["en", "vi", "ro"])
def test_the_emotion_curves_break_down_by_an_extra_column(db, app, lang):
    """A curve per region (a column no field maps to), offered after the built-in modes; each
    point the mean emotion of that region's answers, computed independently (explicit emotion,
    else CSAT - 3, else the NPS band)."""
    _add_region(db)
    want = _by_region(
        db,
        "SELECT touchpoint, extra[$k] AS region, count(e) AS n, avg(e) AS mean FROM ("
        " SELECT touchpoint, extra, coalesce(emotion, csat - 3.0, CASE WHEN nps >= 9 THEN 2.0"
        " WHEN nps >= 7 THEN 0.0 WHEN nps >= 0 THEN -2.0 END) AS e FROM responses"
        " WHERE touchpoint IS NOT NULL) GROUP BY ALL HAVING count(e) > 0",
    )
    at = app("emotion", lang=lang, lines=extra_by(REGION))
    no_problems(at)
    control = at.button_group(key="lines")
    assert control.value == extra_by(REGION)
    # the curves are the regions' answers, not personas: no persona note under them
    assert t("personas16.breakdown_note", lang) not in [c.value for c in at.main.caption]
    assert control.options[-1] == REGION
    element = at.get("vega_lite_chart")[0]
    assert REGION in json.dumps(json.loads(element.proto.spec), ensure_ascii=False)  # legend title
    frames = [dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data)
              for d in element.proto.datasets]  # fmt: skip
    # the lines' data (the pain points are a subset of it)
    points = max((f for f in frames if {"series", "emotion_mean"} <= set(f.columns)), key=len)
    got = points.dropna(subset=["emotion_mean"]).set_index(["touchpoint", "series"])
    assert set(got.index.get_level_values("series")) == {"Bắc", "Nam", "Trung"}
    assert len(got) == len(want)
    for row in want.itertuples():
        assert int(got.loc[(row.touchpoint, row.region), "n"]) == row.n
        assert got.loc[(row.touchpoint, row.region), "emotion_mean"] == pytest.approx(row.mean)
