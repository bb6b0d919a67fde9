"""Shared fixtures: the small test dataset and its source folder, the real dataset's frames."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.dataset import DEFAULT_DATA, load
from metrics.views import data_frames

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
