"""One browser session of the load test: change filters and pages at random until time is up.

After every action the session waits for the script run it caused to finish (the server's
"script finished" messages on the page's websocket, so a rerun that leaves the chart as it was is
still seen) and for the page to show it, then checks that no error is shown and that every chart
on the page is drawn.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import Any

from playwright.async_api import TimeoutError as PlaywrightTimeout

from benchmarks import browser as b

ACTION_TIMEOUT_MS = 120_000
FIRST_LOAD_TIMEOUT_MS = 300_000
"""Twenty sessions opening at once on two cores shared with their browsers: minutes, not an error."""
SELECTBOXES = '[data-testid="stSelectbox"] [role="combobox"]'
"""Every selectbox on the page (the sidebar's filters, a page's indicator picker)."""

SETTLED = "() => {" + b._JS_HELPERS + """
  if (!idle() || !document.querySelector('[data-testid="stMain"] h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  return charts().every(drawn);
}"""
"""The page shows what the last run sent: heading shown, no placeholder left (a chart whose
code is still loading shows a skeleton), every chart drawn."""

POLL_MS = 100
"""Polling interval: animation frames are throttled in pages the browser does not show, and
twenty sessions share two browsers."""

UNDRAWN = "() => {" + b._JS_HELPERS + "return charts().filter(c => !drawn(c)).length; }"

STATE = "() => {" + b._JS_HELPERS + """
  return `idle=${idle()} h1=${!!document.querySelector('[data-testid="stMain"] h1')} `
    + `skeletons=${document.querySelectorAll('[data-testid="stSkeleton"]').length} `
    + `charts=${charts().length} drawn=${charts().filter(drawn).length} path=${location.pathname}`;
}"""
"""What the page is at, for the message of an action that did not settle."""


@dataclass
class SessionStats:
    """What one session did and saw."""

    first_load: float | None = None
    filter_changes: list[float] = field(default_factory=list)
    page_switches: list[float] = field(default_factory=list)
    charts_checked: int = 0
    errors: list[str] = field(default_factory=list)


class NotSettled(Exception):
    """The run an action caused did not finish with every chart drawn in time."""


class RunCounter:
    """Script runs the server reports finished to one page, read from its websocket messages.

    The page's own run indicator cannot be counted: under load a short run's start and end reach
    the front end together and the indicator never changes."""

    def __init__(self, page: Any) -> None:
        self.finished = 0
        self._changed = asyncio.Event()
        b.on_run_finished(page, self._count)

    def _count(self) -> None:
        self.finished += 1
        self._changed.set()

    async def wait_beyond(self, count: int, timeout_s: float) -> None:
        """Until more than ``count`` runs have finished."""
        deadline = time.perf_counter() + timeout_s
        while self.finished <= count:
            self._changed.clear()
            await asyncio.wait_for(self._changed.wait(), max(deadline - time.perf_counter(), 0.001))


async def _settle(page: Any, runs: RunCounter, before: int, timeout_ms: int = ACTION_TIMEOUT_MS) -> float:
    """Wait until a run has finished since ``before`` finished runs and the page shows its charts."""
    start = time.perf_counter()
    try:
        await runs.wait_beyond(before, timeout_ms / 1000)
        remaining = max(timeout_ms - (time.perf_counter() - start) * 1000, 1)
        await page.wait_for_function(SETTLED, polling=POLL_MS, timeout=remaining)
    except (PlaywrightTimeout, TimeoutError) as exc:
        state = await page.evaluate(STATE)
        raise NotSettled(f"not settled after {timeout_ms / 1000:.0f} s: runs finished={runs.finished} "
                         f"(before the action {before}) {state}") from exc
    return time.perf_counter() - start


async def _check(page: Any, stats: SessionStats, what: str) -> None:
    shown = await page.locator(b.ERRORS).all_inner_texts()
    stats.errors += [f"{what}: {text.strip()[:160]}" for text in shown]
    undrawn = await page.evaluate(UNDRAWN)
    if undrawn:
        stats.errors.append(f"{what}: {undrawn} chart(s) not drawn")
    stats.charts_checked += await page.locator(b.CHARTS).count()


async def _change_filter(page: Any, runs: RunCounter, rng: random.Random, stats: SessionStats) -> None:
    boxes = page.locator(SELECTBOXES)
    await boxes.first.wait_for(timeout=ACTION_TIMEOUT_MS)
    box = boxes.nth(rng.randrange(await boxes.count()))
    key = await box.get_attribute("aria-label") or "selectbox"
    await box.click()
    options = page.locator('[role="listbox"] [role="option"]')
    await options.first.wait_for(timeout=ACTION_TIMEOUT_MS)
    choices = [i for i in range(await options.count()) if await options.nth(i).get_attribute("aria-selected") != "true"]
    if not choices:  # a selectbox with one option: nothing to change
        await page.keyboard.press("Escape")
        return
    option = options.nth(rng.choice(choices))
    label = (await option.text_content() or "").strip()
    before = runs.finished
    start = time.perf_counter()
    await option.click()
    await _settle(page, runs, before)
    stats.filter_changes.append(time.perf_counter() - start)
    await _check(page, stats, f"{key} → {label}")


async def _switch_page(page: Any, runs: RunCounter, rng: random.Random, stats: SessionStats) -> None:
    links = page.locator('[data-testid="stSidebarNav"] a')
    count = await links.count()
    current = await page.evaluate("() => location.pathname")
    others = [i for i in range(count) if (await links.nth(i).get_attribute("href") or "").rstrip("/") != current.rstrip("/")]
    link = links.nth(rng.choice(others))
    href = await link.get_attribute("href")
    before = runs.finished
    start = time.perf_counter()
    await link.click()
    await _settle(page, runs, before)
    stats.page_switches.append(time.perf_counter() - start)
    await _check(page, stats, f"page {href}")


async def _reload(page: Any, runs: RunCounter, url: str, stats: SessionStats) -> None:
    """Start the session's page again after an error (a new script run from the URL)."""
    try:
        before = runs.finished
        await page.goto(url, wait_until="commit", timeout=ACTION_TIMEOUT_MS)
        await _settle(page, runs, before)
    except Exception as exc:  # recorded; the next action tries again
        stats.errors.append(f"reload: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")


