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

from benchmarks import browser as b

ACTION_TIMEOUT_MS = 120_000
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
  return charts().every(drawn);
}"""

UNDRAWN = "() => {" + b._JS_HELPERS + "return charts().filter(c => !drawn(c)).length; }"


@dataclass
class SessionStats:
    """What one session did and saw."""

    filter_changes: list[float] = field(default_factory=list)
    page_switches: list[float] = field(default_factory=list)
    charts_checked: int = 0
    errors: list[str] = field(default_factory=list)


async def _settle(page: Any, runs_before: int) -> float:
    start = time.perf_counter()
    await page.wait_for_function(RAN_AND_SETTLED, arg=runs_before, polling="raf", timeout=ACTION_TIMEOUT_MS)
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


async def run_session(browser: Any, url: str, seconds: float, seed: int) -> SessionStats:
    """One session on ``url`` for ``seconds``: 70 % filter changes, 30 % page switches."""
    rng = random.Random(seed)
    stats = SessionStats()
    context = await browser.new_context(viewport=b.VIEWPORT)
    await context.add_init_script(COUNT_RUNS)
    page = await context.new_page()
    deadline = time.perf_counter() + seconds
    try:
        await page.goto(url, wait_until="commit", timeout=ACTION_TIMEOUT_MS)
        await _settle(page, 0)
        await _check(page, stats, "first load")
        while time.perf_counter() < deadline:
            action = _change_filter if rng.random() < 0.7 else _switch_page
            try:
                await action(page, rng, stats)
            except Exception as exc:  # a timeout or a broken page is an error of the run; reload and go on
                stats.errors.append(f"{action.__name__}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
                await page.goto(url, wait_until="commit", timeout=ACTION_TIMEOUT_MS)
                await _settle(page, 0)
    finally:
        await context.close()
    return stats
