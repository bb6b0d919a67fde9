"""The data page's view model: the records matching the page's filters, the coverage grid and
the source documents."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metrics.charts import coverage_figure, coverage_region_ids
from metrics.figures import comparison, queries, suggest
from metrics.frames.dataframes import DataFrames
from metrics.text import display, i18n
from metrics.view_models.parts import Chart, Empty, Memo, Table, basename, direct, suggestion_choices
from metrics.view_models.query_state import ViewState
from metrics.view_models.regions import grid_note


@dataclass(frozen=True)
class DataFilters:
    """What the page's own controls ask for, besides the shared view."""

    query: str = ""
    provenances: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    every_year: bool = False
    sources_query: str = ""
    """Searches the source documents' table (offered only when it is cut, ``SOURCE_ROWS``)."""


SOURCE_ROWS = 1000
"""The source documents' table sends at most this many rows to the browser (with a count and a
search); the download holds every source. The shipped data has 378."""

RECORD_ROWS = 5000
"""The records' table sends at most this many rows to the browser; a sentence says so and points to
the search and the filters, and the downloads hold every matching record. The shipped data's widest
view (every region, every year) has 1,838."""


@dataclass(frozen=True)
class DataPage:
    empty: Empty | None
    rows_text: str | None
    table: Table | None
    no_year_note: str | None
    """How many records have no year, when only one year is shown and some exist."""
    coverage: Chart | None
    sources: Table
    coverage_note: str = ""
    """Said under the coverage grid when a large dataset's grid leaves regions out."""
    sources_note: str = ""
    """Said above the source documents' table when it shows fewer rows than there are sources."""
    sources_search: bool = False
    """Whether the page offers a search of the source documents (their table is cut)."""


def coverage_rows(frames: DataFrames, view: ViewState, memo: Memo = direct) -> comparison.GridRows:
    """The coverage grid's regions: all with data up to ``comparison.GRID_LIMIT``, else the chosen
    regions' family, else the first ``GRID_LIMIT`` in the dataset's order (nation, provinces, ...)."""
    candidates = memo(coverage_region_ids, frames)
    family = comparison.family_ids(frames, candidates, view.regions) if len(candidates) > comparison.GRID_LIMIT else []
    return comparison.grid_rows(candidates, view.regions, family, None, comparison.GRID_LIMIT, comparison.RANK_LIMIT)


def source_rows(shown: pd.DataFrame, query: str, limit: int) -> tuple[pd.DataFrame, int]:
    """The source table's rows matching ``query`` (any column, case-insensitive), at most ``limit``
    of them, and how many match."""
    if query.strip():
        text = shown.astype(str).apply(lambda column: column.str.contains(query.strip(), case=False, regex=False))
        shown = shown[text.any(axis=1)]
    return shown.head(limit), len(shown)


def data_page(frames: DataFrames, view: ViewState, filters: DataFilters, memo: Memo = direct) -> DataPage:
    lang = view.lang
    year = None if filters.every_year else view.year
    rows = queries.table_rows(frames, view.regions, year, view.category, filters.query, filters.provenances, filters.kinds)
    empty = table = rows_text = None
    if not view.regions:
        empty = Empty(i18n.t("no_region_selected", lang),
                      (suggestion_choices(frames, suggest.suggest(frames.facts, [], view.year), lang, key="data-suggest"),))
    elif rows.empty:
        nearby = suggest.suggest(frames.facts, view.regions, view.year, category=view.category)
        empty = Empty(i18n.t("data_empty", lang), (suggestion_choices(frames, nearby, lang, key="data-suggest"),))
    else:
        rows_text = (i18n.t("data_rows_cut", lang, n=len(rows), shown=RECORD_ROWS) if len(rows) > RECORD_ROWS
                     else i18n.t("data_rows", lang, n=len(rows)))
        table = Table(display.table_display(rows.head(RECORD_ROWS), lang), rows, "facts",
                      basename(frames, view.regions[0], year, "page_data", lang), key="data-table")
    hidden = queries.no_year_count(frames, view.regions, view.category) if year is not None and view.regions else 0
    rows_in_grid = coverage_rows(frames, view, memo)
    grid = memo(coverage_figure, frames, lang, None if rows_in_grid.basis == "all" else rows_in_grid.region_ids)
    every_source = memo(display.source_table, frames, lang)
    sources_cut = len(every_source) > SOURCE_ROWS
    shown, matching = source_rows(every_source, filters.sources_query if sources_cut else "", SOURCE_ROWS)
    sources_note = i18n.t("sources_cut", lang, n=len(shown), matching=matching, total=len(every_source)) if sources_cut else ""
    heading = i18n.t("coverage_heading", lang)
    return DataPage(
        empty=empty, rows_text=rows_text, table=table,
        no_year_note=i18n.t("data_no_year", lang, n=hidden) if hidden else None,
        coverage=None if grid is None else Chart(grid, heading, key="coverage"),
        coverage_note=grid_note(rows_in_grid, lang), sources_note=sources_note, sources_search=sources_cut,
        sources=Table(shown, frames.sources, "sources", i18n.t("sources_heading", lang), key="sources-table"))

