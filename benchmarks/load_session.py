"""One browser session of the load test: change filters and pages at random until time is up.

After every action the session waits for the script run it caused to finish (a counter of
runs kept by the page itself, so a rerun that leaves the chart as it was is still seen), then
checks that no error is shown and that every chart on the page is drawn.
"""

from __future__ import annotations

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

COUNT_RUNS = """
window.__runs = 0;
const observeRuns = () => new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'running') window.__runs += 1;
  }
}).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
if (document.body) observeRuns(); else document.addEventListener('DOMContentLoaded', observeRuns);
"""
"""Installed before any page script: counts every start of a script run."""

RAN_AND_SETTLED = "(before) => {" + b._JS_HELPERS + """
  if (window.__runs <= before || !idle()) return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  return charts().every(drawn);
}"""
"""The run started after ``before`` runs has finished: heading shown, no placeholder left (a chart
whose code is still loading shows a skeleton), every chart drawn."""

POLL_MS = 100
"""Polling interval: animation frames are throttled in pages the browser does not show, and
twenty sessions share two browsers."""

UNDRAWN = "() => {" + b._JS_HELPERS + "return charts().filter(c => !drawn(c)).length; }"

STATE = "() => {" + b._JS_HELPERS + """
  return `runs=${window.__runs} idle=${idle()} h1=${!!document.querySelector('[data-testid="stMain"] h1')} `
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


async def _settle(page: Any, runs_before: int, timeout_ms: int = ACTION_TIMEOUT_MS) -> float:
    start = time.perf_counter()
    try:
        await page.wait_for_function(RAN_AND_SETTLED, arg=runs_before, polling=POLL_MS, timeout=timeout_ms)
    except PlaywrightTimeout as exc:
        raise NotSettled(f"not settled after {timeout_ms / 1000:.0f} s: {await page.evaluate(STATE)}") from exc
    return time.perf_counter() - start


async def _check(page: Any, stats: SessionStats, what: str) -> None:
    shown = await page.locator(b.ERRORS).all_inner_texts()
    stats.errors += [f"{what}: {text.strip()[:160]}" for text in shown]
    undrawn = await page.evaluate(UNDRAWN)
    if undrawn:
        stats.errors.append(f"{what}: {undrawn} chart(s) not drawn")
    stats.charts_checked += await page.locator(b.CHARTS).count()


async def _change_filter(page: Any, rng: random.Random, stats: SessionStats) -> None:
    boxes = page.locator(SELECTBOXES)
    await boxes.first.wait_for(timeout=ACTION_TIMEOUT_MS)
    box = boxes.nth(rng.randrange(await boxes.count()))
    key = await box.get_attribute("aria-label") or "selectbox"
    await box.click()
    options = page.locator('[role="listbox"] [role="option"]')
    await options.first.wait_for(timeout=ACTION_TIMEOUT_MS)
    choices = [i for i in range(await options.count()) if await options.nth(i).get_attribute("aria-selected") != "true"]
    option = options.nth(rng.choice(choices))
    label = (await option.text_content() or "").strip()
    runs = await page.evaluate("() => window.__runs")
    start = time.perf_counter()
    await option.click()
    await _settle(page, runs)
    stats.filter_changes.append(time.perf_counter() - start)
    await _check(page, stats, f"{key} → {label}")


async def _switch_page(page: Any, rng: random.Random, stats: SessionStats) -> None:
    links = page.locator('[data-testid="stSidebarNav"] a')
    count = await links.count()
    current = await page.evaluate("() => location.pathname")
    others = [i for i in range(count) if (await links.nth(i).get_attribute("href") or "").rstrip("/") != current.rstrip("/")]
    link = links.nth(rng.choice(others))
    href = await link.get_attribute("href")
    runs = await page.evaluate("() => window.__runs")
    start = time.perf_counter()
    await link.click()
    await _settle(page, runs)
    stats.page_switches.append(time.perf_counter() - start)
    await _check(page, stats, f"page {href}")


async def _reload(page: Any, url: str, stats: SessionStats) -> None:
    """Start the session's page again after an error (a new script run from the URL)."""
    try:
        await page.goto(url, wait_until="commit", timeout=ACTION_TIMEOUT_MS)
        await _settle(page, 0)
    except Exception as exc:  # recorded; the next action tries again
        stats.errors.append(f"reload: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")


async def new_context(browser: Any) -> Any:
    """A browser context for several sessions (one tab each: one Streamlit session each), sharing
    the HTTP cache as one user's browser would, so the server is not asked for the front end's
    megabytes of JavaScript once per session."""
    context = await browser.new_context(viewport=b.VIEWPORT)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    await context.add_init_script(COUNT_RUNS)
    return context


async def warm_up(context: Any, urls: list[str]) -> None:
    """Visit each URL once, so the context's cache holds the front end's code before the sessions start."""
    page = await context.new_page()
    try:
        for url in urls:
            await page.goto(url, wait_until="commit")
            await _settle(page, 0)
    finally:
        await page.close()


async def run_session(context: Any, url: str, seconds: float, seed: int) -> SessionStats:
    """One session on ``url``: once it has loaded, ``seconds`` of 70 % filter changes, 30 % page switches."""
    rng = random.Random(seed)
    stats = SessionStats()
    page = await context.new_page()
    try:
        try:
            start = time.perf_counter()
            await page.goto(url, wait_until="commit", timeout=FIRST_LOAD_TIMEOUT_MS)
            await _settle(page, 0, FIRST_LOAD_TIMEOUT_MS)
            stats.first_load = time.perf_counter() - start
            await _check(page, stats, "first load")
        except Exception as exc:  # recorded; the session goes on from wherever the page is
            stats.errors.append(f"first load: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            action = _change_filter if rng.random() < 0.7 else _switch_page
            try:
                await action(page, rng, stats)
            except Exception as exc:  # a timeout or a broken page is an error of the run; reload and go on
                stats.errors.append(f"{action.__name__}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                await _reload(page, url, stats)
    finally:
        await page.close()
    return stats
