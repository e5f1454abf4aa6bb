import pandas as pd
import streamlit as st

from journeylens.charts import paths as path_charts
from journeylens.domain.flows import (
    DEFAULT_STEPS,
    DEFAULT_TOP,
    LEFT,
    MAX_STEPS,
    MAX_TOP,
    MIN_STEPS,
    MIN_TOP,
    OTHER,
    FlowSpec,
)
from journeylens.services import export
from journeylens.ui import page_start, safe, state, widgets
from journeylens.ui.errors import shown_as_message
from journeylens.ui.format import duration, percent

view = page_start()
t = view.t
st.title(t("pathspage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()


def label(tp: str) -> str:
    return {OTHER: t("paths.other"), LEFT: t("paths.left")}.get(tp, tp)


with shown_as_message(t):
    touchpoints = [str(x) for x in view.options.get("touchpoints") or []]
    modes = ["flow", "dfg"]
    mode = widgets.pick_one(view, st, state.PATH_VIEW, "paths.view", modes, "paths.view")
    if mode == "dfg":
        graph = view.query("paths_dfg")
        if graph.customers == 0:
            st.info(t("paths.no_events"))
            st.stop()
        caption = (
            view.caption(graph.customers)
            + " · "
            + t("paths.dfg.caption", events=t.num(graph.events, 0))
        )
        chart = path_charts.dfg_matrix(graph, t)
        widgets.chart(view, chart, "directly-follows-graph", caption)
        top = graph.edges.head(1)
        if len(top):
            r = top.iloc[0]
            st.markdown(
                safe.msg(
                    t,
                    "paths.dfg.explain",
                    source=r["source"],
                    target=r["target"],
                    count=t.num(int(r["count"]), 0),
                    median=duration(t, r["median_seconds"]),
                    share=percent(t, int(r["count"]) / max(graph.events - graph.customers, 1)),
                )
            )
        st.caption(t("paths.dfg.definition"))
        table = pd.DataFrame(
            {
                t("paths.dfg.from"): graph.edges["source"],
                t("paths.dfg.to"): graph.edges["target"],
                t("paths.dfg.count"): graph.edges["count"],
                t("paths.dfg.median"): [duration(t, v) for v in graph.edges["median_seconds"]],
            }
        )
        ends = pd.DataFrame(
            {
                t("common.touchpoint"): sorted(set(graph.start) | set(graph.end)),
            }
        )
        ends[t("paths.dfg.starts")] = [graph.start.get(x, 0) for x in ends.iloc[:, 0]]
        ends[t("paths.dfg.ends")] = [graph.end.get(x, 0) for x in ends.iloc[:, 0]]
        st.subheader(t("paths.dfg.table"))
        widgets.table(view, table, "directly-follows-edges")
        widgets.table(view, ends, "directly-follows-starts-ends")
        widgets.report_button(
            view,
            t("pathspage.title"),
            [
                export.Section(t("paths.dfg.title"), chart, table, caption),
                export.Section(t("paths.dfg.starts_ends"), None, ends),
            ],
        )
        st.stop()

    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    widgets.check_param(view, state.PATH_FROM, touchpoints)
    start = c1.selectbox(
        t("paths.from"),
        [""] + touchpoints,
        format_func=lambda x: x or t("paths.from_first"),
        key=state.PATH_FROM,
        bind="query-params",
    )
    steps = c2.slider(
        t("paths.steps"),
        MIN_STEPS,
        MAX_STEPS,
        DEFAULT_STEPS,
        key=state.PATH_STEPS,
        bind="query-params",
    )
    top = c3.slider(
        t("paths.top"), MIN_TOP, MAX_TOP, DEFAULT_TOP, key=state.PATH_TOP, bind="query-params"
    )
    keep = c4.toggle(t("paths.keep_repeats"), key=state.PATH_REPEATS, bind="query-params")
    spec = FlowSpec(start=start or None, steps=int(steps), top=int(top), keep_repeats=bool(keep))
    flow = view.query("paths_flow", spec=spec)
    first = flow.present(1)
    if first == 0:
        widgets.no_match(view, [])
        st.stop()
    caption = view.caption(first)
    chart = path_charts.sankey(
        flow,
        t,
        title=t("paths.flow.title"),
        subtitle=t("paths.flow.subtitle_from", start=start)
        if start
        else t("paths.flow.subtitle_first"),
    )
    widgets.chart(view, chart, "flow", caption)
    last = max(s for s in range(1, spec.steps + 1) if flow.present(s) > 0)
    biggest = flow.nodes[(flow.nodes["step"] == 2) & (flow.nodes["touchpoint"] != LEFT)]
    biggest = biggest[biggest["touchpoint"] != OTHER].head(1)
    st.markdown(
        safe.msg(
            t,
            "paths.flow.explain",
            first=t.num(first, 0),
            last=last,
            stayed=t.num(flow.present(last), 0),
            share=percent(t, flow.present(last) / first),
            next=label(str(biggest["touchpoint"].iloc[0])) if len(biggest) else "–",
            next_share=percent(t, int(biggest["customers"].iloc[0]) / first)
            if len(biggest)
            else "–",
        )
    )
    st.caption(t("paths.flow.definition"))
    st.subheader(t("paths.flow.compare"))
    pair = path_charts.sankey_pair(flow, t)
    conv, rest = flow.groups["converted"].present(1), flow.groups["not_converted"].present(1)
    pair_caption = (
        view.caption(first)
        + " · "
        + t("paths.flow.compare_caption", conv=t.num(conv, 0), rest=t.num(rest, 0))
    )
    widgets.chart(view, pair, "flow-converters", pair_caption)
    table = pd.DataFrame(
        {
            t("paths.col.step"): flow.links["step"],
            t("paths.col.from"): [label(x) for x in flow.links["from"]],
            t("paths.col.to"): [label(x) for x in flow.links["to"]],
            t("common.customers"): flow.links["customers"],
        }
    )
    nodes = pd.DataFrame(
        {
            t("paths.col.step"): flow.nodes["step"],
            t("common.touchpoint"): [label(x) for x in flow.nodes["touchpoint"]],
            t("common.customers"): flow.nodes["customers"],
        }
    )
    st.subheader(t("paths.flow.table"))
    widgets.table(view, table, "flow-links")
    widgets.table(view, nodes, "flow-nodes")
    widgets.report_button(
        view,
        t("pathspage.title"),
        [
            export.Section(t("paths.flow.title"), chart, table, caption),
            export.Section(t("paths.flow.compare"), pair, nodes, pair_caption),
        ],
    )
