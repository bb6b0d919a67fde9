"""The run itself: each part adds its figures (with goals where the issue sets one) to Results."""

from __future__ import annotations

import contextlib
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from benchmarks import server
from benchmarks.after_write import after_import_write
from benchmarks.data_scale import Data, measure_app, measure_loading
from benchmarks.generate import DEFAULT_OUT, generate
from benchmarks.report import Figure, Results, median, spread
from benchmarks.workers import run_worker, same_figures
from metrics.load.dataset import DEFAULT_DATA
from metrics.load.provenance import default_sources_dir

SHIPPED = Data("shipped data", DEFAULT_DATA, default_sources_dir())
"""The data the dashboard ships with; its quoted texts are in ``../shared/sources`` or ``$METRICS_SOURCES``."""
SPEED_GOAL = 1.2
SAME_FIGURES_GOAL = 1.05
"""A filter change against the reference that draws the dashboard's own figures with nothing else (issue 21)."""
MEMORY_GOAL = 1.5
PAGE_SPEED_SECTION = "Page speed (Playwright, Debian Chromium)"
SWITCH_GOAL = 1.5
"""A language switch ≤ this times a filter change on the same page (issue 21)."""
FIRST_VISITOR_GOAL = 1.5
"""The first visitor after a server start ≤ this times a warm visit of the same page (issue 21)."""


@dataclass(frozen=True)
class Options:
    quick: bool = False
    """One iteration of everything, to see that each part still measures; no verdict to trust."""
    runs: int = 5
    sessions: int = 10
    warm_exports: int = 5
    indicators: int = 80
    """Indicators of the generated dataset (× 50 regions × 25 years); quick mode uses fewer."""
    only_page_speed: bool = False
    """Only the page-speed part, with both references (no generated data, memory or exports)."""
    only_memory: bool = False
    """Only the memory part: the dashboard and the bare app with one session and with ``sessions``."""


@contextlib.contextmanager
def part(results: Results, name: str) -> Iterator[None]:
    """Run one part and time it; if it breaks (raises, or measures nothing), say so in the results
    and go on with the next part: a broken part must not lose the other parts' figures."""
    start, before = time.perf_counter(), len(results.figures)
    try:
        yield
    except Exception as exc:
        detail = str(exc).splitlines()[0][:300] if str(exc) else ""
        results.failures.append(f"{name} could not be measured: {type(exc).__name__}: {detail}")
        traceback.print_exc()
    else:
        if len(results.figures) == before:
            results.failures.append(f"{name} produced no measurement")
    finally:
        results.durations[name] = time.perf_counter() - start


def _mib(value: int) -> float:
    return value / 2**20


def run_all(options: Options) -> Results:
    results = Results("quick mode, one iteration" if options.quick else f"full, {options.runs} browser runs per median")
    if not SHIPPED.sources.is_dir():
        raise SystemExit(f"the shipped data's source texts are not in {SHIPPED.sources}: set METRICS_SOURCES to their folder")
    if options.only_page_speed or options.only_memory:
        only, name = (page_speed, "Page speed") if options.only_page_speed else (memory, "Memory")
        with part(results, name):
            from playwright.sync_api import sync_playwright

            from benchmarks import browser as b

            with sync_playwright() as playwright:
                browser = b.launch(playwright)
                try:
                    only(results, browser, options)
                finally:
                    browser.close()
        return results
    made = generate(DEFAULT_OUT, indicators=options.indicators)
    large = Data(f"generated {made.observations // 1000}k", made.data, made.sources)
    results.notes.append(f"Generated dataset: {made.observations} observations ({made.quoted} with a quote checked against "
                         f"{made.source_texts} synthetic source texts), {made.size_bytes / 2**20:.1f} MiB, by benchmarks/generate.py.")
    with part(results, "Data loading"):
        measure_loading(results, SHIPPED, large)
    with part(results, "The app's loader and page reruns"):
        measure_app(results, SHIPPED, large, reruns=1 if options.quick else 5)
    with part(results, "Page speed and memory"):
        browser_parts(results, options)
    with part(results, "Exports"):
        exports(results, options)
    return results


