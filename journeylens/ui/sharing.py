"""Sign-in gate, share links and the viewer badge, drawn in the sidebar."""

from __future__ import annotations

import os
from urllib.parse import urlencode

import streamlit as st

from journeylens import access as acc
from journeylens.i18n import Translator
from journeylens.store import Store
from journeylens.ui import safe
from journeylens.ui.frame import View

EXPIRY_DAYS = (1, 7, 30, 90)


def configured_password() -> str | None:
    env = os.environ.get(acc.PASSWORD_ENV)
    if env:
        return env
    try:
        value = st.secrets.get("editor_password")
    except Exception:  # noqa: BLE001 - no secrets file at all is the common case
        return None
    return str(value) if value else None


def resolve_access(store: Store, t: Translator) -> acc.Access:
    """Who is looking: a link viewer, a signed-in editor, or (no password set) the local user.

    Stops the script with a clear page when the link is bad or a sign-in is needed.
    """
    # The token arrives in the link; Streamlit drops unbound query parameters on a page switch,
    # so the session keeps it (and it is checked again, for expiry and revocation, every run).
    token = st.query_params.get(acc.TOKEN_PARAM) or st.session_state.get("_share_token")
    if token:
        try:
            access = acc.viewer_access(store, token)
        except acc.InvalidLink:
            st.title(t("access.invalid_title"))
            st.error(t("access.invalid_body"), icon=":material/link_off:")
            st.stop()
        st.session_state["_share_token"] = token
        st.query_params[acc.TOKEN_PARAM] = token  # so a copied address still carries it
        return access
    password = configured_password()
    if password is None:
        return acc.LOCAL
    if st.session_state.get("_editor_signed_in"):
        return acc.Access(role="editor")
    st.title(t("access.sign_in"))
    st.caption(t("access.sign_in_help"))
    with st.form("sign_in"):
        given = st.text_input(t("access.password"), type="password")
        if st.form_submit_button(t("access.sign_in_button")):
            if acc.password_matches(given, password):
                st.session_state["_editor_signed_in"] = True
                st.rerun()
            st.error(t("access.wrong_password"))
    st.stop()
    raise AssertionError("unreachable")


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
            st.session_state.pop("_editor_signed_in", None)
            st.rerun()
    if ws is None:
        return
    with side.expander(t("share.button"), icon=":material/share:"):
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
            note = st.text_input(t("share.note"), max_chars=200)
            if st.form_submit_button(t("share.create")):
                token = acc.issue_link(view.store, access, ws.workspace_id, int(days), note)
                st.session_state["_share_link"] = _current_link({acc.TOKEN_PARAM: token})
        if st.session_state.get("_share_link"):
            st.caption(t("share.copy"))
            st.code(st.session_state["_share_link"], language=None, wrap_lines=True)
        issued = acc.links(view.store, ws.workspace_id)
        if not issued.empty:
            st.caption(t("share.links"))
            for row in issued.head(20).itertuples():
                status = t("share.inactive") if row.revoked else t("share.active")
                expires = row.expires_at.strftime("%Y-%m-%d") if row.expires_at else ""
                cols = st.columns([3, 1])
                cols[0].caption(safe.md(f"{row.note or row.link_id} · {expires} · {status}"))
                if not row.revoked and cols[1].button(
                    t("share.revoke"), key=f"revoke_{row.link_id}"
                ):
                    acc.revoke_link(view.store, access, row.link_id)
                    st.rerun()
