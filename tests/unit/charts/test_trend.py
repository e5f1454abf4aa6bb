"""The KPI trend: line, band and points per period with localised titles."""

from __future__ import annotations

import pytest

from journeylens.charts import trend as trend_charts
from journeylens.i18n import Translator
from tests.unit.charts.frames import trend_frame
from tests.unit.charts.spec import all_titles, marks, units_of

EN, VI, RO = Translator("en"), Translator("vi"), Translator("ro")


@pytest.mark.parametrize(
    ("t", "x_title", "y_title"),
    [(EN, "Month", "NPS"), (VI, "Tháng", "NPS"), (RO, "Luna", "NPS")],
)
def test_kpi_trend(t, x_title, y_title):
    spec = trend_charts.kpi_trend(trend_frame(), "nps", t).to_dict()
    assert {"area", "line", "point", "rule"} <= set(marks(spec))
    titles = all_titles(spec)
    assert x_title in titles and y_title in titles
    assert "period" not in titles and "value" not in titles
    area = units_of(spec, "area")[0]
    assert area["encoding"]["y"]["field"] == "low" and area["encoding"]["y2"]["field"] == "high"
    assert area["encoding"]["x"]["type"] == "temporal"
