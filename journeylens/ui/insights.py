"""The Streamlit side of the insights: page controls bound to the URL, the overview panel, the
driver-question step of the Data page. Everything that decides lives in journeylens.services.insights."""

from __future__ import annotations

from typing import Any

import streamlit as st

from journeylens.charts import insights as insight_charts
from journeylens.services import export
from journeylens.services.insights import alerts as alerts_mod
from journeylens.services.insights import drivers as drivers_mod
from journeylens.services.insights import words
from journeylens.ui import state, widgets
from journeylens.ui.safe import md, msg
from journeylens.ui.view import View

# URL keys of the insight pages (each page has its own, see journeylens/ui/state.py)
OUTCOME = "outcome"
OUTCOME_TP = "otp"
DRIVER = "driver"
ALERT_PERIOD = "a_period"
ALERT_COMPARE = "a_compare"
_MARKED = "_insight_driver_columns"


def global_params(view: View) -> dict[str, list[str]]:
    """The sidebar's part of the link (language, workspace, filters), for links to other pages."""
    return {k: v for k, v in view.url.items() if k in state.GLOBAL_KEYS and v}


# --- Fix first --------------------------------------------------------------------------------


def driver_controls(view: View, opts: drivers_mod.Options) -> drivers_mod.DriverSpec:
    """Outcome, its touchpoint and the driver metric, bound to the URL; returns the spec."""
    t = view.t
    outcomes = ["nps", "conversion"] if opts.has_events else ["nps"]
    metrics = ["csat", "ces", "emotion"] + (["columns"] if opts.columns else [])
    widgets.check_param(
        view, OUTCOME, [t(f"ins.outcome.{o}") for o in outcomes], codes=list(outcomes),
        label_keys=[f"ins.outcome.{o}" for o in outcomes],
    )  # fmt: skip
    widgets.check_param(
        view, DRIVER, [t(f"ins.driver.{m}") for m in metrics], codes=metrics,
        label_keys=[f"ins.driver.{m}" for m in metrics],
    )  # fmt: skip
    c1, c2, c3 = st.columns([2, 3, 4])
    outcome = (
        c1.segmented_control(
            t("ins.outcome"),
            outcomes,
            default="nps",
            format_func=lambda o: t(f"ins.outcome.{o}"),
            key=OUTCOME,
            bind="query-params",
        )
        or "nps"
    )
    touchpoint: str | None = None
    if outcome == "nps":
        choices = ([drivers_mod.OVERALL] if opts.has_overall_nps else []) + list(
            opts.nps_touchpoints
        )
        if not choices:
            return drivers_mod.DriverSpec(outcome="nps", outcome_touchpoint=None)
        default = (
            drivers_mod.OVERALL if opts.default_touchpoint is None else opts.default_touchpoint
        )
        keys = ["ins.overall" if c == drivers_mod.OVERALL else None for c in choices]
        widgets.check_param(
            view, OUTCOME_TP, [t(k) if k else c for c, k in zip(choices, keys, strict=True)],
            codes=choices, label_keys=keys,
        )  # fmt: skip
        touchpoint = c2.selectbox(
            t("ins.outcome_touchpoint"),
            choices,
            index=choices.index(default) if default in choices else 0,
            format_func=lambda c: t("ins.overall") if c == drivers_mod.OVERALL else str(c),
            key=OUTCOME_TP,
            bind="query-params",
        )
    metric = (
        c3.segmented_control(
            t("ins.driver"),
            metrics,
            default="csat",
            format_func=lambda m: t(f"ins.driver.{m}"),
            key=DRIVER,
            bind="query-params",
        )
        or "csat"
    )
    return drivers_mod.resolve(opts, outcome, touchpoint, metric)


def driver_list(view: View, result: drivers_mod.DriverResult) -> None:
    """The ranked list in words, one numbered line per driver; noise in grey."""
    lines = []
    for i, (row, text) in enumerate(
        zip(result.drivers.to_dict("records"), words.driver_lines(result, view.t), strict=True),
        start=1,
    ):
        line = f"{i}\\. {md(text)}"
        lines.append(line if row["distinguishable"] else f":gray[{line}]")
    st.markdown("  \n".join(lines))


# --- Alerts -----------------------------------------------------------------------------------


def alert_controls(view: View) -> alerts_mod.AlertSpec:
    c1, c2 = st.columns([2, 5])
    period = widgets.pick_one(
        view, c1, ALERT_PERIOD, "ins.period", alerts_mod.GRAINS, "overview.grain", default="month"
    )
    compare = widgets.pick_one(
        view, c2, ALERT_COMPARE, "ins.compare", alerts_mod.COMPARE, "ins.compare"
    )
    return alerts_mod.AlertSpec(period=period, compare=compare)