def browser_parts(results: Results, options: Options) -> None:
    from playwright.sync_api import sync_playwright

    from benchmarks import browser as b

    with sync_playwright() as playwright:
        browser = b.launch(playwright)
        try:
            page_speed(results, browser, options)
            memory(results, browser, options)
        finally:
            browser.close()


def page_speed(results: Results, browser: Any, options: Options) -> None:
    """Each chart page of the dashboard and the bare app, one run of each in turn, ``runs`` times."""
    from benchmarks import page_speed as ps
    from benchmarks.ui_map import BARE_FILTER, CHANGES, CHART_PAGES, LANGUAGE_SWITCH, reference_apps

    section = PAGE_SPEED_SECTION
    with same_figures(str(SHIPPED.path), str(SHIPPED.sources), list(CHART_PAGES)) as figures_file, \
            server.running("dashboard.py", _shipped_env()) as dashboard:
        probe, _ = ps.open_app(browser, dashboard.url + CHART_PAGES[0])
        shape = ps.chart_shape(probe)
        probe.context.close()
        bare_env = {"BARE_TRACES": str(max(1, len(shape))), "BARE_POINTS": str(max([t["n"] for t in shape] or [25])),
                    "BARE_TYPE": "bar" if shape and shape[0]["type"] == "bar" else "scatter"}
        with server.running("benchmarks/bare_app.py", bare_env) as bare, \
                server.running("benchmarks/figure_app.py", {"REF_FIGURES": str(figures_file)}) as same:
            apps = reference_apps(dashboard.url, same.url)
            apps["bare app"] = (bare.url, BARE_FILTER)
            switch = f"language switch /{CHART_PAGES[0]}"
            apps[switch] = (dashboard.url + CHART_PAGES[0], LANGUAGE_SWITCH)
            timings = {name: ps.Timings() for name in apps}
            if not options.quick:  # a first visit of each, not counted: fills the browser's and Python's caches
                for url, how in apps.values():
                    ps.one_run(browser, url, how, ps.Timings())
            for _ in range(options.runs):
                for name, (url, how) in apps.items():
                    ps.one_run(browser, url, how, timings[name])
    results.notes.append(f"Page speed: the bare app's chart is sized like the first chart of /{CHART_PAGES[0]}: "
                         f"{bare_env['BARE_TRACES']} trace(s) of {bare_env['BARE_POINTS']} points ({bare_env['BARE_TYPE']}). "
                         "Dashboard filters: " + "; ".join(f"/{name}: {CHANGES[name].filter.label}" for name in CHART_PAGES)
                         + ". Each run is a fresh browser context (a new session); "
                         "the apps take turns so that both see the same load on the machine. \"Same figures\": benchmarks/figure_app.py "
                         "draws the figure JSON the page sends (before and after the change), with nothing else.")
    floor = timings.pop("bare app")
    switched = timings.pop(switch)
    own = median(timings[f"dashboard /{CHART_PAGES[0]}"].filter_change)
    results.add(Figure(section, f"{switch} → updated chart", median(switched.filter_change), "s",
                       note=f"{LANGUAGE_SWITCH.label}; {spread(switched.filter_change)}"))
    ratio = median(switched.filter_change) / own
    results.add(Figure(section, f"{switch} ÷ its filter change", ratio, "×", goal=f"≤ {SWITCH_GOAL:g}×",
                       met=ratio <= SWITCH_GOAL))
    timings_errors = switched.errors
    for label, attr in (("navigation → first chart drawn", "first_chart"), ("filter change → updated chart", "filter_change")):
        bare_median = median(getattr(floor, attr))
        results.add(Figure(section, f"{label}: bare app", bare_median, "s", note=spread(getattr(floor, attr))))
        for name, timing in timings.items():
            values = getattr(timing, attr)
            results.add(Figure(section, f"{label}: {name}", median(values), "s", note=spread(values)))
            if not name.startswith("dashboard"):
                continue
            ratio = median(values) / bare_median
            results.add(Figure(section, f"{label}: {name} ÷ bare app", ratio, "×", goal=f"≤ {SPEED_GOAL:g}×",
                               met=ratio <= SPEED_GOAL))
            same = median(getattr(timings[name.replace("dashboard", "same figures")], attr))
            same_ratio = median(values) / same
            own_goal = attr == "filter_change"
            results.add(Figure(section, f"{label}: {name} ÷ the same figures alone", same_ratio, "×",
                               goal=f"≤ {SAME_FIGURES_GOAL:g}×" if own_goal else "",
                               met=same_ratio <= SAME_FIGURES_GOAL if own_goal else None))
    everyone = [*timings.items(), ("bare app", floor)]
    elements = {name: median(t.first_element) for name, t in everyone}
    results.notes.append("Where navigation time goes: median seconds to the app's first element (front end loaded, "
                         "websocket open, script started), the rest until the chart is drawn: "
                         + "; ".join(f"{name} {elements[name]:.2f} s + {median(t.first_chart) - elements[name]:.2f} s"
                                     for name, t in everyone) + ".")
    if all(t.filter_server for _, t in everyone):
        results.notes.append("Where filter-change time goes: median seconds from the click to the server's "
                             "\"script finished\" message as the page takes it from the websocket (the event reaching "
                             "the server, the script run, and the browser's work on the messages before it: the page "
                             "handles frames on its main thread, between renders), the rest until the chart is drawn: "
                             + "; ".join(f"{name} {median(t.filter_server):.2f} s + "
                                         f"{median(t.filter_change) - median(t.filter_server):.2f} s" for name, t in everyone)
                             + ".")
    if timings_errors:
        results.failures.append(f"Page speed: the language switch showed errors: {timings_errors[:3]}")
    first_visitor(results, browser, options)
    after_import_write(results, browser, 1 if options.quick else max(3, options.runs), section, SHIPPED.path)
    for name, timing in timings.items():
        if timing.errors:
            results.failures.append(f"Page speed: {name} showed errors, so its timings are not of the page: {timing.errors[:3]}")
    if options.quick or options.only_page_speed:  # once per run, so that the profiling keeps working; on one page, to keep it short
        profile_first_runs(results, CHART_PAGES[:1])
    elif any(f.met is False for f in results.figures if f.section == section):
        profile_first_runs(results, CHART_PAGES)


