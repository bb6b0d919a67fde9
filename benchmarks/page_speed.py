"""Page speed in a real browser: navigation to the first chart drawn, and a filter change to the
updated chart, for the dashboard and for the bare app, interleaved so that both see the same
load on the machine."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks import browser as b

NAV_TIMEOUT_MS = 120_000

CHART_SHAPE = "() => {" + b._JS_HELPERS + """
  const gd = charts().find(drawn); if (!gd || !gd.data) return null;
  return gd.data.map(t => ({type: t.type || 'scatter', n: (t.x || t.y || t.values || []).length}));
}"""
"""The traces of the first drawn chart: plotly keeps its figure on the chart element."""


@dataclass(frozen=True)
class Filter:
    """How to change a filter: a selectbox (CSS selector of its container) and the option to pick
    (by position; the next one that is not selected if that one already is)."""

    selectbox: str = '[data-testid="stSidebar"] [data-testid="stSelectbox"]'
    option: int = 1
    label: str = "the sidebar selectbox, second option"
    click: str = ""
    """Instead of a selectbox: the elements (CSS) of which the ``option``-th is clicked (a radio's options)."""


@dataclass
class Timings:
    """Seconds per run for one app."""

    first_chart: list[float] = field(default_factory=list)
    first_element: list[float] = field(default_factory=list)
    """Navigation to the first element of the app in the page: the front end loaded and connected."""
    filter_change: list[float] = field(default_factory=list)
    filter_server: list[float] = field(default_factory=list)
    """A filter change to the server's "script finished" message as the page takes it: the server's
    part and the browser's work on the messages sent before it (frames wait for the page's main thread)."""
    errors: list[str] = field(default_factory=list)


FIRST_ELEMENT = '() => !!document.querySelector(\'[data-testid="stElementContainer"]\')'


def open_app(browser: Any, url: str, element: list[float] | None = None,
             finished: list[float] | None = None) -> tuple[Any, float]:
    """A fresh session on ``url``; seconds from navigation to the first chart drawn (and, into
    ``element``, to the app's first element). Into ``finished`` go the moments (perf_counter)
    the server says a script run finished."""
    page = b.new_page(browser)
    if finished is not None:
        b.on_run_finished(page, lambda: finished.append(time.perf_counter()))
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=NAV_TIMEOUT_MS)
    if element is not None:
        page.wait_for_function(FIRST_ELEMENT, polling="raf", timeout=NAV_TIMEOUT_MS)
        element.append(time.perf_counter() - start)
    drawn = page.wait_for_function(b.FIRST_CHART_DRAWN, polling="raf", timeout=NAV_TIMEOUT_MS)
    seconds = time.perf_counter() - start
    b.outcome(drawn, f"{url}: no chart")
    return page, seconds


def wait_idle(page: Any) -> None:
    """Script finished and a chart drawn; polled every 100 ms, not per animation frame, because
    frames are throttled in pages the browser does not show (several sessions at once)."""
    page.wait_for_selector(b.APP_IDLE, timeout=NAV_TIMEOUT_MS)
    b.outcome(page.wait_for_function(b.FIRST_CHART_DRAWN, polling=100, timeout=NAV_TIMEOUT_MS), f"{page.url}: no chart")


def pick_option(page: Any, how: Filter) -> Any:
    """Open the selectbox; the option to click (not clicked yet)."""
    if how.click:
        target = page.locator(how.click).nth(how.option)
        target.wait_for(timeout=NAV_TIMEOUT_MS)
        return target
    page.locator(how.selectbox).first.locator('[role="combobox"]').click()
    options = page.locator('[role="listbox"] [role="option"]')
    options.first.wait_for(timeout=NAV_TIMEOUT_MS)
    count = options.count()
    for index in [how.option, *range(count)]:
        if index < count and options.nth(index).get_attribute("aria-selected") != "true":
            return options.nth(index)
    raise RuntimeError(f"{how.selectbox}: no other option to pick")


def change_filter(page: Any, how: Filter, finished: list[float],
                  armed: Callable[[], None] | None = None) -> tuple[float, float | None]:
    """Seconds from choosing another option to a drawn chart whose text changed, script idle;
    and to the server's message that the run finished (None if none came), from ``finished``
    as ``open_app`` fills it. ``armed`` is called with the option shown, just before the click
    (a trace started there covers the change alone)."""
    wait_idle(page)
    before = page.evaluate(b.ALL_CHARTS_TEXT)
    option = pick_option(page, how)
    if armed is not None:
        armed()
    start = time.perf_counter()
    option.click()
    changed = page.wait_for_function(b.CHANGED_AND_IDLE, arg=before, polling="raf", timeout=NAV_TIMEOUT_MS)
    end = time.perf_counter()
    b.outcome(changed, f"{page.url}: filter change ({how.label})")
    server = [t - start for t in finished if t > start]
    return end - start, (server[0] if server else None)


def errors_on(page: Any) -> list[str]:
    """Texts of exception and error elements on the page (there should be none)."""
    return [text.strip()[:200] for text in page.locator(b.ERRORS).all_inner_texts()]


def chart_shape(page: Any) -> list[dict]:
    return page.evaluate(CHART_SHAPE) or []


def one_run(browser: Any, url: str, how: Filter, into: Timings) -> None:
    """One navigation and one filter change in a fresh session, appended to ``into``."""
    finished: list[float] = []
    page, first = open_app(browser, url, into.first_element, finished)
    try:
        into.first_chart.append(first)
        total, server = change_filter(page, how, finished)
        into.filter_change.append(total)
        if server is not None:
            into.filter_server.append(server)
        into.errors += errors_on(page)
    finally:
        page.context.close()
