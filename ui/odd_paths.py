"""An address Streamlit's server would not answer with the app goes to the dashboard's not-found page.

Streamlit answers a page path with a NUL byte or ``..`` with a bare "Bad Request", one with a
line break with "Not Found", and serves a nested path (``/a/b``, ``/<script>x</script>``) the
app's HTML whose relative scripts then fail to load: a blank page. This ASGI middleware, which
runs before Streamlit's own (``serve.py``), redirects such a browser navigation to the hidden
page ``ui.routes.NOT_FOUND_PATH`` with the query string kept, so the page says so in the view's
language with the sidebar. Requests that are not a navigation to a document (scripts, the
websocket, health checks, uploads) pass untouched, and so does every ordinary path.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

NOT_FOUND_PATH = "not_found"
"""``ui.routes.NOT_FOUND_PATH`` (not imported: this module loads before Streamlit runs a script)."""
STREAMLIT_ROUTES = ("_stcore", "static", "media", "component", "app", "auth", "oauth2callback")
"""First segments of the server's own routes (its API, assets, media, downloads, login): never
redirected, whatever follows, even when a person opens one in a tab."""


def is_odd(path: str) -> bool:
    """Would Streamlit's server fail to serve the app at ``path`` (decoded, after the base path)?
    Its own routes are never odd: they are not pages."""
    inner = path.strip("/")
    if not inner or inner.split("/", 1)[0] in STREAMLIT_ROUTES:
        return False
    if "/" in inner or "\\" in inner or ".." in inner:
        return True
    return any(unicodedata.category(c) == "Cc" for c in inner)


def _navigation(scope: Scope) -> bool:
    headers = dict(scope.get("headers") or [])
    if headers.get(b"sec-fetch-dest") == b"document":
        return True
    return b"sec-fetch-dest" not in headers and b"text/html" in headers.get(b"accept", b"")


class OddPaths:
    """ASGI middleware: a browser navigation to an odd path is redirected to the not-found page."""

    def __init__(self, app: ASGIApp, base: str = "") -> None:
        self.app = app
        self.base = "/" + base.strip("/") if base.strip("/") else ""

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Any]], send: Callable[[Any], Awaitable[None]]) -> None:
        if scope.get("type") == "http" and scope.get("method") in ("GET", "HEAD") and _navigation(scope):
            raw = scope.get("raw_path") or scope.get("path", "").encode()
            path = unquote(raw.split(b"?", 1)[0].decode("latin-1"), errors="replace")
            if path.startswith(self.base):
                path = path[len(self.base):]
            if is_odd(path):
                query = scope.get("query_string") or b""
                location = f"{self.base}/{NOT_FOUND_PATH}" + (f"?{query.decode('latin-1')}" if query else "")
                await send({"type": "http.response.start", "status": 303,
                            "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0"),
                                        (b"cache-control", b"no-store")]})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)