# --- the overview panel -----------------------------------------------------------------------


def overview_panel(view: View) -> None:
    """'3 significant changes since September 2026' and the top three 'fix first' touchpoints,
    each with a link to its page (the view's filters travel with the link)."""
    t = view.t
    links = global_params(view)
    left, right = st.columns(2)
    with left:
        st.subheader(t("ins.overview.fix_title"))
        opts = view.query("driver_options")
        spec = drivers_mod.resolve(opts)
        result = view.query("drivers", spec=spec)
        top = drivers_mod.fix_first(result, 3)
        outcome = words.outcome_label(spec, t)
        if top.empty:
            st.caption(msg(t, "ins.overview.fix_none", outcome=outcome))
        else:
            lines = []
            for i, r in enumerate(top.to_dict("records"), start=1):
                perf = words.perf_phrase(r, spec.driver, t)
                lines.append(
                    t(
                        "ins.overview.fix_line",
                        rank=i,
                        touchpoint=md(r["driver"]),
                        share=md(words.pct(t, r["importance"])),
                        outcome=md(outcome),
                        perf=md(perf),
                    )
                )
            st.markdown("  \n".join(lines))
        st.page_link(
            "pages/fix_first.py",
            label=t("ins.overview.fix_link"),
            icon=":material/priority_high:",
            query_params=links,
        )
    with right:
        st.subheader(t("ins.overview.alerts_title"))
        found = view.query("alerts", spec=alerts_mod.AlertSpec())
        text = words.alerts_summary(found, t)
        if found.count:  # not st.warning: warnings on a page mean "this link was reset"
            st.markdown(f":orange[:material/notifications_active: **{md(text)}**]")
        else:
            st.caption(md(text))
        st.page_link(
            "pages/alerts.py",
            label=t("ins.overview.alerts_link"),
            icon=":material/notifications:",
            query_params=links,
        )


# --- the Data page: driver questions of a wide export -----------------------------------------


def driver_columns_widget(view: View, prepared: Any, mapping: dict[str, str], kind: str) -> None:
    """On the mapping step of an answers file: mark the unmapped numeric columns that rate a
    part of the experience; the marks are saved with the workspace when the file loads."""
    if kind != "responses":
        st.session_state.pop(_MARKED, None)
        return
    t = view.t
    candidates = drivers_mod.numeric_columns(
        getattr(prepared, "sample", None), exclude=set(mapping.values())
    )
    if not candidates:
        st.session_state.pop(_MARKED, None)
        return
    picked = st.multiselect(
        t("ins.data.columns"),
        candidates,
        help=t("ins.data.columns_help"),
        key=f"driver_cols_{prepared.sha256[:12]}",
    )
    st.session_state[_MARKED] = (prepared.sha256, list(picked))


def save_driver_columns(view: View, prepared: Any) -> str | None:
    """After a successful load: add the marked columns to the workspace's driver questions.
    Returns the confirmation to show, or None when nothing was marked."""
    marked = st.session_state.pop(_MARKED, None)
    if not marked or marked[0] != prepared.sha256 or not marked[1] or view.workspace is None:
        return None
    cur = view.store.cursor()
    try:
        known = drivers_mod.driver_columns(cur, view.workspace.workspace_id)
    finally:
        cur.close()
    columns = sorted(set(known) | set(marked[1]))
    drivers_mod.mark_driver_columns(view.store, view.access, view.workspace.workspace_id, columns)
    return view.t("ins.data.columns_saved", columns=", ".join(marked[1]))


# --- the whole-dashboard report -------------------------------------------------------------------


def report_sections(view: View) -> list[export.Section]:
    """Fix first (the priority matrix and the ranked list) and the alerts, in their default view,
    for the sidebar's report of the whole dashboard."""
    t = view.t
    out: list[export.Section] = []
    spec = drivers_mod.resolve(view.query("driver_options"))
    result = view.query("drivers", spec=spec)
    if not result.empty:
        out.append(
            export.Section(
                t("fixpage.title"),
                insight_charts.priority_matrix(result, t),
                words.drivers_table(result, t),
                words.drivers_summary(result, t) + " · " + view.caption(result.n),
            )
        )
    found = view.query("alerts", spec=alerts_mod.AlertSpec())
    out.append(
        export.Section(
            t("alertspage.title"),
            None,
            words.alerts_table(found, t) if found.count else None,
            words.alerts_summary(found, t),
        )
    )
    return out
