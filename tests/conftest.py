"""Shared fixtures: the small test dataset and its source folder, the real dataset's frames."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.frames.dataframes import data_frames
from metrics.load.dataset import DEFAULT_DATA, load

TESTS = Path(__file__).resolve().parent
TEST_DATA = TESTS / "data"
TEST_SOURCES = TEST_DATA / "sources"
VALID = TEST_DATA / "valid.yaml"


@pytest.fixture(scope="session")
def sample_dataset():
    return load(VALID, TEST_SOURCES)


@pytest.fixture(scope="session")
def sample_frames(sample_dataset):
    return data_frames(sample_dataset)


@pytest.fixture(scope="session")
def real_dataset():
    return load(DEFAULT_DATA)


@pytest.fixture(scope="session")
def real_frames(real_dataset):
    return data_frames(real_dataset)


def pytest_collection_modifyitems(config, items):
    """Mark what is slow by what it uses, so the fast loop (``pytest -m fast``) is the pure
    tests: ``app`` for tests that run the dashboard in Streamlit's AppTest, ``export`` for
    tests that start Chromium to render images, ``process`` for tests that start Python
    processes (the command line); ``browser`` tests mark themselves."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        source = item.module.__dict__ if item.module is not None else {}
        uses_app = "AppTest" in source or "dashboard_on" in fixtures or item.path.parent.name == "pages"
        if uses_app and "browser" not in item.keywords:
            item.add_marker(pytest.mark.app)
        if "renderer" in fixtures:
            item.add_marker(pytest.mark.export)
        if "subprocess" in source:
            item.add_marker(pytest.mark.process)
        if not any(mark in item.keywords for mark in ("browser", "app", "export", "process", "replicas")):
            item.add_marker(pytest.mark.fast)
