"""Sign-in gate, editor sessions, share links and the viewer badge, drawn in the sidebar.

Who is looking is decided once per run, in this order: a share link in the URL (or kept by the
tab) makes a read-only viewer; with no editor password configured everyone is the local user;
otherwise an editor needs a live session, kept by the tab or carried by the HttpOnly session
cookie (journeylens.services.signin, journeylens.ui.session), or must sign in. A deep link opened before
signing in (`/funnel?window=7d&persona=…`) is remembered and reopened after the sign-in.
"""

from __future__ import annotations

import logging
import math
import os
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from journeylens.i18n import Translator
from journeylens.services import access as acc
from journeylens.services import signin
from journeylens.storage.store import Store
from journeylens.ui import safe, session, state
from journeylens.ui.pages_registry import PAGES, lang_from_url, navigation
from journeylens.ui.view import View

log = logging.getLogger("journeylens")

EXPIRY_DAYS = (1, 7, 30, 90)
LINKS_PER_PAGE = 10

_SESSION = "_editor_session"  # the signed-in editor's session id, for this tab
_TICKET = "_session_ticket"  # a cookie ticket to hand to the browser on the next run
_CLEAR_COOKIE = "_session_clear_cookie"
_WANTED = "_sign_in_wanted"  # the page and query string asked for before signing in
_SHARE_TOKEN = "_share_token"
_SHARE_USED = "_share_recorded"


def configured_password() -> str | None:
    env = os.environ.get(acc.PASSWORD_ENV)
    if env:
        return env
    try:
        value = st.secrets.get("editor_password")
    except Exception:  # noqa: BLE001 - no secrets file at all is the common case
        return None
    return str(value) if value else None


def client_id() -> str:
    """Who to count failed sign-ins against: the connection's address (one for every local or
    proxied visitor, since st.context.ip_address is None on localhost)."""
    try:
        ip = st.context.ip_address
    except Exception:  # noqa: BLE001 - outside a browser session (AppTest)
        ip = None
    return ip if isinstance(ip, str) and ip else "local"


def resolve_access(store: Store, t: Translator, script_slot: Any = None) -> acc.Access:
    """Who is looking: a link viewer, a signed-in editor, or (no password set) the local user.

    Stops the script with a clear page when the link is bad or a sign-in is needed.
    `script_slot`: where the session cookie's one-time script goes (a fixed sidebar element).
    """
    # The token arrives in the link; Streamlit drops unbound query parameters on a page switch,
    # so the session keeps it (and it is checked again, for expiry and revocation, every run).
    token = st.query_params.get(acc.TOKEN_PARAM) or st.session_state.get(_SHARE_TOKEN)
    if token:
        return _viewer(store, t, token)
    password = configured_password()
    if password is None:
        return acc.LOCAL
    editor = signin.session_by_id(store, st.session_state.get(_SESSION))
    if editor is None:
        editor = signin.session_access(store, st.context.cookies.get(signin.COOKIE))
    if editor is not None:
        st.session_state[_SESSION] = editor.session_id
        _hand_over_cookie(script_slot)
        return editor
    st.session_state.pop(_SESSION, None)
    _sign_in_page(store, t, password)
    raise AssertionError("unreachable")


def _viewer(store: Store, t: Translator, token: str) -> acc.Access:
    try:
        access = acc.viewer_access(store, token)
    except acc.InvalidLink as exc:
        log.info("share link refused: %s", exc)
        st.title(t("access.invalid_title"))
        st.error(t("access.invalid_body"), icon=":material/link_off:")
        st.stop()
        raise AssertionError("unreachable") from exc
    st.session_state[_SHARE_TOKEN] = token
    st.query_params[acc.TOKEN_PARAM] = token  # so a copied address still carries it
    if st.session_state.get(_SHARE_USED) != access.link_id:  # once per browser session
        acc.record_use(store, access)
        st.session_state[_SHARE_USED] = access.link_id
    return access


def _requested_page() -> Any:
    """The page this run was asked for, declared the way app.py declares it (but hidden)."""
    return navigation(lang_from_url(), position="hidden")


def _remember_wanted() -> str:
    """Keep the deep link (page and query string) a sign-in interrupted, once per tab; returns
    the slug of the page this run was asked for.

    Declaring the pages here (hidden) keeps the session on the page it asked for: a run that
    stops before app.py declares them leaves Streamlit in its legacy pages/ mode, where the
    next event (the sign-in, or the first press after it) is taken as a page change.
    """
    page = _requested_page()
    slug = getattr(page, "url_path", "") or ""
    match = next((p for p in PAGES if p.slug == slug), None) or next(p for p in PAGES if p.default)
    if _WANTED not in st.session_state:
        # the language widget is drawn (and bound to the URL) before the gate: it keeps its value
        params = {k: st.query_params.get_all(k) for k in st.query_params if k != state.LANG}
        st.session_state[_WANTED] = {"slug": match.slug, "params": params}
    return match.slug


def _reopen_wanted(current_slug: str) -> None:
    """After the sign-in: the page and query string the link asked for (a wrong password, or
    Streamlit, may have dropped some of it from the address meanwhile)."""
    wanted = st.session_state.pop(_WANTED, None) or {"slug": current_slug, "params": {}}
    if wanted["slug"] != current_slug:
        page = next(p for p in PAGES if p.slug == wanted["slug"])
        st.switch_page(str(page.path), query_params=wanted["params"])
    for key, values in wanted["params"].items():
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values
    # a plain rerun of the same page: page controls read their hand-written values (`metric=csat`)
    # once, which a page switch would run twice and lose
    st.rerun()


