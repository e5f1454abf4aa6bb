"""Exports: valid image files, formula-safe CSV, an HTML report that needs no network."""

import csv
import io
from datetime import date

import altair as alt
import pandas as pd
import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import export

from ..pdf_text import page_count, page_texts


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("\t=1", "'\t=1"),
        ("+1 payment", "'+1 payment"),
        ("-slow", "'-slow"),
        ("plain", "plain"),
        ("", ""),
        # numbers as the UI writes them stay numbers (a quote made Excel read -81.3 as text)
        ("-81.3", "-81.3"),
        ("-1", "-1"),
        ("+1", "+1"),
        ("-1,234.5", "-1,234.5"),
        ("-1.234,5", "-1.234,5"),
        ("-12%", "-12%"),
        ("-1e-3", "-1e-3"),
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


def test_table_csv_writes_negative_numbers_as_numbers():
    """The "Touchpoints to fix first" table: NPS -81.3 (a display string) and -45.0 (a float),
    a row number -1 from a set-aside list, and a formula-looking header."""
    df = pd.DataFrame(
        {
            "Touchpoint": ["Call", "=HYPERLINK(1)"],
            "NPS": ["-81.3", "12.0"],
            "raw": [-45.0, float("nan")],
            "row": [-1, 3],
            '=HYPERLINK("http://x")': ["a", "b"],
        }
    )
    rows = list(csv.reader(io.StringIO(export.table_csv(df).decode("utf-8-sig"))))
    assert rows[0] == ["Touchpoint", "NPS", "raw", "row", '\'=HYPERLINK("http://x")']
    assert rows[1] == ["Call", "-81.3", "-45", "-1", "a"]
    assert rows[2] == ["'=HYPERLINK(1)", "12.0", "", "3", "b"]


# The importer's staging copies (an XLSX sheet or XES log as CSV for DuckDB) must stay verbatim:
# they are the data, not an export, so they write CSV their own way.
STAGING_CSV = {"journeylens/services/ingest/xes.py", "journeylens/services/ingest/xlsx.py"}


