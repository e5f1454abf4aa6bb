import pandas as pd
import streamlit as st

from journeylens.domain.filters import RULE_COLUMNS, extra_by, extra_column_of
from journeylens.services import personas
from journeylens.services.dashboards.options import MAX_EXTRA_VALUES
from journeylens.ui import page_start, safe, tables, widgets
from journeylens.ui.errors import show_error, shown_as_message

view = page_start()
t = view.t
st.title(t("personas16.title"))
widgets.notices(view)
if view.workspace is None:
    widgets.needs_data(view)
    st.stop()
ws = view.workspace

with shown_as_message(t):
    widgets.needs_data(view)
    st.caption(t("personas16.intro"))
    saved = st.session_state.pop("_personas_saved", None)
    if saved:
        st.success(saved)
    current = personas.table(view.store, ws.workspace_id)
    labels = {col: t(f"personas16.col.{col}") for col in personas.COLUMNS}
    # the rule beside the name: what the filter does with a persona is visible without scrolling
    order = ("name", "rule_column", "rule_value", "description", "goals", "pains")
    # a rule may also name a column of the user's files (a plan, a region): offered by its name
    extras = {
        str(c): [str(v) for v in vals] for c, vals in (view.options.get("extras") or {}).items()
    }
    rule_names = {col: t(f"filter.{col}") for col in RULE_COLUMNS} | {
        extra_by(c): c for c in extras
    }
    rule_names |= {
        c: extra_column_of(c) or c
        for c in current["rule_column"].dropna().astype(str)
        if c not in rule_names
    }
    rule_columns = list(rule_names)
    gone = [
        extra_column_of(c)
        for c in dict.fromkeys(current["rule_column"].dropna().astype(str))
        if extra_column_of(c) is not None and extra_column_of(c) not in extras
    ]
    if gone:
        names = "”, “".join(str(c) for c in gone)
        st.warning(
            safe.msg(t, "personas16.column_gone", columns=names, max=MAX_EXTRA_VALUES),
            icon=":material/warning:",
        )
    if any(extra_column_of(c) for c in current["rule_column"].dropna().astype(str)):
        st.caption(t("personas16.events_note"))
    if not view.shows_editing:
        if current.empty:
            st.info(t("personas16.none_viewer"))
        else:
            shown = current.assign(rule_column=current["rule_column"].map(rule_names))
            tables.dataframe(shown, lang=t.lang, labels=labels, hide_index=True, column_order=order)
        st.caption(t("access.denied"))
        st.stop()
    if current.empty:
        st.info(t("personas16.none"))
        current = pd.DataFrame(columns=list(personas.COLUMNS))
    edited = st.data_editor(
        current,
        num_rows="dynamic",
        hide_index=True,
        column_order=order,
        placeholder="",  # an empty cell to fill in, not Streamlit's "None"
        key=f"personas_editor_{ws.workspace_id}_{ws.data_version}",
        column_config={
            col: (
                st.column_config.SelectboxColumn(
                    label,
                    options=rule_columns,
                    format_func=lambda c: rule_names.get(c, c),
                )
                if col == "rule_column"
                else st.column_config.TextColumn(label)
            )
            for col, label in labels.items()
        },
    )
    with st.expander(t("personas16.values")):
        for col, option_key in (
            ("persona", "persona_values"),
            ("segment", "segments"),
            ("channel", "channels"),
        ):
            values = [str(v) for v in view.options.get(option_key) or []]
            listed = ", ".join(values) if values else t("personas16.values_none")
            st.caption(f"**{safe.md(rule_names[col])}**: {safe.md(listed)}")
        for column, values in extras.items():
            st.caption(f"**{safe.md(column)}**: {safe.md(', '.join(values))}")
    if st.button(t("personas16.save"), type="primary", key="personas_save"):
        table = personas.clean(edited)
        problems = personas.validate(table)
        if problems:
            for p in problems[:50]:
                st.error(
                    t(
                        "personas16.problem",
                        row=p.row,
                        column=labels.get(p.column, p.column),
                        message=t(p.key),
                    )
                )
        else:
            try:
                n = personas.save(view.store, view.access, ws, table)
                st.session_state["_personas_saved"] = t.plural("personas16.saved", n, n=n)
                st.rerun()
            except Exception as exc:  # noqa: BLE001
                show_error(exc, t)
