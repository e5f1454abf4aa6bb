"""The app frame: the sidebar (language, workspace, filters), the view it builds and the page guard.

The page list is in pages_registry and the View in view: both below this module and the ones it
draws with (sharing, report), so nothing imports the frame back.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from journeylens.domain.filters import Filters, extra_choice, extras_of, persona_rules_of
from journeylens.i18n import LANG_NAMES, LANGS, Translator
from journeylens.i18n import t as translate
from journeylens.storage.store import StoreError
from journeylens.ui import data, links, report, saved_views, sharing, state
from journeylens.ui.errors import show_error
from journeylens.ui.pages_registry import LANG_BY_NAME, lang_from_url, navigation
from journeylens.ui.view import View

log = logging.getLogger("journeylens")


_local = threading.local()


def page_start() -> View:
    """First call of every page. Sends a cold deep link back through app.py (see module doc).

    A page only ever runs inside app.py's frame: the guard is what gets a cold deep link there,
    and nothing builds a second frame behind its back (which would hide a broken guard).
    """
    if PagesManager.uses_pages_directory:
        navigation(lang_from_url(), position="hidden")
        st.rerun()
    view = getattr(_local, "view", None)
    if view is None:
        log.error("page %s ran outside app.py's frame", st.context.url)
        st.error(translate("error.no_frame", lang_from_url()), icon=":material/error:")
        st.stop()
    return view


def run_page(page: Any, view: View) -> None:
    _local.view = view
    try:
        saved_views.sidebar(view, page)  # after the frame's sidebar: it needs the page
        page.run()
    finally:
        _local.view = None


def _url_snapshot() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def render_frame() -> View:
    """Draw the sidebar and work out the view for this run."""
    saved_views.open_linked_view()  # before any bound widget: a saved view's link sets them
    url = _url_snapshot()
    notices = state.Notices()
    for key in st.session_state.pop(state.RESET_PENDING, []):
        notices.add(key)
    try:
        store = data.get_store()
    except StoreError as exc:  # e.g. another process holds the database file
        show_error(exc, Translator(lang_from_url()), icon=":material/lock:")
        st.stop()
    side = st.sidebar
    # one fixed, usually empty, element at the top of the sidebar for the session cookie's
    # one-time script: drawn every run, so the elements below keep their place (an expander
    # that moved would close)
    script_slot = side.empty()

    wanted = lang_from_url()
    raw = url.get(state.LANG, [])
    if raw and raw[0] not in LANG_BY_NAME and raw[0] not in LANGS:
        notices.add(state.LANG)
    if raw and raw[0] in LANGS:  # a code in a hand-written link: the URL keeps its name
        code = raw[0]
        links.adopt_code(
            state.LANG, code, LANG_NAMES[code], lambda: navigation(code, position="hidden")
        )
    shown_lang = st.session_state.get(state.LANG)  # the language of this run, URL or not
    lang = side.selectbox(
        translate("sidebar.language", shown_lang if shown_lang in LANGS else wanted),
        LANGS,
        format_func=lambda code: LANG_NAMES[code],
        key=state.LANG,
        bind="query-params",
    )
    t = Translator(lang)

    access = sharing.resolve_access(store, t, script_slot)
    workspaces = [w for w in store.workspaces() if access.may_see(w.workspace_id)]
    names = [w.name for w in workspaces]
    if not names:
        side.info(t("sidebar.no_workspace"))
        view = View(store=store, t=t, workspace=None, notices=notices, access=access, url=url)
        _local.view = view
        return view
    state.check_choice(url, state.WORKSPACE, names, notices)
    pending = st.session_state.pop("_select_workspace", None)
    if pending in names:  # just created on the Data page: select it before the widget exists
        st.session_state[state.WORKSPACE] = pending
    ws_name = side.selectbox(
        t("sidebar.workspace"), names, key=state.WORKSPACE, bind="query-params"
    )
    workspace = next(w for w in workspaces if w.name == ws_name)

    options = dict(data.query(workspace, Filters(), "filter_options"))
    counts = data.query(workspace, Filters(), "counts")
    options["has_data"] = counts["responses"] + counts["events"] > 0
    filters = _filter_widgets(side, t, options, url, notices)
    view = View(store, t, workspace, filters, options, notices, access, url)
    sharing.sidebar(view)
    report.sidebar_buttons(view)
    with side.expander(t("sidebar.definitions")):
        for line in view.definitions():
            st.caption(line)
    _local.view = view
    return view


def _filter_widgets(
    side: Any, t: Translator, options: dict[str, Any], url: dict[str, list[str]], notices: Any
) -> Filters:
    side.subheader(t("sidebar.filters"))
    first, last = options.get("first_date"), options.get("last_date")
    date_from = date_to = None
    if first and last:
        state.check_dates(url, notices, first, last)
        picked = side.date_input(
            t("filter.date_range"),
            value=(first, last),
            min_value=first,
            max_value=last,
            format="YYYY-MM-DD" if t.lang == "en" else "DD/MM/YYYY",
            key=state.DATE_RANGE,
            bind="query-params",
        )
        if isinstance(picked, tuple | list) and len(picked) in (1, 2):
            start, end = picked[0], picked[-1]  # one date (a one-day link) is a one-day range
            date_from = start if start and start > first else None
            date_to = end if end and end < last else None
    chosen: dict[str, tuple[str, ...]] = {}
    for key, label, option_key in (
        (state.PERSONA, "filter.persona", "personas"),
        (state.SEGMENT, "filter.segment", "segments"),
        (state.CHANNEL, "filter.channel", "channels"),
        (state.STAGE, "filter.stage", "stages"),
    ):
        values = [str(v) for v in options.get(option_key) or []]
        if not values:
            chosen[option_key] = ()
            continue
        state.check_choice(url, key, values, notices)
        picked = side.multiselect(
            t(label), values, key=key, bind="query-params", placeholder=t("filter.all")
        )
        chosen[option_key] = tuple(picked)
    # a defined persona filters by its rule (journeylens/services/personas.py)
    persona_rules = persona_rules_of(chosen["personas"], options.get("persona_rules") or {})
    extras = _extra_widget(side, t, options.get("extras") or {}, url, notices)
    return Filters(
        date_from=date_from, date_to=date_to, persona_rules=persona_rules, extras=extras, **chosen
    )


def _extra_widget(
    side: Any, t: Translator, columns: dict[str, list[str]], url: dict[str, list[str]], notices: Any
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """One multiselect of `column=value` choices over the extra columns of the user's files."""
    if not columns:
        return ()
    offered = [extra_choice(c, v) for c, values in columns.items() for v in values]
    state.check_choice(url, state.EXTRA, offered, notices)
    picked = side.multiselect(
        t("extras16.filter"),
        offered,
        key=state.EXTRA,
        bind="query-params",
        placeholder=t("filter.all"),
        help=t("extras16.filter_help"),
    )
    return extras_of(list(picked), columns)
