"""Fixtures of the bad-input tests: the dashboard under AppTest pointed at a given data file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from metrics.load.dataset import DEFAULT_DATA
from tests import streamlit_server
from tests.bad_input.helpers import DASHBOARD, HTML_DATA
from tests.conftest import TEST_SOURCES


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the real data folder (the dataset and the files it includes); its metrics.yaml."""
    import shutil

    shutil.copytree(DEFAULT_DATA.parent, tmp_path / "data")
    return tmp_path / "data" / DEFAULT_DATA.name


@pytest.fixture
def dashboard_on(monkeypatch) -> Callable[[Path], AppTest]:
    """Run the dashboard once with ``METRICS_DATA`` set to the given file (sources: tests/data/sources)."""
    monkeypatch.setenv("METRICS_SOURCES", str(TEST_SOURCES))
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # no export Chromium in AppTest

    def run(path: Path) -> AppTest:
        monkeypatch.setenv("METRICS_DATA", str(path))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.run()
        return at

    return run


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright on Debian's Chromium (Playwright cannot download its own browser here)."""
    return {**browser_type_launch_args, "executable_path": streamlit_server.CHROMIUM, "args": streamlit_server.LAUNCH_ARGS}


@pytest.fixture(scope="module")
def html_dashboard():
    """The dashboard on tests/data/html.yaml, on a free port in 8600-8699, stopped after the module."""
    env = {"METRICS_DATA": str(HTML_DATA), "METRICS_SOURCES": str(TEST_SOURCES),
           "BROWSER_PATH": "/nonexistent/chromium"}
    with streamlit_server.running("dashboard.py", env) as running:
        yield running
