import streamlit as st

from journeylens.charts import insights as insight_charts
from journeylens.services import export
from journeylens.services.insights import words
from journeylens.ui import insights, page_start, widgets
from journeylens.ui.errors import shown_as_message

view = page_start()
t = view.t
st.title(t("fixpage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()
st.caption(t("fixpage.intro"))

with shown_as_message(t):
    opts = view.query("driver_options")
    spec = insights.driver_controls(view, opts)
    result = view.query("drivers", spec=spec)
    summary = words.drivers_summary(result, t)
    if result.empty:
        if result.reason == "no_outcome" and not view.filters.is_empty():
            widgets.no_match(view, [])
            st.caption(insights.md(summary))
        else:
            st.info(insights.md(summary), icon=":material/info:")
        for _level, note in words.notes(result, t):
            st.caption(insights.md(note))
        st.stop()
    caption = view.caption(result.n)
    st.markdown(insights.md(summary))
    for level, note in words.notes(result, t):
        if level == "warning":
            st.warning(insights.md(note), icon=":material/warning:")
        else:
            st.caption(insights.md(note))
    matrix = insight_charts.priority_matrix(result, t)
    widgets.chart(view, matrix, "priority-matrix", caption)
    st.caption(t("ins.quadrant_rule", k=len(result.drivers)))
    insights.driver_list(view, result)
    bars = insight_charts.importance_bars(result, t)
    widgets.chart(view, bars, "key-drivers", caption)
    st.caption(t("ins.noise_note"))
    st.caption(words.method_text(result, t))
    table = words.drivers_table(result, t)
    widgets.table(view, table, "fix-first")
    widgets.report_button(
        view,
        t("fixpage.title"),
        [
            export.Section(t("ins.viz.matrix.title"), matrix, None, summary + " · " + caption),
            export.Section(
                t("ins.viz.bars.title", outcome=words.outcome_label(spec, t)),
                bars,
                table,
                " ".join([t("ins.noise_note"), words.method_text(result, t)]),
            ),
        ],
    )
