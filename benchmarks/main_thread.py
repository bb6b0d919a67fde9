"""Where a filter change's time goes in the browser: the page's main thread, from Chromium's own
timeline trace (issue 21's profile for the filter-change goals it misses).

For each chart page, the dashboard and the reference that draws the same figures alone
(``figure_app.py``) take turns: a fresh session opens the page, the filter's option is shown, a
trace starts, the option is clicked, and the trace ends when the benchmark's condition holds
(script idle, a chart changed: ``browser.CHANGED_AND_IDLE``). The trace's top-level tasks on the
page's main thread (``RunTask``) say how long it was busy; ``FunctionCall`` is the script part
of it (React, Plotly), ``UpdateLayoutTree`` + ``Layout`` + ``Paint`` the browser's own.

    python benchmarks/main_thread.py [--runs 5] [--out benchmarks/results-main-thread.md]

About 6 minutes with five runs. Not part of ``run.py``: it explains a ratio, it does not set one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import browser as b  # noqa: E402
from benchmarks import server  # noqa: E402
from benchmarks.page_speed import Filter, change_filter, open_app  # noqa: E402
from benchmarks.ui_map import CHART_PAGES, reference_apps  # noqa: E402
from benchmarks.workers import same_figures  # noqa: E402
from metrics.load.dataset import DEFAULT_DATA  # noqa: E402
from metrics.load.provenance import default_sources_dir  # noqa: E402

OUT = ROOT / "benchmarks" / "results-main-thread.md"
CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline"
KINDS = ("RunTask", "FunctionCall", "UpdateLayoutTree", "Layout", "Paint")
"""Trace events summed on the main thread: all its tasks, then script, style, layout and paint."""


def _main_thread_ms(events: list[dict], start_us: float, seconds: float) -> dict[str, float]:
    """Milliseconds of each kind of complete event on the renderer's main thread(s), from the click
    (``start_us``, the trace's clock) for ``seconds``."""
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"}
    end_us = start_us + seconds * 1e6
    total: Counter[str] = Counter()
    for event in events:
        if (event.get("ph") == "X" and event.get("name") in KINDS and (event.get("pid"), event.get("tid")) in mains
                and start_us <= event.get("ts", 0) <= end_us):
            total[event["name"]] += event.get("dur", 0) / 1e3
    return {kind: total[kind] for kind in KINDS}


def traced_change(browser: Any, url: str, how: Filter) -> tuple[float, dict[str, float]]:
    """One fresh session (``page_speed.open_app``) and its filter change (``page_speed.change_filter``),
    traced from just before the click: seconds to the changed chart, and the main thread's work."""
    page, _ = open_app(browser, url)
    try:
        time.sleep(1.0)  # the first drawing's after-work (fonts, resize observers) is not the change's
        cdp = page.context.new_cdp_session(page)
        events: list[dict] = []
        finished: list[bool] = []
        cdp.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
        cdp.on("Tracing.tracingComplete", lambda _message: finished.append(True))
        seconds, _ = change_filter(page, how, [], armed=lambda: cdp.send(
            "Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"}))
        cdp.send("Tracing.end")
        while not finished:
            page.wait_for_timeout(50)
        clicks = [e["ts"] for e in events if e.get("name") == "EventDispatch"
                  and e.get("args", {}).get("data", {}).get("type") in ("pointerdown", "mousedown", "click")]
        start_us = min(clicks) if clicks else min(e["ts"] for e in events if e.get("ts"))
        return seconds, _main_thread_ms(events, start_us, seconds)
    finally:
        page.context.close()


def measure(runs: int) -> list[dict]:
    """Per app: the medians of ``runs`` traced changes (after one not counted)."""
    from playwright.sync_api import sync_playwright

    data, sources = str(DEFAULT_DATA), str(default_sources_dir())
    rows: dict[str, list[tuple[float, dict[str, float]]]] = {}
    with sync_playwright() as playwright, same_figures(data, sources, list(CHART_PAGES)) as figures_file, \
            server.running("dashboard.py", {"METRICS_DATA": data, "METRICS_SOURCES": sources}) as dashboard, \
            server.running("benchmarks/figure_app.py", {"REF_FIGURES": str(figures_file)}) as same:
        browser = b.launch(playwright)
        apps = reference_apps(dashboard.url, same.url)
        for number in range(runs + 1):
            for name, (url, how) in apps.items():
                result = traced_change(browser, url, how)
                if number:
                    rows.setdefault(name, []).append(result)
        browser.close()
    return [{"app": name, "seconds": median(s for s, _ in found_runs),
             **{kind: median(work[kind] for _, work in found_runs) for kind in KINDS}}
            for name, found_runs in rows.items()]


def report(rows: list[dict], runs: int) -> str:
    lines = ["# Main-thread work of a filter change (Chromium timeline trace)", "",
             f"Run ending {time.strftime('%Y-%m-%dT%H:%M:%S')}; medians of {runs} fresh sessions per app, "
             "the apps taking turns. Milliseconds on the page's main thread from the click to the changed chart "
             "(`benchmarks/main_thread.py`).", "",
             "| App | Change (s) | Busy (RunTask, ms) | Script (FunctionCall) | Style | Layout | Paint |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['app']} | {row['seconds']:.3f} | {row['RunTask']:.0f} | {row['FunctionCall']:.0f} | "
                     f"{row['UpdateLayoutTree']:.0f} | {row['Layout']:.0f} | {row['Paint']:.0f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="traced changes per app for the medians (default 5)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"results file (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args()
    text = report(measure(args.runs), args.runs)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
