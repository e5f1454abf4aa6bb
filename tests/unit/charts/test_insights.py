"""The insight charts: what a reader sees in each (data behind the marks, faded / grey cells,
localised titles) on the demo's results, and that they render offline to PNG."""

from __future__ import annotations

import pytest

from journeylens.charts import insights as insight_charts
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.i18n import Translator
from journeylens.services import demo, export, workspaces
from journeylens.services.insights import alerts, drivers
from journeylens.storage.store import Store


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("charts") / "c.duckdb") as st:
        ws = demo.install(st, LOCAL, customers=8000)
        workspaces.update_settings(
            st, LOCAL, ws, min_n=60
        )  # so that a thin touchpoint falls below it
        ws = st.workspace_by_id(ws.workspace_id)
        cur = st.cursor()
        res = drivers.run(cur, ws, Filters(), drivers.resolve(drivers.options(cur, ws)))
        al = alerts.run(cur, ws, Filters(), alerts.AlertSpec())
        yield res, al


def layer_data(spec: dict) -> list[list[dict]]:
    """Every dataset of a chart spec (the rows behind its layers)."""
    return list(spec.get("datasets", {}).values())


def test_priority_matrix(results):
    res, _ = results
    spec = insight_charts.priority_matrix(res, Translator("en")).to_dict()
    assert spec["title"]["text"] == "Priority matrix: importance against performance"
    bubbles = max((d for d in layer_data(spec) if d and "alpha" in d[0]), key=len)
    by_name = {b["driver"]: b for b in bubbles}
    assert set(res.drivers["driver"]) <= set(by_name)
    call = by_name[demo.CALL]
    assert call["quadrant"] == "Fix first" and call["alpha"] == 0.9 and call["strong"]
    noise = [b for b in bubbles if not b["strong"] and not b["faded"]]
    assert noise and all(b["alpha"] == insight_charts.FADED for b in noise)
    left_out = set(res.excluded[res.excluded["reason"] == "below_min_n"]["driver"])
    assert left_out, "the fixture should leave a thin touchpoint out"
    for name in left_out:
        assert by_name[name]["faded"] and by_name[name]["importance"] == 0
        assert by_name[name]["alpha"] == 0.2 and "n = " in by_name[name]["label"]
    assert len(bubbles) < 5000


def test_importance_bars_grey_noise_and_keep_values(results):
    res, _ = results
    spec = insight_charts.importance_bars(res, Translator("vi")).to_dict()
    rows = next(d for d in layer_data(spec) if d and "kind" in d[0])
    assert spec["title"]["text"] == "Điều gì tác động đến NPS tại Final confirmation"
    assert [r["kind"] for r in rows] == [
        "Nổi bật" if x else "Nhiễu" for x in res.drivers["distinguishable"]
    ]
    assert rows[0]["driver"].startswith(demo.CALL[:20]) and rows[0]["kind"] == "Nổi bật"
    assert "Nhiễu" in {r["kind"] for r in rows}
    assert all(r["importance"] > 0 for r in rows)  # greyed, not zeroed
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == [
        insight_charts.STRONG_COLOUR, insight_charts.NOISE_COLOUR
    ]  # fmt: skip


def test_alert_trend_marks_the_compared_periods(results):
    _, al = results
    a = al.alerts[al.alerts["kind"] == "change"].iloc[0].to_dict()
    series = al.series[
        (al.series["touchpoint"] == a["touchpoint"]) & (al.series["metric"] == a["metric"])
    ]
    spec = insight_charts.alert_trend(series, a, al, Translator("ro")).to_dict()
    assert spec["title"]["text"].startswith(a["touchpoint"])
    compared = [d for d in layer_data(spec) if d and all(r.get("compared") for r in d)]
    assert compared and len(compared[0]) == 2
    assert spec["config"]["locale"]["number"]["decimal"] == ","


@pytest.mark.parametrize("lang", ["en", "ro"])
def test_charts_render_to_png(results, lang):
    res, al = results
    t = Translator(lang)
    a = al.alerts.iloc[0].to_dict()
    series = al.series[
        (al.series["touchpoint"] == a["touchpoint"]) & (al.series["metric"] == a["metric"])
    ]
    for chart in (insight_charts.priority_matrix(res, t), insight_charts.importance_bars(res, t),
                  insight_charts.alert_trend(series, a, al, t)):  # fmt: skip
        assert export.chart_png(chart, scale=1).startswith(b"\x89PNG")
