import pandas as pd
import streamlit as st

from journeylens.charts import paths as path_charts
from journeylens.services import export
from journeylens.services.themes import BY, GROUP_NAMES
from journeylens.ui import page_start, safe, state, widgets
from journeylens.ui.errors import shown_as_message

view = page_start()
t = view.t
st.title(t("themespage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()

with shown_as_message(t):
    touchpoints = [str(x) for x in view.options.get("touchpoints") or []]
    c1, c2 = st.columns([3, 2])
    widgets.check_param(view, state.THEME_TOUCHPOINT, touchpoints)
    touchpoint = c1.selectbox(
        t("themes.touchpoint"),
        [""] + touchpoints,
        format_func=lambda x: x or t("themes.whole_journey"),
        key=state.THEME_TOUCHPOINT,
        bind="query-params",
    )
    by = widgets.pick_one(view, c2, state.THEME_BY, "themes.by", BY, "themes.by", default="nps")
    found = view.query("themes", touchpoint=touchpoint or None, by=by)
    low_name, high_name = (t(f"themes.group.{g}") for g in GROUP_NAMES[by])
    n_low, n_high = found.comments.get("low", 0), found.comments.get("high", 0)
    if n_low + n_high == 0:
        if not view.filters.is_empty():
            widgets.no_match(view, [])
        else:
            st.info(t("themes.no_comments"))
        st.stop()
    caption = (
        view.caption(n_low + n_high)
        + " · "
        + t(
            "themes.caption",
            low=low_name,
            n_low=t.num(n_low, 0),
            high=high_name,
            n_high=t.num(n_high, 0),
        )  # fmt: skip
    )
    chart = path_charts.themes_bars(found.low, found.high, t, (low_name, high_name))
    widgets.chart(view, chart, f"themes-{by}", caption)
    if len(found.low):
        top = found.low.iloc[0]
        example = (found.examples.get(("low", str(top["key"]))) or [""])[0]
        st.markdown(
            safe.msg(
                t,
                "themes.explain",
                group=low_name,
                term=top["shown"],
                count=t.num(int(top["count"]), 0),
                example=example,
            )
        )
    else:
        st.markdown(safe.msg(t, "themes.explain_none", group=low_name))
    st.caption(t("themes.definition"))
    rows = []
    for grp, frame, name in (("low", found.low, low_name), ("high", found.high, high_name)):
        for r in frame.itertuples(index=False):
            rows.append(
                {
                    t("themes.group"): name,
                    t("themes.term"): r.shown,
                    t("themes.z"): round(float(r.z), 2),
                    t("themes.count"): int(r.count),
                    t("themes.examples"): " | ".join(found.examples.get((grp, str(r.key)), [])),
                }
            )
    table = pd.DataFrame(
        rows,
        columns=[
            t("themes.group"),
            t("themes.term"),
            t("themes.z"),
            t("themes.count"),
            t("themes.examples"),
        ],  # fmt: skip
    )
    st.subheader(t("themes.table"))
    widgets.table(view, table, f"themes-{by}")
    widgets.report_button(
        view, t("themespage.title"), [export.Section(t("themespage.title"), chart, table, caption)]
    )
