"""Session state of the dashboard: the one cached loader, and the view kept in the URL.

The view (``metrics.view_models.query_state.ViewState``) lives in ``st.session_state`` under ``_view`` and
is the single truth. On a session's first run it is parsed from the URL (bad values give
notices and defaults); afterwards each widget is set from it before it is drawn and writes
back to it in its ``on_change`` callback, and the router writes it to the query string on
every run, so the URL always holds the current view and survives page switches.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import cast

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from metrics.figures import comparison, names, queries
from metrics.frames import coverage, region_tree
from metrics.frames.dataframes import DataFrames
from metrics.load import snapshot
from metrics.load.dataset import DEFAULT_DATA, load
from metrics.load.problems import DatasetError, Problem
from metrics.text import i18n
from metrics.view_models import query_state
from metrics.view_models.query_state import ViewState
from ui import clipboard

VIEW = "_view"
NOTICES = "_notices"
WRITTEN = "_url_written"
"""The query string this session last wrote: a URL that differs on a later run came from the
browser (back, forward, an edited address), and the view follows it."""
CHANGED = "_view_changed"
"""Set by a widget's change of the view: that run's query string may still be the one before
the last write (the browser applies it asynchronously), so it must not undo the change."""

_run = threading.local()


def data_path() -> Path:
    """The data file: ``$METRICS_DATA`` if set, else ``data/metrics.yaml``."""
    return Path(os.environ.get("METRICS_DATA") or DEFAULT_DATA)


@st.cache_resource(show_spinner=False, max_entries=4)
def _frames(path: str, mtime_ns: int, size: int, sources_dir: str) -> DataFrames:
    """Opened once per version of the files (the key holds their mtime and size) from the compiled
    snapshot of their content hash (``metrics.load.snapshot``), which is built first when missing (the
    one time YAML is read); a DatasetError is not cached, so a fixed file is picked up on the next run."""
    return snapshot.frames_for(path)


def _version(path: Path) -> tuple[str, int, int, str]:
    """What identifies one version of the data: the file, the newest mtime and the total size of
    it and the YAML files beside it (``include`` reads them: an edit to ``cited/x.yaml`` is a new
    version), and the sources folder."""
    stat = path.stat()
    files = [stat, *(p.stat() for p in path.parent.rglob("*.yaml") if p != path)]
    return (str(path), max(s.st_mtime_ns for s in files), sum(s.st_size for s in files),
            os.environ.get("METRICS_SOURCES", ""))


def _run_version(path: Path) -> tuple[str, int, int, str]:
    """``_version`` once per script run: the router, the page and each cached figure of one run
    ask for it, and it walks the data folder. ``routed`` forgets it at the start of each run."""
    known = getattr(_run, "version", None)
    if known is None or known[0] != str(path):
        known = _version(path)
        _run.version = known
    return known


def load_frames() -> DataFrames | list[Problem]:
    """The dataset's frames, or the list of problems that keep it from loading."""
    path = data_path()
    try:
        return _frames(*_run_version(path))
    except DatasetError as exc:
        return exc.problems
    except OSError:
        try:
            load(path)
        except DatasetError as exc:
            return exc.problems
        return [Problem(str(path), 1, "the file cannot be read.")]


@st.cache_resource(show_spinner=False, max_entries=256)
def _computed(version: tuple, name: str, args: tuple, _function: Callable, _frames: DataFrames) -> object:
    return _function(_frames, *args)


def cached(function: Callable, frames: DataFrames, *args: object) -> object:
    """``function(frames, *args)`` computed once per data version and arguments (cards, figures):
    a rerun that shows what was shown before (a filter set back, a page revisited) is quick.

    A resource cache, not a data cache: the object is shared, not unpickled, because unpickling
    a Plotly figure validates it all again (a fifth of a page's first run, by the benchmark's
    profile). Pages and exports only read what they get (exports work on a copy)."""
    try:
        version = _run_version(data_path())
    except OSError:
        return function(frames, *args)
    return _computed(version, f"{function.__module__}.{function.__qualname__}", args, function, frames)


def _url_params() -> dict[str, list[str]]:
    params = st.query_params
    return {key: params.get_all(key) for key in params}


def url_lang() -> str:
    """The language the URL asks for (used when the data cannot be loaded)."""
    state, _ = query_state.parse(_url_params(), query_state.Options(regions=()))
    return state.lang


