"""The page after an import write (issue 21): in the writer's session, the trends page opened from
the sidebar right after the import page wrote the data file, against the same switch made again
(warm) and against a filter change on that page. The session starts on /trends, as an editor's
would who looked at the dashboard first (see ``_write``).

A server with ``METRICS_IMPORT=1`` on a copy of the shipped data folder, per run (a write changes it).
The import page is driven as an editor would: paste a report, read it, write what validates.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import server
from benchmarks.report import Figure, Results, median, spread

REPORT = ("一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。"
          "城乡居民人均可支配收入分别达到9.1万元和5.6万元。")
"""A report with a year the shipped data does not have, so the write adds records (as in the browser test)."""
TITLE = "2028年宁波市政府工作报告"
GOAL = 1.5
"""The page after an import write ≤ this times a filter change on that page."""
TIMEOUT_MS = 120_000


def _switch_to_trends(page: Any) -> float:
    """Seconds from a click on 趋势 in the sidebar to its chart drawn, the script idle."""
    from benchmarks import browser as b

    start = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_text("趋势", exact=True).click()
    page.wait_for_function(f"() => location.pathname.endsWith('/trends') && ({b.FIRST_CHART_DRAWN})()", polling="raf",
                           timeout=TIMEOUT_MS)
    page.wait_for_selector(b.APP_IDLE, timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def _write(page: Any, base: str) -> None:
    """Open /trends (the editor was looking at the dashboard: the browser has Plotly's code, which it
    loads with a page's first chart, 1–2 s on this machine, whatever the data), go to the import
    page from the sidebar, paste, read, write; wait for the page to say it wrote."""
    from benchmarks import browser as b
    from benchmarks import page_speed as ps

    page.goto(base.rstrip("/") + "/trends", timeout=TIMEOUT_MS)
    ps.wait_idle(page)
    page.get_by_test_id("stSidebarNav").get_by_text("导入与审核", exact=True).click()
    page.get_by_label("或粘贴报告文字").fill(REPORT)
    page.get_by_label("标题(按发布时)").fill(TITLE)
    page.get_by_role("button", name="读取").click()
    page.get_by_text("校验通过").wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(b.APP_IDLE, timeout=TIMEOUT_MS)
    page.get_by_role("button", name="写入数据文件").click()
    page.get_by_text("已写入").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(b.APP_IDLE, timeout=TIMEOUT_MS)


def after_import_write(results: Results, browser: Any, runs: int, section: str, data: Path) -> None:
    """``runs`` servers, each on a fresh copy of ``data``'s folder: write, switch to trends (after
    the write), switch away and back (warm), change the category there (the filter change)."""
    from benchmarks import browser as b
    from benchmarks import page_speed as ps
    from benchmarks.ui_map import CATEGORY_FILTER

    after: list[float] = []
    warm: list[float] = []
    change: list[float] = []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
        try:
            shutil.copytree(data.parent, folder / "data")
            env = {"METRICS_DATA": str(folder / "data" / data.name), "METRICS_IMPORT": "1"}
            with server.running("dashboard.py", env) as app:
                page = b.new_page(browser)
                try:
                    _write(page, app.url)
                    after.append(_switch_to_trends(page))
                    page.get_by_test_id("stSidebarNav").get_by_text("概览", exact=True).click()
                    page.wait_for_selector(b.APP_IDLE, timeout=TIMEOUT_MS)
                    warm.append(_switch_to_trends(page))
                    change.append(ps.change_filter(page, CATEGORY_FILTER, [])[0])
                    if errors := ps.errors_on(page):
                        results.failures.append(f"After an import write: the page showed errors: {errors[:3]}")
                finally:
                    page.context.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    results.add(Figure(section, "after an import write: switch to /trends → chart drawn", median(after), "s", note=spread(after)))
    results.add(Figure(section, "the same switch again (warm)", median(warm), "s", note=spread(warm)))
    results.add(Figure(section, "its filter change on /trends → updated chart", median(change), "s", note=spread(change)))
    ratio = median(after) / median(change)
    results.add(Figure(section, "page after an import write ÷ a filter change", ratio, "×", goal=f"≤ {GOAL:g}×", met=ratio <= GOAL))
    results.add(Figure(section, "page after an import write ÷ the same switch warm", median(after) / median(warm), "×"))
