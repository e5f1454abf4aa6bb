"""The HTTP half of editor sessions: two routes on Streamlit's own server that set and clear the
HttpOnly session cookie.

Why routes: a Streamlit script talks to the browser over a websocket and can read cookies
(`st.context.cookies`, from the websocket's handshake) but cannot set one, and a cookie set by
page JavaScript cannot be HttpOnly. Streamlit 1.67 serves every app with Starlette and lets an
app add its own routes through `st.App(script, routes=[...])`; `streamlit run app.py` finds the
`app = st.App(...)` in app.py and serves it (app.py builds it only when imported as a module;
the script runs of each browser session skip that branch).

- POST {base}/_journeylens/session with a one-time ticket (journeylens.services.signin.ticket) as body:
  sets the cookie (HttpOnly, SameSite=Lax, Path=base, Max-Age = the session's lifetime, Secure
  on HTTPS) and answers 204. The script hands the ticket to the browser in a small inline script
  right after a successful sign-in; the cookie value itself never reaches page JavaScript.
- DELETE {base}/_journeylens/session: clears the cookie (sign-out; the session row is ended by
  the script first, so a cookie that somehow survives no longer opens anything).

Both require the header `X-JourneyLens: 1`: a cross-site page cannot send it without a CORS
preflight, which these routes never grant. Without the routes (a server started another way),
sign-in still works for the tab it happened in, as before.
"""

from __future__ import annotations

import json
from typing import Any

from journeylens.services import signin

PATH = "_journeylens/session"
HEADER = "x-journeylens"

_installed = {"routes": False}


def _base() -> str:
    from streamlit import config

    return "/" + (config.get_option("server.baseUrlPath") or "").strip("/")


def endpoint() -> str:
    base = _base().rstrip("/")
    return f"{base}/{PATH}"


def installed() -> bool:
    """Whether this process serves the routes (so a sign-in can become a cookie)."""
    return _installed["routes"]


def routes() -> list[Any]:
    """The Starlette routes, for `st.App(..., routes=routes())`."""
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    def _cookie(request: Request, value: str, max_age: int) -> str:
        parts = [
            f"{signin.COOKIE}={value}",
            f"Path={_base()}",
            f"Max-Age={max_age}",
            "HttpOnly",
            "SameSite=Lax",
        ]
        forwarded = request.headers.get("x-forwarded-proto", "")
        if request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https":
            parts.append("Secure")
        return "; ".join(parts)

    async def start(request: Request) -> Response:
        if request.headers.get(HEADER) != "1":
            return Response(status_code=403)
        body = (await request.body())[:200].decode("ascii", errors="replace").strip()
        cookie = signin.redeem(body)
        if cookie is None:
            return Response(status_code=403)
        response = Response(status_code=204, headers={"Cache-Control": "no-store"})
        response.headers["set-cookie"] = _cookie(request, cookie, signin.session_seconds())
        return response

    async def end(request: Request) -> Response:
        if request.headers.get(HEADER) != "1":
            return Response(status_code=403)
        response = Response(status_code=204, headers={"Cache-Control": "no-store"})
        response.headers["set-cookie"] = _cookie(request, "", 0)
        return response

    _installed["routes"] = True
    path = endpoint()
    return [Route(path, start, methods=["POST"]), Route(path, end, methods=["DELETE"])]


def script(method: str, body: str = "") -> str:
    """The inline script that calls a route from the page (same origin, with the header)."""
    call = {
        "method": method,
        "credentials": "same-origin",
        "headers": {"X-JourneyLens": "1"},
        "body": body or None,
    }
    return (
        "<script>fetch("
        + json.dumps(endpoint())
        + ", "
        + json.dumps(call)
        + ").catch(function () {});</script>"
    )
