"""In Chromium: HTML and script from the data (tests/data/html.yaml) show as text and never run.

Every payload in that file would set ``window.__pwned`` or leave an element with an event
handler (or a ``javascript:`` link) in the page; the literal ``<b>bold</b>`` must be visible.
"""

from __future__ import annotations

import pytest

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HEADING = '[data-testid="stMain"] h1'
INJECTED = 'img[src="x"], [onerror], [onload], a[href^="javascript:"], script:text("__pwned")'
NEW_PAGE_IDLE = """(before) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const heading = document.querySelector('[data-testid="stMain"] h1');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning' && !!heading
    && heading.textContent !== before;
}"""


def _assert_inert(page, where: str) -> None:
    assert page.evaluate("() => typeof window.__pwned") == "undefined", f"a payload ran on {where}"
    assert page.locator(INJECTED).count() == 0, f"an injected element is in the page on {where}"


@pytest.mark.browser
def test_html_in_data_is_text_in_the_browser(page, html_dashboard):
    page.goto(html_dashboard.url)
    page.wait_for_selector(HEADING, timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    _assert_inert(page, "overview")
    literal = page.get_by_text("<b>bold</b>", exact=False)
    assert literal.count() > 0 and literal.first.is_visible(), "the literal <b>bold</b> is not shown"
    popovers = page.locator('[data-testid="stPopover"] button')
    if popovers.count():
        popovers.first.click()
        page.locator('[data-testid="stPopoverBody"]').first.wait_for(timeout=30_000)
        _assert_inert(page, "a sources popover")
        page.keyboard.press("Escape")
    links = page.locator('[data-testid="stSidebarNav"] a')
    assert links.count() >= 2, "no page navigation in the sidebar"
    for index in range(1, links.count()):
        before = page.locator(HEADING).first.text_content()
        links.nth(index).click()
        page.wait_for_function(NEW_PAGE_IDLE, arg=before, timeout=60_000)
        _assert_inert(page, page.url)
