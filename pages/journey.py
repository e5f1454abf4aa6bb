import pandas as pd
import streamlit as st

from journeylens.charts import journey_map as journey_map_charts
from journeylens.services import dashboards, export, journey
from journeylens.ui import page_start, state, tables, widgets
from journeylens.ui.errors import show_error, shown_as_message

CANVAS_CSS = (
    "<style>.st-key-journey_canvas [data-testid='stVegaLiteChart'] "
    "{ overflow-x: auto; max-width: 100%; }</style>"
)

view = page_start()
t = view.t
st.title(t("journeypage.title"))
widgets.notices(view)
if view.workspace is None:
    widgets.needs_data(view)
    st.stop()
ws = view.workspace

with shown_as_message(t):
    personas = [str(p) for p in view.options.get("personas") or []]
    if view.has_data():
        c1, c2 = st.columns(2)
        widgets.check_param(view, state.JOURNEY_PERSONA, personas)
        widgets.check_param(view, state.VERSUS, personas)
        persona = c1.selectbox(
            t("journeypage.persona"),
            [""] + personas,
            format_func=lambda p: p or t("journeypage.all"),
            key=state.JOURNEY_PERSONA,
            bind="query-params",
        )
        other = ""
        if personas:
            other = c2.selectbox(
                t("journeypage.compare"),
                [""] + personas,
                format_func=lambda p: p or "—",
                key=state.VERSUS,
                bind="query-params",
            )
        lane_names = journey_map_charts.LANE_NAMES
        lane_labels = [t(f"canvas.lane.{lane}") for lane in lane_names]
        widgets.check_param(
            view, state.JOURNEY_LANES, lane_labels, codes=list(lane_names),
            label_keys=[f"canvas.lane.{lane}" for lane in lane_names], multi=True,
        )  # fmt: skip
        chosen = st.multiselect(
            t("canvas.lanes"),
            lane_names,
            default=list(journey_map_charts.DEFAULT_LANES),
            format_func=lambda lane: t(f"canvas.lane.{lane}"),
            help=t("canvas.lanes_help"),
            key=state.JOURNEY_LANES,
            bind="query-params",
        )
        lanes = view.query("journey_lanes", persona_rule=view.persona_rule(persona))
        empty = lanes.empty or (int(lanes["n"].sum()) == 0 and float(lanes["volume"].sum()) == 0)
        if not widgets.no_match(view, [] if empty else lanes):
            name = persona or t("journeypage.all")
            second = None
            if other and other != persona:
                second = dashboards.compare_lanes(
                    lanes,
                    view.query("journey_lanes", persona_rule=view.persona_rule(other)),
                    ws.min_n,
                )
            chart = journey_map_charts.journey_map(
                lanes, t, lanes=chosen, other=second, names=(name, other or "")
            )
            n = int(lanes["n"].sum()) + (int(second["n"].sum()) if second is not None else 0)
            caption = view.caption(n)
            slug = f"journey-map-{name}" + (f"-vs-{other}" if second is not None else "")
            # wider than the page past MIN_COLUMN px a touchpoint: the map scrolls, the page not
            st.html(CANVAS_CSS)
            with st.container(key="journey_canvas"):
                widgets.chart(view, chart, slug, caption, stretch=False, slide=True)
            widgets.order_note(view, lanes)
            section = export.Section(t("journeypage.title"), chart, None, caption)
            widgets.report_button(view, t("journeypage.title"), [section])
    else:
        widgets.needs_data(view)

    st.divider()
    st.subheader(t("journeypage.edit"))
    saved = st.session_state.pop("_journey_saved", None)
    if saved:
        st.success(saved)
    st.caption(t("journeypage.edit_help"))
    current = journey.definition(view.store, ws.workspace_id)
    if current.empty:
        st.info(t("journeypage.no_definition"))
        current = pd.DataFrame(columns=list(journey.COLUMNS))
    labels = {
        "touchpoint": t("field.touchpoint"),
        "stage": t("field.stage"),
        "stage_order": t("field.stage_order"),
        "step_order": t("field.step_order"),
        "channel": t("field.channel"),
        "owner": t("field.owner"),
        "goal": t("field.goal"),
        "description": t("field.description"),
        "target_csat": t("field.target_csat"),
        "in_funnel": t("field.in_funnel"),
        "thoughts": t("canvas.lane.thoughts"),
        "opportunities": t("canvas.lane.opportunities"),
        "ideas": t("canvas.lane.ideas"),
    }
    if not view.shows_editing:
        tables.dataframe(current, lang=t.lang, labels=labels, hide_index=True)
        st.caption(t("access.denied"))
        st.stop()
    edited = st.data_editor(
        current,
        num_rows="dynamic",
        hide_index=True,
        placeholder="",  # an empty cell to fill in, not Streamlit's "None"
        key=f"journey_editor_{ws.workspace_id}_{ws.data_version}",
        column_config={
            col: (
                st.column_config.NumberColumn(label, min_value=0, step=1)
                if col in ("stage_order", "step_order", "target_csat")
                else st.column_config.CheckboxColumn(label, default=True)
                if col == "in_funnel"
                else st.column_config.TextColumn(label)
            )
            for col, label in labels.items()
        },
    )
    if st.button(t("journeypage.save"), type="primary", key="journey_save"):
        table = journey.clean(edited)
        problems = journey.validate(table)
        if problems:
            for p in problems[:50]:
                st.error(
                    t(
                        "journeypage.problem",
                        row=p.row,
                        column=labels.get(p.column, p.column),
                        message=t(p.key),
                    )
                )
        else:
            try:
                n = journey.save(view.store, view.access, ws, table)
                st.session_state["_journey_saved"] = t("journeypage.saved", n=n)
                st.rerun()
            except Exception as exc:  # noqa: BLE001
                show_error(exc, t)
