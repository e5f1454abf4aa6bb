import pandas as pd
import streamlit as st

from journeylens.charts import funnel as funnel_charts
from journeylens.domain.filters import extra_column_of
from journeylens.services import export
from journeylens.services.funnel import (
    GRAINS,
    Exclusion,
    FunnelSpec,
    format_window,
    parse_window,
)
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
    splits = widgets.breakdowns(view, ["none", "persona", "segment", "channel"])
    by = widgets.pick_one(view, c3, state.SPLIT, "funnelpage.breakdown", splits, "page.by")
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
            groups,
            t,
            personas=view.persona_groups() if by == "persona" else None,
            group_title=extra_column_of(by),
        )
    widgets.chart(view, fchart, "funnel", caption)
    widgets.persona_note(view, by)

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

    st.subheader(t("funnel16.over_time.title"))
    grain = widgets.pick_one(
        view, st, state.FUNNEL_GRAIN, "overview.grain", list(GRAINS), "overview.grain"
    )
    timing = view.query("funnel_timing", spec=spec)  # one engine pass for both sections
    over_time = timing.over_time[grain]
    ot_chart = funnel_charts.conversion_over_time(over_time, t, grain=grain, min_n=ws.min_n)
    widgets.chart(view, ot_chart, "funnel-over-time", caption)
    st.caption(
        safe.msg(
            t,
            "funnel16.over_time.definition",
            last=steps[-1],
            first=steps[0],
            window=format_window(window),
            grain=t(f"funnel16.grain.{grain}"),
            min_n=ws.min_n,
        )
    )
    ot_table = pd.DataFrame(
        {
            t("funnel16.col.period"): [p.date() for p in over_time["period"]],
            t("funnel16.viz.entered"): over_time["entered"],
            t("funnel16.viz.converted"): over_time["converted"],
            t("funnel16.col.conversion"): [percent(t, v) for v in over_time["conversion"]],
            t("funnel16.viz.interval"): [
                f"{percent(t, lo)} – {percent(t, hi)}"
                for lo, hi in zip(over_time["low"], over_time["high"], strict=True)
            ],
        }
    )
    widgets.table(view, ot_table, "funnel-over-time")

    st.subheader(t("funnel16.time.title"))
    times = timing.times
    time_chart = funnel_charts.time_to_convert(times, t)
    widgets.chart(view, time_chart, "funnel-time-to-convert", caption)
    st.caption(t("funnel16.time.definition"))
    time_table = pd.DataFrame(
        {
            t("funnel16.viz.steps"): [
                f"{a} → {b}: {x} → {y}"
                for a, b, x, y in zip(
                    times["from_step"],
                    times["to_step"],
                    times["from_touchpoint"],
                    times["to_touchpoint"],
                    strict=True,
                )
            ],
            t("fcol.customers"): times["customers"],
            t("funnel16.col.median"): [duration(t, v) for v in times["median"]],
            t("funnel16.col.p90"): [duration(t, v) for v in times["p90"]],
            t("funnel16.col.mean"): [duration(t, v) for v in times["mean"]],
        }
    )
    widgets.table(view, time_table, "funnel-time-to-convert")
    widgets.report_button(
        view,
        t("funnelpage.title"),
        [
            export.Section(t("funnelpage.title"), fchart, table, caption),
            export.Section(t("funnel16.over_time.title"), ot_chart, ot_table, caption),
            export.Section(t("funnel16.time.title"), time_chart, time_table, caption),
        ],
    )
