"""What the benchmarks know about the dashboard's pages: which show charts, which filter to change."""

from __future__ import annotations

from benchmarks.page_speed import Filter

CHART_PAGES = ("targets", "trends", "regions")
"""URL paths of the pages that draw charts (the overview shows cards, the data page tables)."""

CATEGORY_KEY = "w_cat"
CATEGORY_OPTION = 5
"""The category selectbox's widget key (ui.state) and the choice the benchmarks switch to: one
that leaves a chart on every chart page (with the shipped data of 2026-12, fiscal, trade and
investment leave /targets without a chart; the change then fails, it is not timed)."""

CATEGORY_FILTER = Filter(selectbox=f'.st-key-{CATEGORY_KEY} [data-testid="stSelectbox"]', option=CATEGORY_OPTION,
                         label="sidebar category selectbox (ui.state key w_cat), all → consumption (option 5)")
"""A change that redraws the chart on every chart page (the year leaves the trends chart as it is)."""

BARE_FILTER = Filter(label="the bare app's selectbox, Alpha → Beta")

LANGUAGE_SWITCH = Filter(click='[data-testid="stSidebar"] [data-testid="stRadio"] label:has(input)', option=1,
                         label="sidebar language radio, 中文 → English")
"""A language switch: a full rerun of the app (sidebar, router, page) in the other language."""
