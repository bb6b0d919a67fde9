"""What the benchmarks know about the dashboard's pages: which show charts, which filter to change."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.page_speed import Filter


@dataclass(frozen=True)
class Change:
    """A page's filter change: the widget's key and the value chosen (for AppTest), and the same
    change in the browser (where the choice is the option at ``filter.option``)."""

    key: str
    value: object
    filter: Filter
    path: str | None = None
    """The page's URL path when it is not its name: the overview is served at the root (``/overview``
    is an alias that switches to it, one more round trip)."""


CATEGORY_KEY = "w_cat"
CATEGORY_OPTION = 5
"""The category selectbox's widget key (ui.state) and the choice the benchmarks switch to: one
that leaves a chart on every chart page it is used on (with the shipped data of 2026-12, fiscal,
trade and investment leave /targets without a chart; the change then fails, it is not timed)."""

CATEGORY_FILTER = Filter(selectbox=f'.st-key-{CATEGORY_KEY} [data-testid="stSelectbox"]', option=CATEGORY_OPTION,
                         label="sidebar category selectbox (ui.state key w_cat), all → consumption (option 5)")
"""A change that redraws the chart on /targets, /trends and /regions (the year leaves the trends chart as it is)."""

YEAR_KEY = "w_year"
YEAR_OPTION = 5
"""The year selectbox and its sixth choice, 2020: the overview's cards then show another year, and
each sparkline marks it (a category leaves the overview without cards when it has no headline
indicator, as consumption has none)."""

YEAR_FILTER = Filter(selectbox=f'.st-key-{YEAR_KEY} [data-testid="stSelectbox"]', option=YEAR_OPTION,
                     label="sidebar year selectbox (ui.state key w_year), the region's opening year → 2020 (option 5)")

CHANGES = {
    "targets": Change(CATEGORY_KEY, "consumption", CATEGORY_FILTER),
    "trends": Change(CATEGORY_KEY, "consumption", CATEGORY_FILTER),
    "regions": Change(CATEGORY_KEY, "consumption", CATEGORY_FILTER),
    "overview": Change(YEAR_KEY, 2020, YEAR_FILTER, path=""),
}
"""The filter change each chart page is timed with."""

CHART_PAGES = tuple(CHANGES)
"""URL paths of the pages that draw charts (the overview's are its cards' sparklines; the data page shows tables)."""

BARE_FILTER = Filter(label="the bare app's selectbox, Alpha → Beta")

LANGUAGE_SWITCH = Filter(click='[data-testid="stSidebar"] [data-testid="stRadio"] label:has(input)', option=1,
                         label="sidebar language radio, 中文 → English")
"""A language switch: a full rerun of the app (sidebar, router, page) in the other language."""


def reference_apps(dashboard_url: str, same_url: str) -> dict[str, tuple[str, Filter]]:
    """Each chart page of the dashboard and the same figures drawn alone (``figure_app.py``): its
    URL and the filter change it is timed with, named as the results name them."""
    apps: dict[str, tuple[str, Filter]] = {}
    for name in CHART_PAGES:
        path = CHANGES[name].path
        apps[f"dashboard /{name}"] = (dashboard_url + (name if path is None else path), CHANGES[name].filter)
        apps[f"same figures /{name}"] = (f"{same_url}?page={name}", BARE_FILTER)
    return apps