def _sign_in_page(store: Store, t: Translator, password: str) -> None:
    current = _remember_wanted()
    if st.session_state.pop(_CLEAR_COOKIE, False) and session.installed():
        st.html(session.script("DELETE"), unsafe_allow_javascript=True)
    st.title(t("access.sign_in"))
    st.caption(t("access.sign_in_help"))
    with st.form("sign_in"):
        given = st.text_input(t("access.password"), type="password")
        if st.form_submit_button(t("access.sign_in_button")):
            try:
                editor, cookie = signin.sign_in(store, given, password, client_id())
            except signin.SignInRefused as exc:
                st.error(t(exc.key, **exc.params))
            else:
                st.session_state[_SESSION] = editor.session_id
                if session.installed():
                    st.session_state[_TICKET] = signin.ticket(cookie)
                _reopen_wanted(current)
    st.stop()


def _hand_over_cookie(slot: Any) -> None:
    """Right after a sign-in: let the browser fetch its HttpOnly session cookie (one-time
    ticket), so a reload or a new tab stays signed in."""
    ticket = st.session_state.pop(_TICKET, None)
    if ticket and session.installed():
        (slot or st.sidebar).html(session.script("POST", ticket), unsafe_allow_javascript=True)


def _sign_out(view: View) -> None:
    signin.end_session(view.store, view.access)
    st.session_state.pop(_SESSION, None)
    st.session_state[_CLEAR_COOKIE] = True
    st.rerun()


def _current_link(extra: dict[str, str] | None = None) -> str:
    base = st.context.url or ""
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    pairs = [(k, v) for k, v in pairs if k != acc.TOKEN_PARAM]
    pairs += list((extra or {}).items())
    return f"{base}?{urlencode(pairs)}" if pairs else base


def sidebar(view: View) -> None:
    t, access, ws = view.t, view.access, view.workspace
    side = st.sidebar
    if access.role == "viewer" and ws is not None:
        side.info(
            safe.msg(t, "access.viewer_badge", workspace=ws.name), icon=":material/visibility:"
        )
        return
    if not access.local:
        side.caption(t("access.editor_badge"))
        if side.button(t("access.sign_out"), key="sign_out"):
            _sign_out(view)
    if ws is None:
        return
    with side.expander(t("share.button"), icon=":material/share:", key="share_popover"):
        if access.local and configured_password() is None:
            st.caption(t("share.local_copy"))
            st.code(_current_link(), language=None, wrap_lines=True)
        with st.form("share_form", border=False):
            days = st.selectbox(
                t("share.expiry"),
                EXPIRY_DAYS,
                index=1,
                format_func=lambda d: t("share.days", days=d),
            )
            note = st.text_input(t("share.note"), max_chars=acc.MAX_NOTE)
            if st.form_submit_button(t("share.create")):
                token = acc.issue_link(view.store, access, ws.workspace_id, int(days), note)
                st.session_state["_share_link"] = _current_link({acc.TOKEN_PARAM: token})
        if st.session_state.get("_share_link"):
            st.caption(t("share.copy"))
            st.code(st.session_state["_share_link"], language=None, wrap_lines=True)
        _issued_links(view)


def _when(value: Any, t: Translator) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value != value:
        return ""
    fmt = "%Y-%m-%d %H:%M" if t.lang == "en" else "%d/%m/%Y %H:%M"
    return value.strftime(fmt)


def _issued_links(view: View) -> None:
    """Every link of the workspace, a page at a time: who it was for, expiry, last use, status,
    and a way to revoke each, or all at once."""
    t, access, ws = view.t, view.access, view.workspace
    assert ws is not None
    done = st.session_state.pop("_share_revoked", None)
    if done:
        st.success(done)
    total = acc.link_count(view.store, ws.workspace_id)
    if not total:
        return
    st.caption(t("share.links", n=t.num(total, 0)))
    pages = math.ceil(total / LINKS_PER_PAGE)
    page = 1
    if pages > 1:
        page = int(
            st.number_input(
                t("share.page", pages=pages),
                1,
                pages,
                1,
                step=1,
                key=f"share_page_{ws.workspace_id}",
            )
        )
    rows = acc.links(
        view.store, ws.workspace_id, offset=(page - 1) * LINKS_PER_PAGE, limit=LINKS_PER_PAGE
    )
    for row in rows.itertuples():
        used = _when(row.last_used_at, t)
        details = " · ".join(
            [
                t("share.expires", date=_when(row.expires_at, t)),
                t("share.last_used", when=used) if used else t("share.never_used"),
                t(f"share.status.{row.status}"),
            ]
        )
        box = st.container(key=f"link_{row.link_id}")
        cols = box.columns([3, 1], vertical_alignment="center")
        cols[0].text(row.note or t("share.no_note"))  # the note is user text: never Markdown
        cols[0].caption(details)
        if row.status == "active" and cols[1].button(
            t("share.revoke"), key=f"revoke_{row.link_id}"
        ):
            acc.revoke_link(view.store, access, row.link_id)
            st.session_state["_share_revoked"] = safe.msg(
                t, "share.revoked", note=row.note or row.link_id
            )
            st.rerun()
    with st.form("revoke_all", border=False):
        sure = st.checkbox(t("share.revoke_all_confirm"))
        if st.form_submit_button(t("share.revoke_all")) and sure:
            n = acc.revoke_all(view.store, access, ws.workspace_id)
            st.session_state["_share_revoked"] = t("share.revoked_all", n=t.num(n, 0))
            st.rerun()