def first_visitor(results: Results, browser: Any, options: Options) -> None:
    """From a server start (``serve.py``, as ``scripts/run-dashboard`` runs it; healthy) to the first
    chart of its first visitor, against a second visitor of the same page (warm), ``runs`` starts."""
    from benchmarks import page_speed as ps
    from benchmarks.ui_map import CHART_PAGES

    section = PAGE_SPEED_SECTION
    cold: list[float] = []
    warm: list[float] = []
    healthy: list[float] = []
    for _ in range(1 if options.quick else max(3, options.runs)):
        started = time.perf_counter()
        with server.running("serve.py", _shipped_env()) as app:
            healthy.append(time.perf_counter() - started)
            page, seconds = ps.open_app(browser, app.url + CHART_PAGES[0])
            cold.append(seconds)
            page.context.close()
            page, seconds = ps.open_app(browser, app.url + CHART_PAGES[0])
            warm.append(seconds)
            page.context.close()
    results.add(Figure(section, f"first visitor after a start → first chart: /{CHART_PAGES[0]}", median(cold), "s",
                       note=f"{spread(cold)}; the server healthy {median(healthy):.2f} s after its start (median)"))
    results.add(Figure(section, f"second visitor → first chart: /{CHART_PAGES[0]}", median(warm), "s", note=spread(warm)))
    ratio = median(cold) / median(warm)
    results.add(Figure(section, "first visitor after a start ÷ a warm visit", ratio, "×", goal=f"≤ {FIRST_VISITOR_GOAL:g}×",
                       met=ratio <= FIRST_VISITOR_GOAL))


