"""Exports: valid image files, formula-safe CSV, an HTML report that needs no network."""

import altair as alt
import pandas as pd
import pytest

from journeylens import export
from journeylens.permissions import LOCAL


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain", "plain"),
        (-2, -2),
        (None, None),
    ],
)
def test_safe_csv_cell(cell, expected):
    assert export.safe_csv_cell(cell) == expected


def test_table_csv_neutralises_and_keeps_unicode():
    df = pd.DataFrame({"comment": ["=cmd|' /C calc'!A0", "Rất tốt, mulțumesc"], "nps": [9, 3]})
    text = export.table_csv(df).decode("utf-8-sig").splitlines()
    assert text[0] == "comment,nps"
    assert text[1] == "'=cmd|' /C calc'!A0,9"
    assert text[2] == '"Rất tốt, mulțumesc",3'


def _chart():
    data = pd.DataFrame({"touchpoint": ["Ad", "Branch"], "nps": [12.5, -8.0]})
    return alt.Chart(data).mark_bar().encode(x="touchpoint:N", y="nps:Q")


def test_png_and_svg_are_real_images():
    png = export.chart_png(_chart())
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
    svg = export.chart_svg(_chart())
    assert svg.lstrip().startswith("<svg") and "Branch" in svg


def test_report_is_self_contained():
    report = export.Report(
        title="Report <Bank>",
        filters="Filters: Persona: Home mover",
        definitions=["NPS = % promoters − % detractors"],
        sections=[
            export.Section("NPS by touchpoint", _chart(), pd.DataFrame({"c": ["=1+1"]}), "n = 2")
        ],
    )
    html = export.report_html(report)
    assert "Report &lt;Bank&gt;" in html
    assert "Filters: Persona: Home mover" in html
    assert "NPS = % promoters − % detractors" in html
    assert "'=1+1" in html
    assert "vegaEmbed('#chart0'" in html
    assert 'src="http' not in html and "<script src" not in html


def test_pdf_report_holds_every_chart_and_the_filters():
    from journeylens import charts, dashboards, demo
    from journeylens.filters import Filters
    from journeylens.i18n import Translator
    from journeylens.store import Store

    store = Store(":memory:")
    ws = demo.install(store, LOCAL, customers=500)
    cur, t = store.cursor(), Translator("en")
    report = export.Report(
        title="Dashboard",
        filters="Filters: Persona: Home mover",
        definitions=["NPS = % promoters − % detractors"],
        sections=[
            export.Section(
                "Trend", charts.kpi_trend(dashboards.trend(cur, ws, Filters()), "nps", t)
            ),
            export.Section(
                "Map", charts.journey_map(dashboards.journey_lanes(cur, ws, Filters()), t)
            ),
        ],
    )
    pdf = export.report_pdf(report)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
