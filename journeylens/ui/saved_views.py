"""The sidebar's saved views: a link per view of the workspace, and (editors) the save form.

A view is the page plus its query string as the URL holds it (filters and page controls are bound
to it), without the share token and the language: the link opens in the reader's language, and
a viewer's token stays in their session (journeylens.ui.sharing).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

import streamlit as st

from journeylens.i18n import fmt_date
from journeylens.services import access as acc
from journeylens.services import views as views_svc
from journeylens.ui import insights, safe, state
from journeylens.ui.pages_registry import DEFAULT_PATH_SUFFIX, PAGES
from journeylens.ui.view import View

_WHO = "_views16_who"  # the name the editor typed, remembered for the session
_DONE = "_views16_done"
OPENED = "view"  # on a saved view's link only: the run it starts opens that view
_LEFT_OUT = (acc.TOKEN_PARAM, state.LANG, OPENED)
# the URL-bound filters and page controls a view sets (the language and workspace stay the reader's)
_VIEW_KEYS = tuple(
    v
    for k, v in vars(state).items()
    if k.isupper() and isinstance(v, str) and v not in (state.LANG, state.WORKSPACE)
) + (insights.OUTCOME, insights.OUTCOME_TP, insights.DRIVER)


def page_slug(page: Any) -> str:
    """The PAGES slug of the page st.navigation picked (the default page has its own path)."""
    url_path = getattr(page, "url_path", "") or ""
    slug = url_path.removesuffix(DEFAULT_PATH_SUFFIX)
    return slug if any(p.slug == slug for p in PAGES) else next(p.slug for p in PAGES if p.default)


def current_query() -> str:
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    return urlencode([(k, v) for k, v in pairs if k not in _LEFT_OUT])


def _link_params(view: View, query: str, view_id: int) -> list[tuple[str, str]]:
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in _LEFT_OUT]
    lang = [(state.LANG, v) for v in view.url.get(state.LANG, [])[:1]]
    return lang + pairs + [(OPENED, str(view_id))]


def open_linked_view() -> None:
    """A saved view's link followed in a running session: the view's filters and page controls
    replace the session's. Streamlit seeds a URL-bound widget from the address only on the
    session's first run (and on back/forward); later runs keep the widget's value and write it
    back to the address, so the link would open with the reader's filters. Forgetting those values
    before the widgets are drawn lets this run seed them from the link. Called by the frame before
    its first bound widget after the language; the marker leaves the address."""
    if OPENED not in st.query_params:
        return
    del st.query_params[OPENED]
    for key in _VIEW_KEYS:
        if key in st.session_state:
            del st.session_state[key]


def sidebar(view: View, page: Any) -> None:
    """The 'Saved views' section, drawn after the frame's sidebar (it needs the page)."""
    t, ws = view.t, view.workspace
    if ws is None:
        return
    side = st.sidebar
    side.subheader(t("views16.title"))
    done = st.session_state.pop(_DONE, None)
    if done:
        side.success(done)
    saved = views_svc.list_views(view.store, ws.workspace_id)
    me = st.session_state.get(_WHO) or ""
    if not saved:
        side.caption(t("views16.none"))
    for v in saved:
        if v.url_path not in views_svc.KNOWN_PAGES:  # a page since removed: no link to draw
            continue
        box = side.container(key=f"views16_{v.view_id}")
        cols = box.columns([4, 1], vertical_alignment="center") if view.shows_editing else [box]
        cols[0].page_link(
            f"pages/{v.url_path}.py",
            label=safe.md(v.name),
            icon=":material/bookmark:",
            help=safe.md(v.description) if v.description else None,
            query_params=_link_params(view, v.query, v.view_id),
        )
        if v.changed or (v.updated_by or "") != me:
            who = v.updated_by or t("views16.an_editor")
            when = fmt_date(v.updated_at, t.lang)
            cols[0].caption(safe.msg(t, "views16.changed_by", who=who, date=when))
        if view.shows_editing and cols[1].button(
            t("views16.delete"),
            key=f"views16_delete_{v.view_id}",
            icon=":material/delete:",
            help=safe.msg(t, "views16.delete_help", name=v.name),
        ):
            views_svc.delete(view.store, view.access, ws.workspace_id, v.view_id)
            st.session_state[_DONE] = safe.msg(t, "views16.deleted", name=v.name)
            st.rerun()
    if view.shows_editing:
        _save_form(view, page)


def _save_form(view: View, page: Any) -> None:
    t, ws = view.t, view.workspace
    assert ws is not None
    with (
        st.sidebar.expander(t("views16.save"), icon=":material/bookmark_add:", key="views16_box"),
        st.form("views16_form", border=False, clear_on_submit=False),
    ):
        st.caption(t("views16.save_help"))
        name = st.text_input(t("views16.name"), max_chars=views_svc.MAX_NAME)
        description = st.text_area(
            t("views16.description"), max_chars=views_svc.MAX_DESCRIPTION, height=68
        )
        who = st.text_input(
            t("views16.who"),
            value=st.session_state.get(_WHO, ""),
            max_chars=views_svc.MAX_WHO,
            help=t("views16.who_help"),
        )
        if not st.form_submit_button(t("views16.submit")):
            return
        try:
            saved, new = views_svc.save(
                view.store, view.access, ws.workspace_id, name=name, description=description,
                url_path=page_slug(page), query=current_query(), who=who,
            )  # fmt: skip
        except views_svc.ViewProblem as exc:
            st.error(exc.text(t.lang), icon=":material/error:")
            return
        st.session_state[_WHO] = who.strip()
        key = "views16.saved" if new else "views16.updated"
        st.session_state[_DONE] = safe.msg(t, key, name=saved.name)
    st.rerun()
