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
    ("http://127.0.0.1:8501/%3Cscript%3E", None),
    (None, None),
])
def test_an_unknown_path_is_recognised(url, expected):
    assert routes.unknown_path(url) == expected


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
