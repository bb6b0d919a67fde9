"""In a fresh process: the app's cached loader (first and cached call) and page reruns with AppTest."""

from __future__ import annotations

import cProfile
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
RUN_TIMEOUT = 900.0


def _point_at(data: str, sources: str) -> None:
    """The app reads its data from the environment; no export Chromium is started (the image
    renderer's warm-up is not part of a page run, and it would compete for the CPU)."""
    os.environ["METRICS_DATA"] = data
    if sources:
        os.environ["METRICS_SOURCES"] = sources
    os.environ["BROWSER_PATH"] = "/nonexistent/chromium"
    from streamlit import config

    config.set_option("client.showErrorDetails", "full")  # an error on a page is reported with its message


def dashboard_pages() -> list[str]:
    """The page scripts the dashboard's navigation lists, in order (``pages/x.py``)."""
    import ast

    tree = ast.parse(DASHBOARD.read_text(encoding="utf-8"))
    found = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and node.value.startswith("pages/") and node.value.endswith(".py")]
    return list(dict.fromkeys(found))


def profiled_in_new_threads(call: Callable[[], object]) -> cProfile.Profile:
    """Profile the threads ``call`` starts: AppTest runs the page script in a thread of its own,
    so profiling the calling thread would only show AppTest waiting for it."""
    profiler = cProfile.Profile()

    def enable_here(*_: object) -> None:
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(enable_here)
    try:
        call()
    finally:
        threading.setprofile(None)  # type: ignore[arg-type]
    return profiler


def _rerun_seconds(at: object, reruns: int) -> list[float]:
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run(timeout=RUN_TIMEOUT)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    return times


def _problems_shown(at: object) -> str:
    """Exceptions on the page (message and last frame) and error boxes, in one line."""
    exceptions = [f"{e.message} at {(e.stack_trace or [''])[-1].strip()}" for e in at.exception]  # type: ignore[attr-defined]
    errors = [e.value for e in at.error]  # type: ignore[attr-defined]
    return "; ".join(str(x)[:300] for x in exceptions + errors)


def measure_app(data: str, sources: str, reruns: int, profile: bool = False) -> dict:
    """Seconds: the cached loader's first and second call; each page's rerun (median of ``reruns``).

    ``profiles`` holds a cProfile summary of one more rerun of each page.
    """
    _point_at(data, sources)
    from benchmarks.workers import profile_summary

    result: dict = {}
    try:
        from ui import state
    except ImportError as exc:
        return {"why": f"ui.state cannot be imported ({exc})"}
    start = time.perf_counter()
    frames = state.load_frames()
    result["first_s"] = time.perf_counter() - start
    if isinstance(frames, list):
        return {"why": f"the data did not load: {frames[:3]}"}
    start = time.perf_counter()
    state.load_frames()
    result["cached_s"] = time.perf_counter() - start
    result["loader"] = "ui.state.load_frames (st.cache_resource on file, mtime, size)"

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(DASHBOARD), default_timeout=RUN_TIMEOUT)
    at.run(timeout=RUN_TIMEOUT)
    result["reruns"], result["rerun_notes"], result["profiles"] = {}, {}, {}
    for page in dashboard_pages():
        at.switch_page(page).run(timeout=RUN_TIMEOUT)
        times = _rerun_seconds(at, reruns)
        name = Path(page).stem
        result["reruns"][name] = statistics.median(times)
        shown = _problems_shown(at)
        result["rerun_notes"][name] = f"n={len(times)}" + (f"; the page shows an error: {shown}" if shown else "")
        result.setdefault("rerun_errors", {})[name] = shown
        result["profiles"][name] = profile_summary(profiled_in_new_threads(lambda: at.run(timeout=RUN_TIMEOUT)), 20)
    return result


def profile_first_runs(data: str, sources: str, pages: list[str]) -> dict:
    """A new session's first run of each page (the server's part of a navigation), then the rerun
    after the browser runs' filter change (the category, to its second choice), timed and
    profiled, against the bare app's first run and rerun. As in the browser runs, a session has visited
    every page and made the change before (not counted), so what the app caches across sessions is warm."""
    _point_at(data, sources)
    from streamlit.testing.v1 import AppTest

    from benchmarks.ui_map import CATEGORY_KEY, CATEGORY_OPTION
    from benchmarks.workers import profile_summary

    def new_session(page: str) -> AppTest:
        at = AppTest.from_file(str(DASHBOARD), default_timeout=RUN_TIMEOUT)
        at.switch_page(f"pages/{page}.py")
        return at

    def change_category(at: AppTest) -> None:
        category = at.selectbox(key=CATEGORY_KEY)
        category.select(category.options[CATEGORY_OPTION])

    for page in pages:
        warm = new_session(page)
        warm.run(timeout=RUN_TIMEOUT)
        change_category(warm)
        warm.run(timeout=RUN_TIMEOUT)
    result: dict = {"script_s": {}, "profiles": {}, "change_s": {}, "change_profiles": {}}
    def profiled_run(at: AppTest) -> tuple[float, str]:
        start = time.perf_counter()
        profiler = profiled_in_new_threads(lambda: at.run(timeout=RUN_TIMEOUT))
        return time.perf_counter() - start, profile_summary(profiler, 25)

    for page in pages:
        at = new_session(page)
        result["script_s"][page], result["profiles"][page] = profiled_run(at)
        change_category(at)
        result["change_s"][page], result["change_profiles"][page] = profiled_run(at)
    bare = ROOT / "benchmarks" / "bare_app.py"
    AppTest.from_file(str(bare)).run()
    at = AppTest.from_file(str(bare))
    start = time.perf_counter()
    at.run()
    result["script_s"]["bare app"] = time.perf_counter() - start
    at.selectbox[0].select(at.selectbox[0].options[1])
    start = time.perf_counter()
    at.run()
    result["change_s"]["bare app"] = time.perf_counter() - start
    return result
