"""Exports: valid image files, formula-safe CSV, an HTML report that needs no network."""

import altair as alt
import pandas as pd
import pytest

from journeylens import export
from journeylens.permissions import LOCAL

from ..pdf_text import page_count, page_texts


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
    """The PDF's own text (read back from its content streams): the title, the filters, the
    definitions and, for every chart, its title and its data labels, on one page."""
    from journeylens import charts, dashboards, demo
    from journeylens.filters import Filters
    from journeylens.i18n import Translator
    from journeylens.store import Store

    store = Store(":memory:")
    ws = demo.install(store, LOCAL, customers=500)
    cur, t = store.cursor(), Translator("en")
    lanes = dashboards.journey_lanes(cur, ws, Filters())
    heat = dashboards.heatmap(cur, ws, Filters(), "persona", "nps")
    made = {
        "Trend": charts.kpi_trend(dashboards.trend(cur, ws, Filters()), "nps", t),
        "Map": charts.journey_map(lanes, t),
        "Heatmap": charts.heatmap(heat, "nps", t, ws.min_n),
    }
    report = export.Report(
        title="Dashboard of the quarter",
        filters="Filters: Persona: Home mover",
        definitions=["NPS = % promoters − % detractors"],
        sections=[export.Section(name, chart) for name, chart in made.items()],
    )
    pdf = export.report_pdf(report)
    assert pdf.startswith(b"%PDF-")
    assert page_count(pdf) == 1
    (text,) = page_texts(pdf)
    for expected in (report.title, report.filters, report.definitions[0]):
        assert expected in text
    for name, chart in made.items():
        title = chart.to_dict()["title"]
        title = title["text"] if isinstance(title, dict) else title
        assert title and title in text, name
    squashed = text.replace(" ", "")
    assert "Onlinemortgagecalculator" in squashed  # a touchpoint on the map
    for persona in heat["column"].unique():  # the heatmap's columns (long labels are cut)
        assert str(persona)[:12].replace(" ", "") in squashed
    # without a chart, its title is gone from the PDF (the check can fail)
    fewer = export.Report(
        title="x", filters="", definitions=[], sections=[export.Section("Trend", made["Trend"])]
    )
    assert made["Map"].to_dict()["title"]["text"] not in page_texts(export.report_pdf(fewer))[0]
