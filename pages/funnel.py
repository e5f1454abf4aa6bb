import pandas as pd
import streamlit as st

from journeylens.charts import funnel as funnel_charts
from journeylens.services import export
from journeylens.services.funnel import Exclusion, FunnelSpec, format_window, parse_window
from journeylens.ui import page_start, safe, state, tables, widgets
from journeylens.ui.errors import show_error, shown_as_message
from journeylens.ui.format import duration, percent

view = page_start()
t = view.t
st.title(t("funnelpage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()
ws = view.workspace

with shown_as_message(t):
    touchpoints = [str(x) for x in view.options.get("touchpoints") or []]
    defaults = [s for s in view.query("default_steps") if s in touchpoints]
    if not touchpoints:
        st.info(t("funnelpage.no_events"))
        st.stop()
    widgets.check_param(view, state.STEPS, touchpoints)
    widgets.check_param(view, state.EXCLUDE, touchpoints)
    widgets.check_param(
        view,
        state.SPLIT,
        [t(f"page.by.{b}") for b in ("none", "persona", "segment", "channel")],
        codes=["none", "persona", "segment", "channel"],
    )
    steps = st.multiselect(
        t("funnelpage.steps"),
        touchpoints,
        default=defaults,
        max_selections=10,
        key=state.STEPS,
        bind="query-params",
    )
    c1, c2, c3 = st.columns([2, 2, 3])
    window_text = c1.text_input(
        t("funnelpage.window"),
        value=format_window(ws.conversion_window_seconds),
        key=state.WINDOW,
        bind="query-params",
    )
    strict = c2.toggle(t("funnelpage.strict"), key=state.STRICT, bind="query-params")
    by = (
        c3.segmented_control(
            t("funnelpage.breakdown"),
            ["none", "persona", "segment", "channel"],
            default="none",
            format_func=lambda b: t(f"page.by.{b}"),
            key=state.SPLIT,
            bind="query-params",
        )
        or "none"
    )
    e1, e2 = st.columns([3, 2])
    ex_tp = e1.selectbox(
        t("funnelpage.exclude"),
        [""] + touchpoints,
        format_func=lambda x: x or "—",
        key=state.EXCLUDE,
        bind="query-params",
    )
    ex_range = (1, 2)
    if ex_tp and len(steps) >= 2:
        ex_range = e2.select_slider(
            t("funnelpage.exclude_between"),
            options=list(range(1, len(steps) + 1)),
            value=(1, len(steps)),
            key=state.EXCLUDE_STEPS,
            bind="query-params",
        )
    st.caption(t("funnelpage.semantics"))
    if len(steps) < 2:
        st.info(t("funnelpage.need_steps"))
        st.stop()
    try:
        window = parse_window(window_text)
        exclusions = (Exclusion(ex_tp, int(ex_range[0]), int(ex_range[1])),) if ex_tp else ()
        spec = FunnelSpec(tuple(steps), window, bool(strict), exclusions)
    except ValueError as exc:
        show_error(exc, t)
        st.stop()

    result = view.query("funnel", spec=spec)
    first = int(result["count"].iloc[0]) if len(result) else 0
    if first == 0:
        widgets.no_match(view, [])
        st.stop()
    caption = view.caption(first) + f" · {format_window(window)}"
    if by == "none":
        fchart = funnel_charts.funnel(result, t)
    else:
        groups = view.query("funnel_breakdown", spec=spec, by=by, lang=t.lang)
        fchart = funnel_charts.funnel_breakdown(
            groups, t, personas=view.persona_values() if by == "persona" else None
        )
    widgets.chart(view, fchart, "funnel", caption)

    st.subheader(t("funnelpage.table"))
    table = pd.DataFrame(
        {
            t("fcol.step"): [
                f"{s}. {tp}" for s, tp in zip(result["step"], result["touchpoint"], strict=True)
            ],
            t("fcol.customers"): result["count"],
            t("fcol.of_first"): [percent(t, v) for v in result["conversion_from_first"]],
            t("fcol.of_previous"): [percent(t, v) for v in result["conversion_from_previous"]],
            t("fcol.dropoff"): result["dropoff"],
            t("fcol.median_time"): [duration(t, v) for v in result["median_seconds_from_previous"]],
            t("fcol.mean_time"): [duration(t, v) for v in result["mean_seconds_from_previous"]],
        }
    )
    st.caption(t("funnelpage.pick_row"))
    picked = tables.dataframe(
        table,
        lang=t.lang,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="funnel_rows",
    )
    st.download_button(
        t("export.csv"),
        export.table_csv(table),
        file_name="funnel.csv",
        mime="text/csv",
        key="funnel_csv",
        on_click="ignore",
    )
    rows = picked.selection.rows if picked is not None else []
    if rows and rows[0] >= 1:
        step = rows[0] + 1
        lost = view.query("funnel_dropped", spec=spec, step=step)
        st.subheader(
            safe.msg(
                t,
                "funnelpage.dropped_title",
                total=t.num(lost.attrs.get("total", len(lost)), 0),
                prev=steps[step - 2],
                step=steps[step - 1],
            )
        )
        st.caption(t("funnelpage.dropped_shown", shown=t.num(len(lost), 0)))
        shown = pd.DataFrame(
            {
                t("fcol.customer"): lost["customer_id"],
                t("fcol.last_touchpoint"): lost["last_touchpoint"],
                t("fcol.last_ts"): lost["last_ts"],
                t("fcol.comments"): lost["comments"],
            }
        )
        widgets.table(view, shown, f"dropped-step-{step}")
    widgets.report_button(
        view, t("funnelpage.title"), [export.Section(t("funnelpage.title"), fchart, table, caption)]
    )
