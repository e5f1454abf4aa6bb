"""Take charts and tables out of the app: PNG/SVG via vl-convert (offline), CSV, one-file HTML.

No Streamlit here: pages hand over the chart and tables they drew.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # altair and vl_convert cost half a second to import; only exports need them
    import altair as alt

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A number as the app writes one in any UI language: optional sign, digits with optional
# thousands groups (, . space or no-break space), an optional decimal part (. or ,), an optional
# exponent or trailing %. Such a cell is data, not a formula, and must stay a number in Excel.
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:[,. \u00a0]\d{3})+|\d+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?%?$")


def safe_csv_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text: a cell starting with = + - @ (or a tab / CR) gets
    a leading quote, unless it is a number such as -81.3 or -1, which is written as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        if _NUMBER.match(value.strip()):
            return value
        return "'" + value
    return value


def _csv_value(value: Any) -> Any:
    """One cell as the CSV writer gets it: blanks empty, numbers as numbers, times in ISO form,
    text formula-safe."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        f = float(value)
        if math.isnan(f):
            return ""
        return int(f) if f.is_integer() and abs(f) < 1e15 else repr(f)
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return safe_csv_cell(str(value))


def table_csv(df: pd.DataFrame, headers: dict[str, str] | None = None) -> bytes:
    """The app's one CSV writer, for every table export and the set-aside rows: UTF-8 with a BOM
    (Excel then opens Vietnamese and Romanian text correctly), CRLF rows, the header row and
    every text cell formula-safe, numbers (negative ones included) left as numbers.

    headers optionally renames columns (translated titles)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    names = [headers.get(str(c), str(c)) if headers else str(c) for c in df.columns]
    writer.writerow([safe_csv_cell(n) for n in names])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([_csv_value(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def _vlc() -> Any:
    import vl_convert

    return vl_convert


def _spec(chart: alt.TopLevelMixin | dict[str, Any]) -> dict[str, Any]:
    return chart if isinstance(chart, dict) else chart.to_dict()


CAPTION_LINE_CHARS = 110  # a caption line of an exported image wraps at about this length


def with_caption(spec: dict[str, Any], caption: str | None) -> dict[str, Any]:
    """The spec with `caption` (the filters the chart was made with) as the last lines of its
    subtitle, or as its title when it has none: an image taken out of the app still says what
    it shows. The spec handed in is left as it is (the screen's chart stays clean)."""
    if not caption:
        return spec
    lines = _wrap(caption, CAPTION_LINE_CHARS)
    out = dict(spec)
    title = spec.get("title")
    if title is None or title == "":
        out["title"] = {"text": lines, "fontSize": 11, "fontWeight": "normal", "color": "#555555"}
        return out
    title = dict(title) if isinstance(title, dict) else {"text": title}
    subtitle = title.get("subtitle") or []
    title["subtitle"] = [*([subtitle] if isinstance(subtitle, str) else subtitle), *lines]
    out["title"] = title
    return out


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def chart_png(
    chart: alt.TopLevelMixin | dict[str, Any], scale: float = 2.0, caption: str | None = None
) -> bytes:
    """The chart as a PNG; `caption` (the filters) as a line of text under its title."""
    return _vlc().vegalite_to_png(with_caption(_spec(chart), caption), scale=scale)


def chart_svg(chart: alt.TopLevelMixin | dict[str, Any], caption: str | None = None) -> str:
    return _vlc().vegalite_to_svg(with_caption(_spec(chart), caption))


SLIDE_RATIO = 16 / 9
_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def slide_pdf(chart: alt.TopLevelMixin | dict[str, Any], caption: str | None = None) -> bytes:
    """The chart on one 16:9 PDF page, as it is drawn on screen, with `caption` (the filters and
    n) in the footer: for presenting or printing the journey map.

    vl-convert sizes a PDF page to its chart, so the chart is measured once as SVG and then padded
    with white to the slide's proportions."""
    spec = dict(_spec(chart))
    outer: dict[str, Any] = {
        key: spec.pop(key) for key in ("$schema", "config", "datasets") if key in spec
    }
    outer["vconcat"] = [spec]
    if caption:
        outer["title"] = {
            "text": _wrap(caption, 160), "orient": "bottom", "anchor": "start",
            "fontSize": 11, "fontWeight": "normal", "color": "#4B5563", "offset": 16,
        }  # fmt: skip
    vlc = _vlc()
    found = _SVG_SIZE.search(vlc.vegalite_to_svg(outer))
    width, height = (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)
    pad = 24.0
    width, height = width + 2 * pad, height + 2 * pad
    extra_w = max(height * SLIDE_RATIO - width, 0.0)
    extra_h = max(width / SLIDE_RATIO - height, 0.0)
    outer["padding"] = {
        "left": pad + extra_w / 2, "right": pad + extra_w / 2,
        "top": pad + extra_h / 2, "bottom": pad + extra_h / 2,
    }  # fmt: skip
    outer["autosize"] = {"type": "pad"}
    return vlc.vegalite_to_pdf(outer)


def image_name(workspace: str, chart: str, ext: str, day: date | None = None) -> str:
    """`demo-mortgage-journey-trend-nps-2026-12-01.png`: the workspace, the chart (its view and
    metric) and the day it was taken, so saved images do not overwrite one another."""
    when = (day or date.today()).isoformat()
    return f"{slug(workspace)}-{slug(chart)}-{when}.{ext}"


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Hành trình đăng ký' -> 'hanh-trinh-dang-ky'."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "chart"


@cache
def _vega_bundle() -> str:
    return _vlc().javascript_bundle()


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
            # A missing value as a dash, as on screen (pandas writes "None" or "NaN").
            parts.append(
                table.to_html(index=False, escape=True, border=0, classes="data", na_rep="–")
            )
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
    return _vlc().vegalite_to_pdf(combined)
