"""Take charts and tables out of the app: PNG/SVG via vl-convert (offline), CSV, one-file HTML.

No Streamlit here: pages hand over the chart and tables they drew.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas: a text cell starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def table_csv(df: pd.DataFrame) -> bytes:
    """CSV with a BOM (Excel opens UTF-8 Vietnamese/Romanian text correctly) and safe cells."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(safe_csv_cell)
    return safe.to_csv(index=False).encode("utf-8-sig")


def _spec(chart: alt.TopLevelMixin | dict[str, Any]) -> dict[str, Any]:
    return chart if isinstance(chart, dict) else chart.to_dict()


def chart_png(chart: alt.TopLevelMixin | dict[str, Any], scale: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(_spec(chart), scale=scale)


def chart_svg(chart: alt.TopLevelMixin | dict[str, Any]) -> str:
    return vlc.vegalite_to_svg(_spec(chart))


@cache
def _vega_bundle() -> str:
    return vlc.javascript_bundle()


@dataclass
class Section:
    title: str
    chart: alt.TopLevelMixin | dict[str, Any] | None = None
    table: pd.DataFrame | None = None
    caption: str = ""


@dataclass
class Report:
    title: str
    filters: str
    definitions: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    generated_label: str = "Generated {when}"
    definitions_label: str = "Definitions"
    lang: str = "en"


def script_json(value: Any) -> str:
    """JSON safe inside an inline <script>: no `<!--`, `<script` or `</script` can appear (a value
    `<!--<script>` once made the browser swallow the rest of the page), and U+2028/U+2029 are
    escaped too. `<`, `>` and `&` only occur inside JSON strings, where \\u escapes mean the same."""
    text = json.dumps(value)  # ensure_ascii: U+2028 and U+2029 come out as \\u2028, \\u2029
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def report_html(report: Report, now: datetime | None = None) -> str:
    """One self-contained HTML file: Vega runtime inlined, opens offline, charts interactive."""
    when = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    parts: list[str] = []
    scripts: list[str] = []
    for i, section in enumerate(report.sections):
        parts.append(f"<section><h2>{html.escape(section.title)}</h2>")
        if section.chart is not None:
            parts.append(f'<div class="chart" id="chart{i}"></div>')
            spec = script_json(_spec(section.chart))
            scripts.append(f"vegaEmbed('#chart{i}', {spec}, {{renderer: 'svg', actions: false}});")
        if section.table is not None and len(section.table):
            table = section.table.head(5000).map(safe_csv_cell)
            parts.append(table.to_html(index=False, escape=True, border=0, classes="data"))
        if section.caption:
            parts.append(f'<p class="caption">{html.escape(section.caption)}</p>')
        parts.append("</section>")
    definitions = "".join(f"<li>{html.escape(d)}</li>" for d in report.definitions)
    bundle = _vega_bundle().replace("</script", "<\\/script")
    return f"""<!DOCTYPE html>
<html lang="{html.escape(report.lang)}"><head><meta charset="utf-8">
<title>{html.escape(report.title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #222; }}
h1 {{ margin-bottom: .2rem; }} .meta, .caption {{ color: #555; font-size: .9rem; }}
table.data {{ border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }}
table.data th, table.data td {{ border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left; }}
section {{ margin: 2rem 0; }}
</style></head><body>
<h1>{html.escape(report.title)}</h1>
<p class="meta">{html.escape(report.generated_label.format(when=when))} ·
{html.escape(report.filters)}</p>
{"".join(parts)}
<section><h2>{html.escape(report.definitions_label)}</h2><ul class="caption">{definitions}</ul></section>
<script>{bundle}</script>
<script>{"".join(scripts)}</script>
</body></html>"""


def report_pdf(report: Report, now: datetime | None = None) -> bytes:
    """The report's charts on one PDF (vl-convert, offline), titled with the filters and the
    metric definitions. Tables stay in the HTML and CSV exports."""
    when = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    specs = [_spec(s.chart) for s in report.sections if s.chart is not None]
    datasets: dict[str, Any] = {}
    parts = []
    config: dict[str, Any] = {}
    for spec in specs:
        spec = dict(spec)
        datasets.update(spec.pop("datasets", {}))
        config = config or spec.pop("config", {})
        spec.pop("config", None)
        spec.pop("$schema", None)
        parts.append(spec)
    subtitle = [report.generated_label.format(when=when), report.filters, *report.definitions]
    combined = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": {"text": report.title, "subtitle": subtitle, "anchor": "start"},
        "vconcat": parts,
        "datasets": datasets,
        "config": config,
        "spacing": 40,
        # each chart keeps its own colour scale and legend (NPS cells vs persona lines)
        "resolve": {"scale": {"color": "independent"}, "legend": {"color": "independent"}},
    }
    return vlc.vegalite_to_pdf(combined)
