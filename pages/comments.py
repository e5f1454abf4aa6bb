import math

import streamlit as st

from journeylens.ui import page_start, safe, state, widgets
from journeylens.ui.comments import comments_table
from journeylens.ui.errors import shown_as_message

PAGE_SIZE = 50

view = page_start()
t = view.t
st.title(t("commentspage.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()

with shown_as_message(t):
    c1, c2 = st.columns([3, 2])
    search = c1.text_input(t("commentspage.search"), key=state.SEARCH, bind="query-params")
    touchpoints = [str(x) for x in view.options.get("touchpoints") or []]
    widgets.check_param(view, state.TOUCHPOINT, touchpoints)
    touchpoint = c2.selectbox(
        t("commentspage.touchpoint"),
        [""] + touchpoints,
        format_func=lambda x: x or t("commentspage.all"),
        key=state.TOUCHPOINT,
        bind="query-params",
    )
    first, total = view.query(
        "comments", search=search, touchpoint=touchpoint or None, page=1, page_size=PAGE_SIZE
    )
    if total == 0:
        st.info(t("commentspage.none"))
        st.stop()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page_no = 1
    if pages > 1:
        page_no = st.pagination(pages, key=state.PAGE_NO, bind="query-params")
    page_no = min(max(1, int(page_no)), pages)
    page = first
    if page_no > 1:
        page, total = view.query(
            "comments",
            search=search,
            touchpoint=touchpoint or None,
            page=page_no,
            page_size=PAGE_SIZE,
        )
    st.caption(t("commentspage.total", total=t.num(total, 0), page=page_no, pages=pages))
    comments_table(view, page)
    st.caption(safe.md(view.caption(total)))
    st.download_button(
        t("commentspage.download"),
        lambda: view.query("comments_csv", search=search, touchpoint=touchpoint or None),
        file_name="comments.csv",
        mime="text/csv",
        key="comments_csv",
        on_click="ignore",
        icon=":material/download:",
    )
