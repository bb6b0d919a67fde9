"""The browser suite's fixtures: Debian's Chromium for Playwright, and one real dashboard server.

The server is ``streamlit run serve.py`` (as ``scripts/run-dashboard`` starts it) on a free port, on a snapshot of the data folder (the
dataset and the files it includes) taken when the session starts (colleagues edit the data while
tests run). Nothing sleeps: the fixture waits for ``/_stcore/health``, pages wait for Streamlit's idle state and for content.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from metrics.load.dataset import DEFAULT_DATA
from tests import streamlit_server

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 30_000

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": streamlit_server.CHROMIUM, "args": streamlit_server.LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "zh-CN"}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The base URL of a dashboard server started for this session."""
    source = Path(os.environ.get("METRICS_DATA") or DEFAULT_DATA)
    folder = tmp_path_factory.mktemp("server") / "data"
    shutil.copytree(source.parent, folder)  # the whole folder: metrics.yaml includes cited/*.yaml
    data = folder / source.name
    with streamlit_server.running("serve.py", {"METRICS_DATA": str(data)}) as server:
        yield server.url


class Dashboard:
    """A page of the dashboard in the browser, with the moves a user makes."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        page.set_default_timeout(TIMEOUT_MS)

    def open(self, path: str = "/") -> Dashboard:
        """Go to ``path`` and wait until the run that draws it has finished: the idle state is
        waited for after the heading appears, since the app reports idle before its first run
        starts, and a click during that run (the briefing deck's button) can be lost."""
        self.page.goto(self.base + path)
        expect(self.page.locator("h1").first).to_be_visible()
        self.idle()
        return self

    def idle(self) -> None:
        self.page.wait_for_selector(IDLE)

    @property
    def sidebar(self):
        return self.page.get_by_test_id("stSidebar")

    def heading(self, name: str):
        return self.page.get_by_role("heading", name=name, exact=True)

    def choose_regions(self, names: list[str], remove: list[str]) -> None:
        for name in remove:
            self.sidebar.get_by_role("button", name=f"Remove {name}").click()
        box = self.sidebar.get_by_test_id("stMultiSelect").get_by_role("combobox")
        for name in names:
            box.click()
            box.fill(name)
            self.page.get_by_role("option", name=name, exact=True).click()
        self.page.keyboard.press("Escape")

    def choose_year(self, label: str) -> None:
        self.sidebar.get_by_test_id("stSelectbox").first.get_by_role("combobox").click()
        self.page.get_by_role("option", name=label, exact=True).click()

    def choose_language(self, name: str) -> None:
        self.sidebar.get_by_test_id("stRadio").get_by_text(name, exact=True).click()

    def go_to(self, title: str) -> None:
        self.page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
        expect(self.heading(title)).to_be_visible()
        self.idle()

    def chart_titles(self):
        return self.page.locator("[class*=\"st-key-charttitle-\"]")

    def no_exception(self) -> None:
        expect(self.page.get_by_test_id("stException")).to_have_count(0)


@pytest.fixture(scope="session")
def shared_context(browser, browser_context_args):
    """One browser context for the suite: its HTTP cache keeps Streamlit's scripts between tests,
    so each test's first load is quick. Each test still gets its own page, hence its own session."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def dashboard(shared_context, app_url: str) -> Iterator[Dashboard]:
    page = shared_context.new_page()
    yield Dashboard(page, app_url)
    page.close()
