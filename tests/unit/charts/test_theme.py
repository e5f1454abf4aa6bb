"""The one chart theme: registered with Altair, localised numbers, the palette."""

from __future__ import annotations

import altair as alt

from journeylens.charts import theme
from journeylens.charts import trend as trend_charts
from journeylens.i18n import Translator
from tests.unit.charts.frames import trend_frame

VI = Translator("vi")


def test_theme_registered_and_localised():
    assert "journeylens" in alt.theme.names()
    assert theme.theme_config("ro")["config"]["locale"]["number"]["decimal"] == ","
    assert theme.theme_config("en")["config"]["locale"]["number"]["decimal"] == "."
    spec = trend_charts.kpi_trend(trend_frame(), "nps", VI).to_dict()
    assert spec["config"]["locale"]["number"] == {
        "decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", ""],
    }  # fmt: skip
    assert spec["config"]["range"]["category"][0] == theme.OKABE_ITO[0]
