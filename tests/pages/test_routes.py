"""Routing: an address that names no page gets the dashboard's own page, in its language;
the one Streamlit internal the router relies on is checked here, so an upgrade that removes it
fails loudly."""

from __future__ import annotations

import pytest

from ui import routes


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8501/", None),
    ("http://127.0.0.1:8501/targets?year=2021", None),
    ("http://127.0.0.1:8501/overview?year=2021", None),
    ("http://127.0.0.1:8501/index", "index"),
    ("http://127.0.0.1:8501/~root", None),
    ("http://127.0.0.1:8501/tragets", "tragets"),
    ("http://127.0.0.1:8501/a/b", None),
    ("http://127.0.0.1:8501/a%2Fb", None),
    ("http://127.0.0.1:8501/x%00y", None),
    ("http://127.0.0.1:8501/x%0Ay", None),
    ("http://127.0.0.1:8501/%20padded", None),
    ("http://127.0.0.1:8501/%3Cscript%3E", "<script>"),
    ("http://127.0.0.1:8501/abc%E2%80%AEdef", "abc\u202edef"),
    ("http://127.0.0.1:8501/%E9%A1%B5%E9%9D%A2", "页面"),
    ("http://127.0.0.1:8501/foo%20bar", "foo bar"),
    ("http://127.0.0.1:8501/" + "x" * 300, "x" * 300),
    ("http://127.0.0.1:8501/" + "x" * 3000, None),
    (None, None),
])
def test_an_unknown_path_is_recognised(url, expected):
    """The name is the one the browser sends for the page (the path decoded), so Streamlit finds
    the not-found page at it; what cannot be a page's path is left to ``ui.odd_paths``."""
    assert routes.unknown_path(url) == expected


@pytest.mark.parametrize(("path", "odd"), [
    ("/", False), ("/tragets", False), ("/abc\u202edef", False), ("/页面", False), ("/_stcore/health", False),
    ("/media/abc.png", False), ("/static/js/x.js", False),
    ("/a/b", True), ("/foo\x00bar", True), ("/../etc", True), ("/x\ny", True), ("/<script>alert(1)</script>", True),
])
def test_odd_paths_are_those_streamlit_cannot_serve_as_a_page(path, odd):
    from ui.odd_paths import is_odd

    assert is_odd(path) is odd


def _through_middleware(path: bytes, headers: list[tuple[bytes, bytes]], query: bytes = b"") -> list[dict]:
    import asyncio

    from ui.odd_paths import OddPaths

    sent: list[dict] = []

    async def app(scope, receive, send):
        sent.append({"type": "passed", "path": scope["path"]})

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path.decode("latin-1"), "raw_path": path, "query_string": query,
             "headers": headers}
    # In a thread of its own: a browser test run earlier in the same process (Playwright's sync
    # API) can leave an event loop running in this one, and asyncio.run refuses to nest.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, OddPaths(app)(scope, None, send)).result()
    return sent


NAVIGATE = [(b"sec-fetch-dest", b"document"), (b"accept", b"text/html")]


@pytest.mark.parametrize("path", [b"/foo%00bar", b"/..%2f..%2fetc", b"/x%0Ay", b"/a/b", b"/%3Cscript%3Ex%3C/script%3E"])
def test_a_navigation_to_an_odd_path_goes_to_the_not_found_page_with_its_query(path):
    sent = _through_middleware(path, NAVIGATE, b"lang=en")
    assert sent[0]["status"] == 303
    assert dict(sent[0]["headers"])[b"location"] == f"/{routes.NOT_FOUND_PATH}?lang=en".encode()


@pytest.mark.parametrize(("path", "headers"), [
    (b"/tragets", NAVIGATE),  # the app's own not-found page answers it
    (b"/static/js/index.js", [(b"sec-fetch-dest", b"script")]),
    (b"/_stcore/health", []),
    (b"/a/b", [(b"sec-fetch-dest", b"empty")]),
    (b"/media/0a1b2c.pptx", NAVIGATE),  # a download opened as a page
])
def test_everything_else_passes_untouched(path, headers):
    assert _through_middleware(path, headers)[0]["type"] == "passed"


def test_the_middlewares_not_found_path_is_the_routers():
    from ui import odd_paths

    assert odd_paths.NOT_FOUND_PATH == routes.NOT_FOUND_PATH


def test_the_import_page_is_unknown_unless_enabled(monkeypatch):
    monkeypatch.delenv("METRICS_IMPORT", raising=False)
    assert routes.unknown_path("http://x/import_review") == "import_review"
    monkeypatch.setenv("METRICS_IMPORT", "1")
    assert routes.unknown_path("http://x/import_review") is None


def test_the_streamlit_internal_the_router_sets_still_exists():
    """``ui.state.context`` switches off the old pages/ folder mode through this attribute (see
    its docstring); if a Streamlit upgrade renames it, this fails before any page does."""
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, bool | None)
    assert "uses_pages_directory" in vars(PagesManager)
