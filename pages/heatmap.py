import altair as alt
import streamlit as st

from journeylens.charts import heatmap as heatmap_charts
from journeylens.services import export
from journeylens.services.dashboards import period
from journeylens.ui import page_start, periods, safe, state, widgets
from journeylens.ui.comments import comments_table
from journeylens.ui.errors import shown_as_message

view = page_start()
t = view.t
st.title(t("heatmappage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()
ws = view.workspace

with shown_as_message(t):
    c1, c2 = st.columns(2)
    below = st.container()  # the period control, drawn first: it decides the breakdowns
    mode = periods.control(view, below, state.HEAT_PERIODS)
    cmp = periods.comparison(view, mode)
    metric = widgets.pick_one(
        view, c1, state.METRIC, "page.metric", ["nps", "csat", "ces"], "metric"
    )
    built_in = ["segment", "persona", "channel", "month", "stage"]
    if cmp is not None:  # the months of one period are not the months of the other
        built_in.remove("month")
    breakdowns = widgets.breakdowns(view, built_in)
    by = widgets.pick_one(
        view, c2, state.BREAKDOWN, "page.breakdown", breakdowns, "page.by", default="persona"
    )
    cells = view.query("heatmap", by=by, metric=metric)
    if cells.empty and widgets.no_touchpoints(view):
        st.stop()
    if widgets.no_match(view, cells):
        st.stop()
    if cmp is None:
        chart = heatmap_charts.heatmap(
            cells, metric, t, min_n=ws.min_n, by=by, higher_is_better=True
        )
        caption = (
            view.caption(int(cells["n"].sum())) + " · " + t("common.uncertain_note", min_n=ws.min_n)
        )
        table = cells[["touchpoint", "column", "value", "n", "reliable"]]
        name = f"heatmap-{metric}-{by}"
    else:
        now = view.query("heatmap", by=by, metric=metric, dates=cmp.current.as_tuple())
        before = view.query("heatmap", by=by, metric=metric, dates=cmp.previous.as_tuple())
        changes = period.cell_changes(now, before, ws.min_n)
        if changes.empty:
            st.info(t("periods16.no_cells"), icon=":material/filter_alt_off:")
            st.stop()
        chart = heatmap_charts.change_heatmap(changes, metric, t, min_n=ws.min_n, by=by)
        answers = int(changes["n"].sum() + changes["previous_n"].sum())
        caption = periods.caption(view, cmp, answers)
        cells = changes
        table = changes[
            ["touchpoint", "column", "change", "value", "previous", "n", "previous_n",
             "reliable", "significant"]
        ]  # fmt: skip
        name = f"heatmap-change-{cmp.mode}-{metric}-{by}"
    labels = {
        f"{r.touchpoint} × {r.column}": (r.touchpoint, r.column)
        for r in cells[["touchpoint", "column"]].itertuples()
    }
    pick = alt.selection_point(name="cell_pick", fields=["touchpoint", "column"])
    picked = widgets.chart(view, chart, name, caption, select=pick)
    clicked = (picked.get("cell_pick") or [None])[0]
    if clicked and clicked != st.session_state.get("_last_cell_click"):
        # A click on a cell chooses it below (set before the bound selectbox is drawn).
        st.session_state["_last_cell_click"] = clicked
        label = f"{clicked.get('touchpoint')} × {clicked.get('column')}"
        if label in labels:
            st.session_state[state.CELL] = label
    st.caption(t(f"definition.{metric}"))
    widgets.persona_note(view, by)

    st.subheader(t("heatmappage.cell"))
    st.caption(t("heatmappage.cell_hint"))
    widgets.check_param(view, state.CELL, list(labels))
    cell = st.selectbox(
        t("heatmappage.cell"),
        [""] + list(labels),
        format_func=lambda x: x or "—",
        key=state.CELL,
        bind="query-params",
        label_visibility="collapsed",
    )
    if cell:
        touchpoint, column = labels[cell]
        page, total = view.query(
            "comments", touchpoint=touchpoint, column_filter=(by, str(column)), page=1, page_size=50
        )
        st.markdown(
            safe.msg(
                t,
                "heatmappage.cell_comments",
                touchpoint=touchpoint,
                column=column,
                total=t.num(total, 0),
            )
        )
        comments_table(view, page)
    widgets.report_button(
        view,
        t("heatmappage.title"),
        [export.Section(t("heatmappage.title"), chart, table, caption)],
    )
