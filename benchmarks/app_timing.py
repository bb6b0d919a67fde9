"""In a fresh process (benchmarks.workers): the app's cached loader (first and cached call) and page
runs with AppTest, timed and profiled."""

from __future__ import annotations

import os
import statistics
from pathlib import Path

from benchmarks.measure import profiled, repeated, timed

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
BARE_APP = ROOT / "benchmarks" / "bare_app.py"
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

    found = []
    for file in (DASHBOARD, ROOT / "ui" / "routes.py"):  # the router's list moved to ui/routes.py
        tree = ast.parse(file.read_text(encoding="utf-8"))
        found += [node.value for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and node.value.startswith("pages/") and node.value.endswith(".py")
                  and node.value not in ("pages/import_review.py", "pages/not_found.py")]
    return list(dict.fromkeys(found))


def _problems_shown(at: object) -> str:
    """Exceptions on the page (message and last frame) and error boxes, in one line."""
    exceptions = [f"{e.message} at {(e.stack_trace or [''])[-1].strip()}" for e in at.exception]  # type: ignore[attr-defined]
    errors = [e.value for e in at.error]  # type: ignore[attr-defined]
    return "; ".join(str(x)[:300] for x in exceptions + errors)


def _profiled_run(at: object, limit: int) -> tuple[float, str]:
    """One AppTest run, its seconds and the profile of the script thread."""
    seconds, _, summary = profiled(lambda: at.run(timeout=RUN_TIMEOUT), limit, new_threads=True)  # type: ignore[attr-defined]
    return seconds, summary


def measure_app(data: str, sources: str, reruns: int) -> dict:
    """Seconds: the cached loader's first and second call; each page's rerun (median of ``reruns``).

    ``profiles`` holds a cProfile summary of one more rerun of each page."""
    _point_at(data, sources)
    try:
        from ui import state
    except ImportError as exc:
        return {"why": f"ui.state cannot be imported ({exc})"}
    result: dict = {"loader": "ui.state.load_frames (st.cache_resource on file, mtime, size)"}
    result["first_s"], frames = timed(state.load_frames)
    if isinstance(frames, list):
        return {"why": f"the data did not load: {frames[:3]}"}
    result["cached_s"], _ = timed(state.load_frames)

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(DASHBOARD), default_timeout=RUN_TIMEOUT)
    at.run(timeout=RUN_TIMEOUT)
    result["reruns"], result["rerun_notes"], result["rerun_errors"], result["profiles"] = {}, {}, {}, {}
    for page in dashboard_pages():
        at.switch_page(page).run(timeout=RUN_TIMEOUT)
        times = repeated(lambda: at.run(timeout=RUN_TIMEOUT), reruns)
        name = Path(page).stem
        result["reruns"][name] = statistics.median(times)
        shown = _problems_shown(at)
        result["rerun_notes"][name] = f"n={len(times)}" + (f"; the page shows an error: {shown}" if shown else "")
        result["rerun_errors"][name] = shown
        result["profiles"][name] = _profiled_run(at, 20)[1]
    return result


def change_filter(at: object, page: str) -> None:
    """Make the page's filter change of the browser runs (``benchmarks.ui_map.CHANGES``); not run yet."""
    from benchmarks.ui_map import CHANGES

    change = CHANGES[page]
    at.selectbox(key=change.key).set_value(change.value)  # type: ignore[attr-defined]


def profile_first_runs(data: str, sources: str, pages: list[str]) -> dict:
    """A new session's first run of each page (the server's part of a navigation), then the rerun
    after the browser runs' filter change, timed and profiled, against the bare app's first run
    and rerun. As in the browser runs, a session has visited every page and made the change
    before (not counted), so what the app caches across sessions is warm."""
    _point_at(data, sources)
    from streamlit.testing.v1 import AppTest

    def new_session(page: str) -> AppTest:
        at = AppTest.from_file(str(DASHBOARD), default_timeout=RUN_TIMEOUT)
        at.switch_page(f"pages/{page}.py")
        return at

    for page in pages:
        warm = new_session(page)
        warm.run(timeout=RUN_TIMEOUT)
        change_filter(warm, page)
        warm.run(timeout=RUN_TIMEOUT)
    result: dict = {"script_s": {}, "profiles": {}, "change_s": {}, "change_profiles": {}, "errors": {}}
    for page in pages:
        at = new_session(page)
        result["script_s"][page], result["profiles"][page] = _profiled_run(at, 25)
        change_filter(at, page)
        result["change_s"][page], result["change_profiles"][page] = _profiled_run(at, 25)
        if shown := _problems_shown(at):
            result["errors"][page] = shown
    AppTest.from_file(str(BARE_APP)).run()
    at = AppTest.from_file(str(BARE_APP))
    result["script_s"]["bare app"], _ = timed(at.run)
    at.selectbox[0].select(at.selectbox[0].options[1])
    result["change_s"]["bare app"], _ = timed(at.run)
    return result


def page_figures(data: str, sources: str, pages: list[str]) -> dict:
    """The figure JSON each page sends to the browser (the Plotly chart messages: spec, config,
    theme), before and after the browser runs' filter change: what the reference app of the same
    figures (``benchmarks/figure_app.py``) draws, so its times are the content's, without the dashboard."""
    _point_at(data, sources)
    from streamlit.testing.v1 import AppTest

    def charts(at: AppTest) -> list[dict]:
        return [{"spec": chart.proto.spec, "config": chart.proto.config, "theme": chart.proto.theme}
                for chart in at.get("plotly_chart")]

    result: dict = {}
    for page in pages:
        at = AppTest.from_file(str(DASHBOARD), default_timeout=RUN_TIMEOUT)
        at.switch_page(f"pages/{page}.py").run(timeout=RUN_TIMEOUT)
        before = charts(at)
        change_filter(at, page)
        at.run(timeout=RUN_TIMEOUT)
        result[page] = {"before": before, "after": charts(at)}
    return result