def test_export_is_the_one_csv_writer():
    """Every CSV download goes through export.table_csv: no other module of the app or its pages
    writes CSV (csv.writer / DictWriter, DataFrame.to_csv), so none can skip the formula guard."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for path in sorted([*root.glob("journeylens/**/*.py"), *root.glob("pages/*.py")]):
        name = path.relative_to(root).as_posix()
        if name == "journeylens/services/export.py" or name in STAGING_CSV:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            owner = getattr(node, "value", None)
            of = owner.id if isinstance(owner, ast.Name) else None
            if isinstance(node, ast.Attribute) and (
                (node.attr in ("writer", "DictWriter") and of == "csv")
                or (node.attr == "to_csv" and of not in ("xes", "xlsx"))  # the staging copies
            ):
                found.append(f"{name}:{node.lineno} {node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module == "csv":
                found += [f"{name}:{node.lineno} from csv import {a.name}" for a in node.names]
    assert not found, found


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
    from journeylens.charts import heatmap as heatmap_charts
    from journeylens.charts import journey_map as journey_map_charts
    from journeylens.charts import trend as trend_charts
    from journeylens.domain.filters import Filters
    from journeylens.i18n import Translator
    from journeylens.services import dashboards, demo
    from journeylens.storage.store import Store

    store = Store(":memory:")
    ws = demo.install(store, LOCAL, customers=500)
    cur, t = store.cursor(), Translator("en")
    lanes = dashboards.journey_lanes(cur, ws, Filters())
    heat = dashboards.heatmap(cur, ws, Filters(), "persona", "nps")
    made = {
        "Trend": trend_charts.kpi_trend(dashboards.trend(cur, ws, Filters()), "nps", t),
        "Map": journey_map_charts.journey_map(lanes, t),
        "Heatmap": heatmap_charts.heatmap(heat, "nps", t, ws.min_n),
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


SCRIPT_BREAKERS = ["<!--<script>", "</script><b>x</b>", "<SCRIPT>", "a\u2028b\u2029c", "&amp;"]


def test_report_json_cannot_break_out_of_its_script():
    """A chart value `<!--<script>` made the browser read the rest of the page as script (0 of
    4 charts drawn): no such sequence may appear inside the inlined specs, and the values must
    come back unchanged when the JSON is parsed."""
    import json
    import re

    df = pd.DataFrame({"touchpoint": SCRIPT_BREAKERS, "n": range(len(SCRIPT_BREAKERS))})
    chart = alt.Chart(df).mark_bar().encode(x="touchpoint:N", y="n:Q")
    sections = [export.Section(f"S{i}", chart) for i in range(4)]
    page = export.report_html(export.Report("T", "none", sections=sections))
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 2  # the Vega bundle, then the four charts
    calls = scripts[1]
    assert calls.count("vegaEmbed(") == 4
    for breaker in ("<!--", "<script", "</script", "\u2028", "\u2029"):
        assert breaker not in calls.lower()
    specs = re.findall(r"vegaEmbed\('#chart\d', (.*?), \{renderer: 'svg'", calls)
    assert len(specs) == 4
    for text in specs:
        values = next(iter(json.loads(text)["datasets"].values()))
        assert [v["touchpoint"] for v in values] == SCRIPT_BREAKERS


class _Recorder:
    """Stands in for vl_convert: keeps the spec it was asked to draw."""

    def __init__(self) -> None:
        self.specs: list[dict] = []

    def vegalite_to_png(self, spec, scale=1.0):
        self.specs.append(spec)
        return b"\x89PNG"

    def vegalite_to_svg(self, spec):
        self.specs.append(spec)
        return "<svg/>"


CAPTION = "Filters: all dates (2025-05-01 – 2026-10-31); Persona: Home mover · n = 1,234"


def test_exported_images_carry_the_filter_caption(monkeypatch):
    """The PNG and SVG say which filters made them: the caption is a line under the chart's
    title (after its own subtitle), or the title of a chart without one; the chart on screen
    keeps its spec."""
    vlc = _Recorder()
    monkeypatch.setattr(export, "_vlc", lambda: vlc)
    titled = _chart().properties(title=alt.TitleParams("NPS over time", subtitle="Per month"))
    spec = titled.to_dict()
    export.chart_png(spec, caption=CAPTION)
    export.chart_svg(spec, caption=CAPTION)
    for drawn in vlc.specs:
        assert drawn["title"]["text"] == "NPS over time"
        assert drawn["title"]["subtitle"] == ["Per month", CAPTION]
    assert spec["title"]["subtitle"] == "Per month"  # the screen's chart is unchanged

    export.chart_png(_chart(), caption=CAPTION)
    assert vlc.specs[-1]["title"]["text"] == [CAPTION]

    long = CAPTION + "; Segment: " + ", ".join(f"Region {i}" for i in range(30))
    export.chart_png(titled, caption=long)
    lines = vlc.specs[-1]["title"]["subtitle"][1:]
    assert " ".join(lines) == long and all(len(line) <= 110 for line in lines)


def _png_height(png: bytes) -> int:
    return int.from_bytes(png[20:24], "big")  # the IHDR chunk: width, then height


def test_the_caption_is_drawn_in_the_png():
    plain = export.chart_png(_chart(), scale=1)
    captioned = export.chart_png(_chart(), scale=1, caption=CAPTION)
    assert _png_height(captioned) > _png_height(plain) + 10  # a line of text more


def test_image_names_say_workspace_chart_and_day():
    day = date(2026, 12, 1)
    assert (
        export.image_name("Demo: mortgage journey", "trend-nps", "png", day)
        == "demo-mortgage-journey-trend-nps-2026-12-01.png"
    )
    assert (
        export.image_name("Hành trình đăng ký", "heatmap-nps-persona", "svg", day)
        == "hanh-trinh-dang-ky-heatmap-nps-persona-2026-12-01.svg"
    )


@pytest.mark.parametrize("lang", ["ro"])  # the map's words per language: test_journey_map
def test_slide_pdf_is_one_16_9_page_of_the_whole_map_with_its_filters(lang):
    """The journey map's slide: one landscape page in 16:9, every touchpoint's full name on it
    and the filters and n in its footer, in the UI language."""
    import re

    from journeylens.charts import journey_map as journey_map_charts
    from journeylens.domain.filters import Filters
    from journeylens.i18n import Translator
    from journeylens.services import dashboards, demo
    from journeylens.storage.store import Store

    store = Store(":memory:")
    ws = demo.install(store, LOCAL, customers=300)
    t = Translator(lang)
    lanes = dashboards.journey_lanes(store.cursor(), ws, Filters())
    chart = journey_map_charts.journey_map(lanes, t, lanes=["touchpoint", "thoughts", "nps"])
    caption = Filters().caption(t) + " · " + t("common.n", n=t.num(int(lanes["n"].sum()), 0))
    pdf = export.slide_pdf(chart, caption=caption)
    assert page_count(pdf) == 1
    (box,) = re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)
    x0, y0, x1, y1 = (float(v) for v in box.split())
    assert (x1 - x0) / (y1 - y0) == pytest.approx(16 / 9, rel=0.01)
    squashed = page_texts(pdf)[0].replace(" ", "")
    for name in lanes["touchpoint"]:
        assert str(name).replace(" ", "") in squashed
    assert caption.replace(" ", "") in squashed
    assert t("viz.lane.thoughts") in page_texts(pdf)[0]
    assert "I sent that document last week".replace(" ", "") in squashed  # the demo's notes
