"""Ready when started (issue 21): the data, the frames, the first pages' figures and the export
renderer prepared when the server starts, not by its first visitor.

``serve.py`` calls ``start`` from its lifespan (``st.App``, Streamlit 1.67: code that runs when the
server starts, before any session); ``dashboard.py`` calls it too, once per process (a server
started with ``streamlit run dashboard.py`` then warms on its first visit, in the background).
It never raises: a dataset with problems is reported by the pages as before."""

from __future__ import annotations

import contextlib
import logging
import threading

_started = threading.Event()
log = logging.getLogger(__name__)


def prepare(renderer: bool = True, every_page: bool = True) -> None:
    """Load the dataset through the app's cache, build the default view's overview, targets, trends
    and regions pages (through ``ui.state.cached``, with each page's default indicators; only the
    first two without ``every_page``) and, with ``renderer``, start the export renderer."""
    from metrics.export.renderer import warm_up
    from metrics.figures import names
    from metrics.view_models import query_state
    from metrics.view_models.overview import overview_page
    from metrics.view_models.regions import regions_page
    from metrics.view_models.targets import targets_page
    from metrics.view_models.trends import trends_page
    from ui import state

    if renderer:
        warm_up()
    frames = state.load_frames()
    if isinstance(frames, list):
        return
    view = query_state.default_state(names.view_options(frames))

    def regions() -> None:
        indicator = state.default_compare_indicator(frames, view)
        if indicator is not None:
            regions_page(frames, view, indicator, state.cached)

    builds = (lambda: overview_page(frames, view, state.cached), lambda: targets_page(frames, view, state.cached),
              lambda: trends_page(frames, view, state.default_trend_indicators(frames, view), state.cached), regions)
    for build in builds if every_page else builds[:2]:
        with contextlib.suppress(Exception):  # a page that fails says so to its visitor, not here
            build()


def after_write() -> None:
    """After the import page wrote the data file (and cleared the caches): the new version loaded
    (its snapshot built) and the default pages prepared before the writer's page answers, so the
    next page anyone opens is as fast as a warm one (issue 21). The renderer is not this job. Never raises."""
    _prepare_safely(renderer=False)


def start() -> None:
    """``prepare`` in a background thread, once per process: the overview and targets only, since
    this thread runs beside the first visitor's session (``streamlit run dashboard.py``) and takes the
    same cores; ``serve.py`` prepares every page before it answers (``prepare_now``)."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_prepare_safely, kwargs={"every_page": False}, name="dashboard-warm-up", daemon=True).start()


def prepare_now() -> None:
    """``prepare`` in this thread, the export renderer started before it returns: a server's
    lifespan awaits it, so the server answers its health check (a load balancer's or Kubernetes'
    readiness probe) only when its first visitor will find everything prepared. Once per process."""
    if _started.is_set():
        return
    _started.set()
    from metrics.export.renderer import ExportError, get_renderer

    with contextlib.suppress(ExportError):  # without Chromium the pages say so; the server starts anyway
        get_renderer()
    _prepare_safely()


def _prepare_safely(renderer: bool = True, every_page: bool = True) -> None:
    try:
        prepare(renderer, every_page)
    except Exception:  # the server must start anyway; the first visitor then loads the data
        log.exception("warming the dashboard failed")
