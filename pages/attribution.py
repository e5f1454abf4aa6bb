import pandas as pd
import streamlit as st

from journeylens.charts import paths as path_charts
from journeylens.domain.attribution_models import MODELS
from journeylens.services import export
from journeylens.services.funnel import format_window, parse_window
from journeylens.ui import page_start, safe, state, widgets
from journeylens.ui.errors import show_error, shown_as_message
from journeylens.ui.format import percent

view = page_start()
t = view.t
st.title(t("attributionpage.title"))
widgets.notices(view)
if view.workspace is None:
    widgets.needs_data(view)
    st.stop()

with shown_as_message(t):
    found = view.query("attribution_sources")
    if not found["events"] and not found["path_rows"]:
        if not view.has_data():
            widgets.needs_data(view)
        else:
            st.info(t("attribution.empty"), icon=":material/upload_file:")
        st.stop()
    sources = [s for s in ("events", "paths") if found["events" if s == "events" else "path_rows"]]
    c1, c2, c3, c4 = st.columns([2, 3, 2, 2])
    source = sources[0]
    if len(sources) > 1:
        source = widgets.pick_one(
            view, c1, state.ATTR_SOURCE, "attribution.source", sources, "attribution.source"
        )
    else:
        c1.caption(t("attribution.source") + ": " + t(f"attribution.source.{source}"))
    conversion = ""
    if source == "events":
        touchpoints = [str(x) for x in view.options.get("touchpoints") or []]
        widgets.check_param(view, state.ATTR_CONVERSION, touchpoints)
        conversion = c2.selectbox(
            t("attribution.conversion"),
            [""] + touchpoints,
            format_func=lambda x: x or t("attribution.conversion_flag"),
            key=state.ATTR_CONVERSION,
            bind="query-params",
        )
        half_text = c3.text_input(
            t("attribution.half_life"),
            value="7d",
            key=state.ATTR_HALF_LIFE,
            bind="query-params",
            help=t("funnel.window_help"),
        )
    else:
        half_text = "7d"
        c2.caption(t("attribution.no_times"))
    units = ["conversions", "value"]
    unit = widgets.pick_one(
        view, c4, state.ATTR_UNIT, "attribution.unit", units, "attribution.unit"
    )
    try:
        half_life = parse_window(half_text)
    except ValueError as exc:
        show_error(exc, t)
        st.stop()
    result = view.query(
        "attribution",
        source=source,
        conversion=conversion or None,
        half_life_seconds=half_life,
    )
    if result.conversions <= 0 or result.table.empty:
        if source == "events" and not view.filters.is_empty():
            widgets.no_match(view, [])
        else:
            st.info(t("attribution.no_conversions"))
        st.stop()
    totals = {
        "conversions": t.num(result.conversions, 0),
        "value": t.num(result.value, 0),
        "half_life": format_window(half_life),
    }
    if source == "paths":  # path files have no dates or customers: the filters do not apply
        caption = t("attribution.caption_paths", **totals)
    else:
        caption = view.caption() + " · " + t("attribution.caption", **totals)
    chart = path_charts.attribution_models(result.table, t, unit)
    widgets.chart(view, chart, f"attribution-{unit}", caption)
    best = result.table.iloc[0]
    last = result.table.sort_values("last_touch", ascending=False).iloc[0]
    st.markdown(
        safe.msg(
            t,
            "attribution.explain",
            best=best["touchpoint"],
            effect=percent(t, float(best["markov_removal_effect"]), 0),
            markov=t.num(float(best["markov"]), 0),
            last=last["touchpoint"],
            last_credit=t.num(float(last["last_touch"]), 0),
            total=t.num(result.conversions, 0),
        )
    )
    if result.unattributed_conversions > 0:
        st.caption(t("attribution.unattributed", n=t.num(result.unattributed_conversions, 0)))
    suffix = "_value" if unit == "value" else ""
    table = pd.DataFrame({t("common.touchpoint"): result.table["touchpoint"]})
    for m in MODELS:
        table[t(f"attribution.model.{m}")] = [round(float(v), 2) for v in result.table[m + suffix]]
    table[t("attribution.removal_effect")] = [
        percent(t, float(v)) for v in result.table["markov_removal_effect" + suffix]
    ]
    st.subheader(t("attribution.table"))
    widgets.table(view, table, f"attribution-{unit}")
    with st.expander(t("attribution.definitions"), expanded=True):
        for m in (*MODELS, "removal_effect"):
            st.markdown("- " + t(f"attribution.definition.{m}"))
        st.caption(t("attribution.definition.input"))
    definitions = [t(f"attribution.definition.{m}") for m in (*MODELS, "removal_effect")]
    report = export.Section(t("attributionpage.title"), chart, table, caption)
    notes = export.Section(
        t("attribution.definitions"), None, pd.DataFrame({t("attribution.model"): definitions})
    )
    widgets.report_button(view, t("attributionpage.title"), [report, notes])
