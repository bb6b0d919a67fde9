"""In Chromium, on the dashboard as served (``serve.py``): every address that names no page gets the
dashboard's own not-found page in the view's language with the sidebar; never a blank page, a bare
"Bad Request" or Streamlit's English "Page not found" dialog (which the first visit after a start
used to show)."""

from __future__ import annotations

import pytest

from tests import streamlit_server
from tests.bad_input.helpers import HTML_DATA
from tests.conftest import TEST_SOURCES

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HEADING = '[data-testid="stMain"] h1'


@pytest.fixture(scope="module")
def served():
    env = {"METRICS_DATA": str(HTML_DATA), "METRICS_SOURCES": str(TEST_SOURCES), "BROWSER_PATH": "/nonexistent/chromium"}
    with streamlit_server.running("serve.py", env) as running:
        yield running


def _open(page, served, path: str) -> None:
    page.goto(served.url + path)
    page.wait_for_selector(HEADING, timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def _assert_not_found(page, title: str) -> None:
    assert page.locator(HEADING).first.text_content() == title
    assert page.locator('[data-testid="stSidebar"]').count() == 1, "no sidebar"
    assert page.locator('[role="dialog"]').count() == 0, page.locator('[role="dialog"]').all_inner_texts()
    assert page.evaluate("() => typeof window.__pwned") == "undefined"


@pytest.mark.browser
def test_the_first_visit_after_a_start_shows_no_streamlit_dialog(page, served):
    _open(page, served, "/tragets?lang=en")
    _assert_not_found(page, "No such page")


@pytest.mark.browser
@pytest.mark.parametrize(("path", "title"), [
    ("/foo%00bar?lang=en", "No such page"),
    ("/..%2f..%2fetc%2fpasswd", "没有这个页面"),
    ("/<script>window.__pwned=1</script>", "没有这个页面"),
    ("/%3Cimg%20src=x%20onerror=window.__pwned=1%3E", "没有这个页面"),
    ("/abc%E2%80%AEfdp.exe?lang=en", "No such page"),
    ("/" + "x" * 300, "没有这个页面"),
    ("/x%0Ay", "没有这个页面"),
    ("/a/b/c?lang=en", "No such page"),
    ("/页面", "没有这个页面"),
])
def test_an_odd_address_gets_the_dashboards_not_found_page(page, served, path, title):
    _open(page, served, path)
    _assert_not_found(page, title)