def init_view(frames: DataFrames) -> ViewState:
    """The session's view: from the URL on the first run, else the one kept (checked again
    against the dataset, which may have changed)."""
    options = names.view_options(frames)
    if VIEW not in st.session_state:
        view, notices = query_state.parse(_url_params(), options)
        st.session_state[VIEW] = view
        st.session_state[NOTICES] = notices
    elif (not st.session_state.pop(CHANGED, False) and WRITTEN in st.session_state and _present_params()
          and _present_params() != st.session_state[WRITTEN]):
        # a switch of page arrives without a query string: that keeps the view; a different one
        # (back, forward, an edited address) replaces it
        view, notices = query_state.parse(_url_params(), options)
        st.session_state[VIEW] = view
        st.session_state[NOTICES] = notices
    else:
        view, notices = query_state.revalidate(st.session_state[VIEW], options)
        if notices:
            st.session_state[VIEW] = view
            st.session_state[NOTICES] = notices
    return st.session_state[VIEW]


def _present_params() -> dict[str, str]:
    return {key: st.query_params.get(key) for key in st.query_params}


def has_view() -> bool:
    return VIEW in st.session_state


def current_params() -> dict[str, str]:
    """The current view as query parameters (for a link that keeps it)."""
    return query_state.to_params(current())


def current() -> ViewState:
    return st.session_state[VIEW]


def notices() -> list[query_state.Notice]:
    return list(st.session_state.get(NOTICES, []))


def apply(**changes: object) -> None:
    """Change the view (a widget callback or a suggestion button); notices are then stale."""
    st.session_state[VIEW] = replace(st.session_state[VIEW], **changes)
    st.session_state[NOTICES] = []
    st.session_state[CHANGED] = True


PAGE_BODY = "page-body"
"""The key of the router's fragment around the page (``dashboard.py``): a change of year or
category reruns it alone (Streamlit's keyed ``st.rerun`` from a widget callback), not the sidebar,
the navigation and the router."""


APP_TEST_SESSION = "test session id"
"""The session id of every AppTest run (``streamlit.testing.v1.local_script_runner``)."""


def rerun_body() -> None:
    """From a widget callback: rerun only the page body; the whole app if there is no body yet.

    Under AppTest the whole app: its element tree after a fragment's rerun holds the fragment
    alone (the sidebar's widgets would be gone), so page tests see full runs; the browser suite
    drives the fragment."""
    ctx = get_script_run_ctx()
    if ctx is None or ctx.session_id == APP_TEST_SESSION:
        return
    try:
        st.rerun(PAGE_BODY)
    except StreamlitAPIException:
        return


def sync_body() -> None:
    """At the start of the page body: the URL written, and the change flag taken as ``init_view``
    takes it, which a rerun of the body alone skips (else the browser's back button after a year
    change would keep the newer view)."""
    st.session_state.pop(CHANGED, None)
    sync_url(current())


def sync_url(view: ViewState) -> None:
    """Write the view to the query string when it differs, so a copied link reopens it."""
    wanted = query_state.to_params(view)
    if _present_params() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[WRITTEN] = wanted


def _bound(widget: Callable, key: str, value: object, field: str, convert: Callable[[object], object],
           body_only: bool = False, **kwargs: object) -> object:
    """Draw ``widget`` showing ``value``; a change by the user goes to the view's ``field``.

    ``body_only``: the change reruns the page body (the fragment ``PAGE_BODY`` of the router), not
    the whole app, unless notices are shown (the box outside the body must then go)."""
    st.session_state[key] = value

    def changed() -> None:
        shown = bool(notices())
        apply(**{field: convert(st.session_state[key])})
        if body_only and not shown:
            rerun_body()

    return widget(key=key, on_change=changed, **kwargs)


def sidebar(frames: DataFrames) -> ViewState:
    """The shared filters: language, regions, year, category."""
    view = current()
    lang = view.lang
    options = names.view_options(frames)
    with st.sidebar:
        st.header(i18n.t("filters", lang))
        _bound(st.radio, "w_lang", view.lang, "lang", str, label=i18n.t("filter_language", lang),
               options=list(i18n.LANGS), format_func=i18n.language_name, horizontal=True)
        region_picker(frames, view)
        with_data = cached(coverage.years_with_data, frames, tuple(view.regions))
        _bound(st.selectbox, "w_year", view.year, "year", int, body_only=True, label=i18n.t("filter_year", lang),
               options=list(options.years),
               format_func=lambda y: i18n.year_label(y, lang) if y in with_data else i18n.t("year_no_data", lang, year=y))
        _bound(st.selectbox, "w_cat", view.category or "all", "category", lambda c: None if c == "all" else c, body_only=True,
               label=i18n.t("filter_category", lang), options=["all", *options.categories],
               format_func=lambda c: i18n.category_label(None if c == "all" else c, lang))
        clipboard.copy_link_button(i18n.t("copy_link", lang), i18n.t("copy_link_done", lang), key="copy-link")
        st.caption(i18n.t("link_hint", lang))
    return current()