def profile_first_runs(results: Results, pages: tuple[str, ...]) -> None:
    """The server's part of a navigation: each page's first run in a new session (AppTest, cProfile)."""
    found = run_worker("firstrun", "--data", str(SHIPPED.path), "--sources", str(SHIPPED.sources), "--pages", ",".join(pages))
    results.notes.append("Script time of a new session's first run (AppTest, shipped data; data and every page "
                         "visited once before, as in the browser runs): "
                         + "; ".join(f"{name} {seconds:.2f} s" for name, seconds in found["script_s"].items()) + ".")
    results.notes.append("Script time of the rerun after the filter change of the browser runs (AppTest, as above): "
                         + "; ".join(f"{name} {seconds:.2f} s" for name, seconds in found["change_s"].items()) + ".")
    for page, text in found["profiles"].items():
        results.profiles[f"first run of /{page} in a new session, caches warm (cProfile of the script thread, cumulative)"] = text
    for page, text in found["change_profiles"].items():
        results.profiles[f"rerun of /{page} after the filter change (cProfile of the script thread, cumulative)"] = text
    for page, shown in found["errors"].items():
        results.failures.append(f"Profile of /{page}: the page shows an error after the filter change: {shown}")


def _shipped_env() -> dict[str, str]:
    return {"METRICS_DATA": str(SHIPPED.path), "METRICS_SOURCES": str(SHIPPED.sources)}


def memory(results: Results, browser: Any, options: Options) -> None:
    from benchmarks.memory import measure_memory
    from benchmarks.ui_map import CHART_PAGES

    section = "Memory (server RSS, /proc)"
    apps = [("dashboard", "dashboard.py", _shipped_env(), CHART_PAGES[0])]
    if not options.quick:  # the floor, for comparison only (no goal)
        apps.append(("bare app", "benchmarks/bare_app.py", {}, ""))
    for label, script, script_env, path in apps:
        found = measure_memory(browser, script, script_env, options.sessions, path)
        results.add(Figure(section, f"{label}: idle, before any session", _mib(found.idle), "MiB",
                           note=f"sessions open /{path}" if path else ""))
        results.add(Figure(section, f"{label}: after 1 session", _mib(found.one), "MiB",
                           note=f"PSS with child processes {_mib(found.one_tree):.0f} MiB"))
        results.add(Figure(section, f"{label}: after {found.sessions} concurrent sessions", _mib(found.many), "MiB",
                           note=f"PSS with child processes {_mib(found.many_tree):.0f} MiB"))
        ratio = found.many / found.one
        is_dashboard = script == "dashboard.py"
        results.add(Figure(section, f"{label}: {found.sessions} sessions ÷ 1", ratio, "×",
                           goal=f"≤ {MEMORY_GOAL:g}×" if is_dashboard else "", met=ratio <= MEMORY_GOAL if is_dashboard else None))
        if found.errors:
            results.failures.append(f"Memory: the {label} showed errors with {found.sessions} sessions: {list(found.errors)[:5]}")


def exports(results: Results, options: Options) -> None:
    section = "Exports (metrics.export, shipped data)"
    found = run_worker("exports", "--data", str(SHIPPED.path), "--sources", str(SHIPPED.sources),
                       "--warm-runs", str(options.warm_exports))
    if "png_first_s" not in found:
        results.add(Figure(section, "PNG export, deck build", None, "s", note=found.get("why", "")))
        return
    chart = f"chart “{found['chart']}” from {found['chart_from']}"
    results.add(Figure(section, "PNG export, first (starts Chromium)", found["png_first_s"], "s", note=chart))
    results.add(Figure(section, "PNG export, warm (median)", found["png_warm_s"], "s",
                       note=f"{spread(found['png_warm_runs'])}; {found['png_bytes'] // 1024} KiB"))
    if "deck_s" in found:
        results.add(Figure(section, "briefing deck (PPTX) build, renderer warm", found["deck_s"], "s",
                           note=f"{found['deck_slides']} slides, {found['deck_bytes'] // 1024} KiB, ningbo 2021"))
    if found.get("why"):
        results.failures.append(f"Exports: {found['why']}")
