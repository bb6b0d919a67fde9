"""Load test: concurrent headless browser sessions changing filters and pages (issue 5, part 3).

    python benchmarks/load.py [--sessions 20] [--seconds 60] [--out benchmarks/results.md]

Starts the dashboard on a free loopback port, opens ``--sessions`` sessions (tabs, each its own
Streamlit session, spread over ``--browsers`` Chromium processes) at once, each changing filters and pages at
random for ``--seconds``, and samples the server's memory every second. Reports the p50 and
p95 of the filter-change time, every error seen, whether every chart was drawn, and the
server's memory; the section "Load" of the results file is replaced by this run's. Not part of
the test suite: it takes minutes and all of the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Load (benchmarks/load.py)"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (/proc/PID/stat), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


async def _sample_memory(server: object, into: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        into.append(server.rss())  # type: ignore[attr-defined]
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except TimeoutError:
            continue


async def _load(url: str, server: object, sessions: int, seconds: float, browsers: int) -> tuple[list, list[int]]:
    from playwright.async_api import async_playwright

    from benchmarks import browser as b
    from benchmarks.load_session import new_context, run_session, warm_up
    from benchmarks.ui_map import CHART_PAGES

    samples: list[int] = []
    stop = asyncio.Event()
    async with async_playwright() as playwright:
        launched = [await playwright.chromium.launch(executable_path=b.CHROMIUM, args=b.LAUNCH_ARGS, headless=True)
                    for _ in range(browsers)]
        contexts = [await new_context(browser) for browser in launched]
        for context in contexts:
            await warm_up(context, [url + page for page in CHART_PAGES])
        sampler = asyncio.create_task(_sample_memory(server, samples, stop))
        try:
            stats = await asyncio.gather(*[
                run_session(contexts[i % browsers], url + CHART_PAGES[i % len(CHART_PAGES)], seconds, seed=i)
                for i in range(sessions)])
        finally:
            stop.set()
            await sampler
            for browser in launched:
                await browser.close()
    return list(stats), samples


def report(stats: list, samples: list[int], idle: int, end: int, sessions: int, seconds: float, wall: float,
           server_cpu: float) -> str:
    """The Load section of the results file."""
    filters = [t for s in stats for t in s.filter_changes]
    switches = [t for s in stats for t in s.page_switches]
    errors = [e for s in stats for e in s.errors]
    charts = sum(s.charts_checked for s in stats)
    loads = [s.first_load for s in stats if s.first_load is not None]
    load_p50 = f"{statistics.median(loads):.1f} s, slowest {max(loads):.1f} s" if loads else "–"
    mib = 2**20
    p50 = f"{percentile(filters, 0.5):.2f} s" if filters else "–"
    p95 = f"{percentile(filters, 0.95):.2f} s" if filters else "–"
    switch_p50 = f"{statistics.median(switches):.2f} s" if switches else "–"
    lines = [SECTION, "",
             f"Run {dt.datetime.now().isoformat(timespec='seconds')}: {sessions} concurrent sessions, each {seconds:.0f} s of actions after its first load, "
             f"on the shipped data ({wall:.0f} s in all), {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end.",
             "", "| Measure | Value |", "|---|---|",
             f"| sessions loaded (first chart page, all at once): p50 | {len(loads)} of {sessions} ({load_p50}) |",
             f"| filter changes | {len(filters)} |",
             f"| filter change → run finished, charts drawn: p50 | {p50} |",
             f"| filter change → run finished, charts drawn: p95 | {p95} |",
             f"| page switches (p50) | {len(switches)} ({switch_p50}) |",
             f"| charts checked after actions (all drawn unless an error below says otherwise) | {charts} |",
             f"| errors | {len(errors)} |",
             f"| server RSS idle / peak / at the end | {idle / mib:.0f} / {max(samples or [0]) / mib:.0f} / {end / mib:.0f} MiB |",
             f"| server CPU during the run | {server_cpu:.0f} s of {wall * (os.cpu_count() or 1):.0f} s of CPU the machine had "
             f"({server_cpu / wall:.0%} of one core); the browsers and other work on the machine had the rest |"]
    if errors:
        lines += ["", "Errors (first 20):", "", *[f"- {e}" for e in errors[:20]]]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replace the Load section of ``path`` (or append it)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if SECTION in text:
        before, _, after = text.partition(SECTION)
        rest = after.split("\n## ", 1)
        text = before + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--browsers", type=int, default=2, help="Chromium processes the sessions are spread over")
    parser.add_argument("--data", default=str(ROOT / "data" / "metrics.yaml"))
    parser.add_argument("--sources", default=str(ROOT.parent / "shared" / "sources"))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks import server

    env = {"METRICS_DATA": args.data, "METRICS_SOURCES": args.sources}
    with server.running("dashboard.py", env) as dashboard:
        idle = dashboard.rss()
        start, cpu = time.perf_counter(), cpu_seconds(dashboard.process.pid)
        stats, samples = asyncio.run(_load(dashboard.url, dashboard, args.sessions, args.seconds, args.browsers))
        wall, cpu = time.perf_counter() - start, cpu_seconds(dashboard.process.pid) - cpu
        end = dashboard.rss()
    section = report(stats, samples, idle, end, args.sessions, args.seconds, wall, cpu)
    write_section(args.out, section)
    print(section)
    return 0 if not any(s.errors for s in stats) else 1


if __name__ == "__main__":
    raise SystemExit(main())
