"""Fixtures for the export tests: one export browser for the whole session."""

from __future__ import annotations

import pytest

from metrics.export import renderer as export_renderer


@pytest.fixture(scope="session")
def renderer():
    """The process's export renderer, started once (about 5 s) and closed after the session."""
    started = export_renderer.get_renderer()
    yield started
    export_renderer.shutdown()
