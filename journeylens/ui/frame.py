"""The app frame: page list, sidebar (language, workspace, filters) and the page guard."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from journeylens import access as access_mod
from journeylens import state
from journeylens.filters import Filters
from journeylens.i18n import LANG_NAMES, LANGS, Translator
from journeylens.i18n import t as translate
from journeylens.store import Store, StoreError, Workspace
from journeylens.ui import data, safe

ROOT = Path(__file__).resolve().parents[2]
log = logging.getLogger("journeylens")


@dataclass(frozen=True)
class PageDef:
    slug: str
    title_key: str
    icon: str
    default: bool = False

    @property
    def path(self) -> Path:
        return ROOT / "pages" / f"{self.slug}.py"


PAGES: tuple[PageDef, ...] = (
    PageDef("overview", "nav.overview", ":material/dashboard:", default=True),
    PageDef("journey", "nav.journey", ":material/route:"),
    PageDef("funnel", "nav.funnel", ":material/filter_alt:"),
    PageDef("emotion", "nav.emotion", ":material/mood:"),
    PageDef("heatmap", "nav.heatmap", ":material/grid_on:"),
    PageDef("comments", "nav.comments", ":material/forum:"),
    PageDef("fix_first", "nav.fix_first", ":material/priority_high:"),
    PageDef("alerts", "nav.alerts", ":material/notifications:"),
    PageDef("paths", "nav.paths", ":material/account_tree:"),
    PageDef("attribution", "nav.attribution", ":material/pie_chart:"),
    PageDef("themes", "nav.themes", ":material/format_quote:"),
    PageDef("data", "nav.data", ":material/upload_file:"),
)


@dataclass
class View:
    """Everything a page needs for this run: the store, the language, the workspace, the filters."""

    store: Store
    t: Translator
    workspace: Workspace | None
    filters: Filters = field(default_factory=Filters)
    options: dict[str, Any] = field(default_factory=dict)
    notices: state.Notices = field(default_factory=state.Notices)
    access: access_mod.Access = access_mod.LOCAL
    url: dict[str, list[str]] = field(default_factory=dict)  # the query string as it arrived
    notice_slot: Any = None  # where pages redraw the reset notice

    @property
    def lang(self) -> str:
        return self.t.lang

    @property
    def shows_editing(self) -> bool:
        """Whether pages draw upload, edit and delete controls. Only hiding: every writer below
        refuses a viewer on its own (journeylens.permissions), whatever the page shows."""
        return self.access.can_edit

    def query(self, name: str, **kwargs: Any) -> Any:
        assert self.workspace is not None
        return data.query(self.workspace, self.filters, name, **kwargs)

    def has_data(self) -> bool:
        """Answers or events stored (dated or not); a journey definition alone is not data."""
        return bool(self.options.get("has_data"))

    def definitions(self) -> list[str]:
        """The metric definitions shown beside the numbers: sidebar, reports."""
        lines = [self.t(f"definition.{m}") for m in ("nps", "csat", "ces", "emotion")]
        if self.workspace is not None:
            lines.append(self.t("definition.min_n", min_n=self.workspace.min_n))
        return lines

    def caption(self, n: int | None = None) -> str:
        text = self.filters.caption(self.t)
        if n is not None:
            text += " · " + self.t("common.n", n=self.t.num(n, 0))
        return text


_local = threading.local()


# The language widget is bound to the URL by its visible option, so the link reads `lang=Română`;
# a bare code (`lang=ro`) is accepted too, for hand-written links.
_LANG_BY_NAME = {name: code for code, name in LANG_NAMES.items()}


def _lang_from_url() -> str:
    value = st.query_params.get(state.LANG) or ""
    return _LANG_BY_NAME.get(value, value if value in LANGS else "en")


def navigation(lang: str, position: str = "sidebar") -> Any:
    # The hidden list of the cold-deep-link guard goes without icons: it reaches the browser
    # before app.py's page config, and the browser then takes the page's icon for the favicon,
    # fetching a ":material/…:" one from fonts.gstatic.com. The sidebar's icons are drawn from
    # the font Streamlit bundles.
    hidden = position == "hidden"
    pages = [
        st.Page(
            str(p.path),
            title=translate(p.title_key, lang),
            icon=None if hidden else p.icon,
            url_path=p.slug,
            default=p.default,
        )
        for p in PAGES
    ]
    return st.navigation(pages, position=position)  # type: ignore[arg-type]


def page_start() -> View:
    """First call of every page. Sends a cold deep link back through app.py (see module doc).

    A page only ever runs inside app.py's frame: the guard is what gets a cold deep link there,
    and nothing builds a second frame behind its back (which would hide a broken guard).
    """
    if PagesManager.uses_pages_directory:
        navigation(_lang_from_url(), position="hidden")
        st.rerun()
    view = getattr(_local, "view", None)
    if view is None:
        log.error("page %s ran outside app.py's frame", st.context.url)
        st.error(translate("error.no_frame", _lang_from_url()), icon=":material/error:")
        st.stop()
    return view


def run_page(page: Any, view: View) -> None:
    _local.view = view
    try:
        page.run()
    finally:
        _local.view = None


def _url_snapshot() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def render_frame() -> View:
    """Draw the sidebar and work out the view for this run."""
    url = _url_snapshot()
    notices = state.Notices()
    try:
        store = data.get_store()
    except StoreError as exc:  # e.g. another process holds the database file
        st.error(safe.md(exc), icon=":material/lock:")
        st.stop()
    side = st.sidebar
    # one fixed, usually empty, element at the top of the sidebar for the session cookie's
    # one-time script: drawn every run, so the elements below keep their place (an expander
    # that moved would close)
    script_slot = side.empty()

    wanted = _lang_from_url()
    raw = url.get(state.LANG, [])
    if raw and raw[0] not in _LANG_BY_NAME and raw[0] not in LANGS:
        notices.add(state.LANG)
    if raw and raw[0] in LANGS and state.LANG not in st.session_state:
        st.session_state[state.LANG] = wanted  # a code in a hand-written link
    lang = side.selectbox(
        translate("sidebar.language", _lang_from_url()),
        LANGS,
        format_func=lambda code: LANG_NAMES[code],
        key=state.LANG,
        bind="query-params",
    )
    t = Translator(lang)

    from journeylens.ui import sharing  # late import: sharing draws with View

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
    from journeylens.ui import report  # late import: report draws with View

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
    return Filters(date_from=date_from, date_to=date_to, **chosen)
