"""The paths, attribution and comment-themes sections of the whole-dashboard report."""

from __future__ import annotations

import pandas as pd

from journeylens.charts import paths as path_charts
from journeylens.domain.flows import FlowSpec
from journeylens.services import export
from journeylens.services.themes import GROUP_NAMES
from journeylens.ui.view import View


def sections(view: View) -> list[export.Section]:
    """Each view's default: the flow from the first event, the models side by side, the whole
    journey's themes. Views without data are left out."""
    t = view.t
    out: list[export.Section] = []
    flow = view.query("paths_flow", spec=FlowSpec())
    if flow.present(1):
        out.append(
            export.Section(
                t("pathspage.title"),
                path_charts.sankey(flow, t, subtitle=t("paths.flow.subtitle_first")),
                flow.nodes,
                view.caption(flow.present(1)),
            )
        )
    found = view.query("attribution_sources")
    if found["events"]:
        result = view.query("attribution", source="events", conversion=None)
        if result.conversions > 0:
            out.append(
                export.Section(
                    t("attributionpage.title"),
                    path_charts.attribution_models(result.table, t),
                    result.table,
                    view.caption(),
                )
            )
    themes = view.query("themes", touchpoint=None, by="nps")
    if len(themes.low) or len(themes.high):
        names = tuple(t(f"themes.group.{g}") for g in GROUP_NAMES["nps"])
        table = pd.concat([themes.low.assign(group=names[0]), themes.high.assign(group=names[1])])[
            ["group", "shown", "z", "count"]
        ]
        out.append(
            export.Section(
                t("themespage.title"),
                path_charts.themes_bars(themes.low, themes.high, t, names),
                table,
                view.caption(),
            )
        )
    return out