def region_picker(frames: DataFrames, view: ViewState) -> None:
    """The regions multiselect (it searches as one types). At county scale (``region_tree.grouped``)
    a "within" box narrows its options to one parent's regions first, and a name shared by several
    regions is shown with its parent's; the chosen regions always stay among the options."""
    lang = view.lang
    if not region_tree.grouped(frames):
        _bound(st.multiselect, "w_regions", list(view.regions), "regions", tuple,
               label=i18n.t("filter_regions", lang), options=list(names.view_options(frames).regions),
               format_func=lambda r: names.region_name(frames, r, lang),
               placeholder=i18n.t("regions_placeholder", lang))
        return
    shape = cast(region_tree.Tree, cached(region_tree.tree, frames))
    if st.session_state.get("w_region_group") not in shape.parents:
        st.session_state["w_region_group"] = region_tree.default_group(frames, shape, view.regions)
    group = st.selectbox(i18n.t("filter_region_group", lang), options=list(shape.parents), key="w_region_group",
                         format_func=lambda r: region_tree.group_label(frames, shape, r, lang))
    _bound(st.multiselect, "w_regions", list(view.regions), "regions", tuple,
           label=i18n.t("filter_regions", lang), options=region_tree.options_within(shape, group, view.regions),
           format_func=lambda r: region_tree.label(frames, shape, r, lang),
           placeholder=i18n.t("regions_placeholder", lang))


def default_trend_indicators(frames: DataFrames, view: ViewState) -> tuple[str, ...]:
    """The trends page's indicators when the view names none, cached per data version, regions and
    category (the picker below and the server's warm-up read the same cache entry)."""
    return cast(tuple[str, ...], cached(queries.default_trend_indicators, frames, tuple(view.regions), view.category))


def default_compare_indicator(frames: DataFrames, view: ViewState) -> str | None:
    """The regions page's indicator when the view names none: the one most districts have, cached per
    data version, year and category; else the category's first (None: the category has none)."""
    chosen = cast("str | None", cached(comparison.default_compare_indicator, frames, view.year, view.category))
    return chosen if chosen is not None else next(iter(names.indicator_ids(frames, view.category)), None)


def trend_indicators(frames: DataFrames, view: ViewState) -> tuple[str, ...]:
    """The trends page's indicator picker: the view's choice, or the page's default.

    The default is cached per data version, regions and category: it counts the drawable
    points of every indicator (a tenth of the page's run), and a filter change reruns it."""
    chosen = view.indicators or default_trend_indicators(frames, view)
    options = names.indicator_ids(frames, view.category, keep=chosen)
    value = _bound(st.multiselect, "w_ind", list(chosen), "indicators", tuple, label=i18n.t("filter_indicators", view.lang),
                   options=options, format_func=lambda i: names.indicator_name(frames, i, view.lang),
                   max_selections=query_state.MAX_INDICATORS, placeholder=i18n.t("choose", view.lang))
    return tuple(value)  # type: ignore[arg-type]


def compare_indicator(frames: DataFrames, view: ViewState) -> str | None:
    """The regions page's indicator picker: the view's choice, or the indicator most districts have.

    The default is cached per data version, year and category: it filters the whole fact table
    (a sixth of the page's run), and every filter change reruns it."""
    chosen = view.compare or default_compare_indicator(frames, view)
    if chosen is None:
        return None
    options = names.indicator_ids(frames, view.category, keep=[chosen])
    value = _bound(st.selectbox, "w_cmp", chosen, "compare", str, label=i18n.t("filter_indicator", view.lang),
                   options=options, format_func=lambda i: names.indicator_name(frames, i, view.lang))
    return str(value)


def routed() -> None:
    """Called by the router at the start of every run; pages check it in ``context``."""
    _run.routed = True
    _run.version = None


def context() -> tuple[DataFrames, ViewState]:
    """What a page renders from: the frames (cached) and the view the router prepared.

    Until some session has called ``st.navigation``, Streamlit treats an app with a ``pages/``
    folder as an old-style multipage app and runs a requested page file directly, without the
    router (a first visit to ``/targets`` after the server starts; every AppTest run). A page
    run that way switches that mode off and reruns, so the router runs and renders it."""
    if not getattr(_run, "routed", False):
        PagesManager.uses_pages_directory = False
        st.rerun()
    _run.routed = False
    frames = load_frames()
    if isinstance(frames, list) or VIEW not in st.session_state:
        st.stop()
    return frames, current()  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget every loaded dataset and every figure built from one (after a write to the data):
    the next run of any page loads the file again. The keys hold the file's mtime and size, so a
    changed file is picked up anyway; clearing frees the old versions at once."""
    _frames.clear()
    _computed.clear()
    _run.version = None
