import pandas as pd
import streamlit as st

from journeylens.charts import emotion as emotion_charts
from journeylens.domain.filters import extra_column_of
from journeylens.services import export
from journeylens.ui import page_start, state, widgets
from journeylens.ui.errors import shown_as_message

view = page_start()
t = view.t
st.title(t("emotionpage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()
ws = view.workspace

with shown_as_message(t):
    # the curves per persona: the defined personas (each by its rule), else the column's values
    personas = [str(p) for p in view.persona_groups()]
    # then a curve per value of each column kept from the user's files (extra_by codes)
    modes = widgets.breakdowns(view, ["overall", "persona", "compare"] if personas else ["overall"])
    mode = widgets.pick_one(view, st, state.LINES, "emotionpage.mode", modes, "emotionpage.mode")
    column = extra_column_of(mode)
    widgets.check_param(view, state.COMPARE, personas)
    stages = view.query("touchpoint_metrics")[["touchpoint", "stage", "stage_order", "step_order"]]
    if mode == "compare":
        pair = st.multiselect(
            t("emotionpage.compare_pick"),
            personas,
            default=personas[:2],
            max_selections=2,
            key=state.COMPARE,
            bind="query-params",
        )
        if len(pair) != 2:
            st.info(t("emotionpage.pick_two"))
            st.stop()
        curve = view.query("emotion_curve", by_persona=True)
        curve = curve[curve["persona"].isin(pair)]
        a, b = (curve[curve["persona"] == p] for p in pair)
        chart = emotion_charts.persona_compare(
            a, b, t, stages_df=stages, personas=personas, threshold=ws.emotion_threshold
        )
    else:
        by = "persona" if mode == "persona" else (mode if column else None)
        curve = view.query("emotion_curve", by=by)
        chart = emotion_charts.emotion_curve(
            curve,
            t,
            stages_df=stages,
            personas=personas if column is None else [],
            threshold=ws.emotion_threshold,
            series_title=column,
        )
    if widgets.no_match(view, curve):
        st.stop()
    n = int(curve["n"].sum())
    caption = view.caption(n)
    widgets.chart(view, chart, "emotion-curve", caption)
    widgets.persona_note(view, "persona" if mode in ("persona", "compare") else None)
    widgets.order_note(view, curve)

    st.subheader(t("emotionpage.pain_list", threshold=t.num(ws.emotion_threshold, 1)))
    pain = curve[curve["pain_point"]]
    if pain.empty:
        st.caption(t("emotionpage.no_pain"))
        table = pd.DataFrame()
    else:
        table = pd.DataFrame(
            {
                t("col.touchpoint"): pain["touchpoint"],
                t("col.stage"): pain["stage"],
                column or t("ccol.persona"): pain["persona"].fillna(t("viz.overall")),
                t("metric.emotion"): [t.num(v, 2) for v in pain["emotion_mean"]],
                t("col.n"): pain["n"],
            }
        )
        widgets.table(view, table, "pain-points")
    widgets.report_button(
        view,
        t("emotionpage.title"),
        [export.Section(t("emotionpage.title"), chart, table, caption)],
    )