async def new_context(browser: Any) -> Any:
    """A browser context for several sessions (one tab each: one Streamlit session each), sharing
    the HTTP cache as one user's browser would, so the server is not asked for the front end's
    megabytes of JavaScript once per session."""
    context = await browser.new_context(viewport=b.VIEWPORT)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


async def warm_up(context: Any, urls: list[str]) -> None:
    """Visit each URL once, so the context's cache holds the front end's code before the sessions start."""
    page = await context.new_page()
    runs = RunCounter(page)
    try:
        for url in urls:
            before = runs.finished
            await page.goto(url, wait_until="commit")
            await _settle(page, runs, before)
    finally:
        await page.close()


async def run_session(context: Any, url: str, seconds: float, seed: int) -> SessionStats:
    """One session on ``url``: once it has loaded, ``seconds`` of 70 % filter changes, 30 % page switches."""
    rng = random.Random(seed)
    stats = SessionStats()
    page = await context.new_page()
    runs = RunCounter(page)
    try:
        try:
            start = time.perf_counter()
            await page.goto(url, wait_until="commit", timeout=FIRST_LOAD_TIMEOUT_MS)
            await _settle(page, runs, 0, FIRST_LOAD_TIMEOUT_MS)
            stats.first_load = time.perf_counter() - start
            await _check(page, stats, "first load")
        except Exception as exc:  # recorded; the session goes on from wherever the page is
            stats.errors.append(f"first load: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            action = _change_filter if rng.random() < 0.7 else _switch_page
            try:
                await action(page, runs, rng, stats)
            except Exception as exc:  # a timeout or a broken page is an error of the run; reload and go on
                stats.errors.append(f"{action.__name__}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                await _reload(page, runs, url, stats)
    finally:
        await page.close()
    return stats
