"""The whole-dashboard report: every view's main chart and table in one HTML (or PDF) file."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from journeylens.charts import emotion as emotion_charts
from journeylens.charts import funnel as funnel_charts
from journeylens.charts import heatmap as heatmap_charts
from journeylens.charts import journey_map as journey_map_charts
from journeylens.charts import trend as trend_charts
from journeylens.services import export
from journeylens.services.funnel import FunnelSpec
from journeylens.ui import insight_report, insights, widgets
from journeylens.ui.view import View


def sections(view: View) -> list[export.Section]:
    """The default view of each page, under the current filters."""
    t, ws = view.t, view.workspace
    assert ws is not None
    out: list[export.Section] = []
    kpi = view.query("kpis")
    tiles = pd.DataFrame(
        [
            {
                t("page.metric"): t(f"metric.{m}"),
                t("col.value"): t.num(kpi[m]["value"], 1),
                # no answers: say so, as the overview's tile does, not "– – – 0"
                t("col.interval"): (
                    f"{t.num(kpi[m]['low'], 1)} – {t.num(kpi[m]['high'], 1)}"
                    if kpi[m]["n"]
                    else t(f"empty19.no_answers.{m}")
                ),
                t("col.n"): t.num(kpi[m]["n"], 0),
            }
            for m in ("nps", "csat", "ces")
        ]
    )
    trend = view.query("trend", grain="month")
    out.append(
        export.Section(
            t("overview.title"),
            trend_charts.kpi_trend(trend, "nps", t, grain="month", min_n=ws.min_n),
            tiles,
            view.caption(kpi["n"]),
        )
    )
    lanes = view.query("journey_lanes", persona=None)
    if len(lanes):
        out.append(
            export.Section(
                t("journeypage.title"), journey_map_charts.journey_map(lanes, t, width=900)
            )
        )
    steps = view.query("default_steps")
    if len(steps) >= 2:
        spec = FunnelSpec(tuple(steps), window_seconds=ws.conversion_window_seconds)
        fun = view.query("funnel", spec=spec)
        if len(fun) and int(fun["count"].iloc[0]) > 0:
            out.append(
                export.Section(
                    t("funnelpage.title"),
                    funnel_charts.funnel(fun, t),
                    fun[["step", "touchpoint", "count", "dropoff"]].rename(
                        columns={
                            "step": t("fcol.step"),
                            "touchpoint": t("field.touchpoint"),
                            "count": t("fcol.customers"),
                            "dropoff": t("fcol.dropoff"),
                        }
                    ),
                )
            )
    personas = [str(p) for p in view.persona_groups()]
    curve = view.query("emotion_curve", by_persona=False)
    if len(curve):
        stages = view.query("touchpoint_metrics")[
            ["touchpoint", "stage", "stage_order", "step_order"]
        ]
        out.append(
            export.Section(
                t("emotionpage.title"),
                emotion_charts.emotion_curve(
                    curve, t, stages_df=stages, personas=personas, threshold=ws.emotion_threshold
                ),
            )
        )
    cells = view.query("heatmap", by="persona", metric="nps")
    if len(cells):
        out.append(
            export.Section(
                t("heatmappage.title"),
                heatmap_charts.heatmap(cells, "nps", t, min_n=ws.min_n, by="persona"),
                caption=t("personas16.breakdown_note") if view.defines_personas() else "",
            )
        )
    out.extend(insights.report_sections(view))
    out += insight_report.sections(view)  # paths, attribution, themes (issue 15)
    return out


def sidebar_buttons(view: View) -> None:
    """Whole-dashboard HTML and PDF, built only when a button is pressed."""
    if view.workspace is None or not view.has_data():
        return
    t = view.t
    box = st.sidebar.expander(t("export.dashboard"), icon=":material/summarize:")

    def build(fmt: str) -> bytes:
        report = widgets.make_report(view, sections(view))
        if fmt == "pdf":
            return export.report_pdf(report)
        return export.report_html(report).encode("utf-8")

    box.download_button(
        t("export.report"),
        lambda: build("html"),
        file_name="journeylens-dashboard.html",
        mime="text/html",
        key="dashboard_html",
        on_click="ignore",
        icon=":material/description:",
    )
    box.download_button(
        t("export.pdf"),
        lambda: build("pdf"),
        file_name="journeylens-dashboard.pdf",
        mime="application/pdf",
        key="dashboard_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
