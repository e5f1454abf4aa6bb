import streamlit as st

from journeylens.charts import insights as insight_charts
from journeylens.services import export
from journeylens.services.insights import words
from journeylens.ui import insights, page_start, widgets
from journeylens.ui.errors import shown_as_message

view = page_start()
t = view.t
st.title(t("alertspage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()
st.caption(t("alertspage.intro"))
ws = view.workspace

with shown_as_message(t):
    spec = insights.alert_controls(view)
    result = view.query("alerts", spec=spec)
    summary = words.alerts_summary(result, t)
    if spec.compare == "year" and result.compare_used == "previous":
        st.info(t("ins.alerts.compare_fallback"), icon=":material/info:")
    if result.reason:
        st.info(insights.md(summary), icon=":material/info:")
        st.stop()
    method = words.alerts_method(result, t, ws.min_n, ws.conversion_window_seconds)
    caption = view.caption()
    if not result.count:
        st.success(insights.md(summary), icon=":material/check_circle:")
        st.caption(method)
        st.caption(insights.md(caption))
        st.stop()
    st.subheader(insights.md(summary))
    sections = []
    for i, alert in enumerate(result.alerts.to_dict("records")):
        line = words.alert_line(alert, result, t)
        st.markdown(insights.md(line))
        series = result.series[
            (result.series["touchpoint"] == alert["touchpoint"])
            & (result.series["metric"] == alert["metric"])
        ]
        if len(series):
            chart = insight_charts.alert_trend(series, alert, result, t, min_n=ws.min_n)
            widgets.chart(view, chart, f"alert-{i + 1}", caption)
            sections.append(export.Section(line, chart, None, caption))
    st.subheader(t("ins.alerts.table"))
    table = words.alerts_table(result, t)
    widgets.table(view, table, "alerts")
    st.caption(method)
    sections.append(export.Section(t("ins.alerts.table"), None, table, method))
    widgets.report_button(view, t("alertspage.title"), sections)
