import pandas as pd
import streamlit as st

from journeylens.charts import journey_map as journey_map_charts
from journeylens.services import export, journey
from journeylens.ui import page_start, safe, state, tables, widgets
from journeylens.ui.errors import show_error, shown_as_message

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
        lanes = view.query("journey_lanes", persona_rule=view.persona_rule(persona))
        empty = lanes.empty or (int(lanes["n"].sum()) == 0 and float(lanes["volume"].sum()) == 0)
        if not widgets.no_match(view, [] if empty else lanes):
            sections = []
            targets = [(persona, lanes)]
            if other:
                targets.append(
                    (other, view.query("journey_lanes", persona_rule=view.persona_rule(other)))
                )
            cols = st.columns(len(targets))
            for col, (who, frame) in zip(cols, targets, strict=True):
                with col:
                    if len(targets) > 1:
                        st.markdown(f"**{safe.md(who or t('journeypage.all'))}**")
                    chart = journey_map_charts.journey_map(
                        frame, t, width=680 if len(targets) == 1 else 330
                    )
                    caption = view.caption(int(frame["n"].sum()))
                    widgets.chart(
                        view, chart, f"journey-map-{who or 'all'}", caption, stretch=False
                    )
                    sections.append(
                        export.Section(who or t("journeypage.all"), chart, None, caption)
                    )
            widgets.order_note(view, lanes)
            widgets.report_button(view, t("journeypage.title"), sections)
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
