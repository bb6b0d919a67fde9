"""HTML and script in every free-text field of the data are never rendered as HTML (AppTest).

tests/data/html.yaml puts ``<script>``, ``<img onerror>``, ``<svg onload>``, ``<b>bold</b>`` and
a ``javascript:`` link into names, titles, notes and descriptions (quotes stay verbatim, as the
provenance check requires). Each payload would set ``window.__pwned``.
"""

from __future__ import annotations

import re

import pytest

from tests.bad_input.helpers import HTML_DATA

PAGES = ("overview", "targets", "trends", "regions", "data_sources")


def test_the_data_carries_the_payloads_and_is_valid():
    from metrics.load.dataset import find_problems
    from tests.conftest import TEST_SOURCES

    text = HTML_DATA.read_text(encoding="utf-8")
    assert text.count("<script>window.__pwned=1</script>") >= 20 and "<b>bold</b>" in text
    assert find_problems(HTML_DATA, TEST_SOURCES) == []


@pytest.mark.parametrize("page_name", PAGES)
def test_no_page_renders_data_as_html(dashboard_on, page_name):
    at = dashboard_on(HTML_DATA)
    if page_name != "overview":
        at.switch_page(f"pages/{page_name}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [m.value for m in at.markdown if m.proto.allow_html and "pwned" in m.value]
    for body in (h.proto.body for h in at.get("html")):
        stored = re.findall(r"<textarea[^>]*>(.*?)</textarea>", body, flags=re.S)
        outside = re.sub(r"<textarea[^>]*>.*?</textarea>", "", body, flags=re.S)
        assert "pwned" not in outside, "data outside the copy button's escaped store"
        assert all("<" not in text for text in stored), "the copy button stores the text escaped"
