"""The data page's view model: the records matching the page's filters, the coverage grid and
the source documents."""

from __future__ import annotations

from dataclasses import dataclass

from metrics.charts import coverage_figure
from metrics.figures import queries, suggest
from metrics.frames.dataframes import DataFrames
from metrics.text import display, i18n
from metrics.view_models.parts import Chart, Empty, Memo, Table, basename, direct, suggestion_choices
from metrics.view_models.query_state import ViewState


@dataclass(frozen=True)
class DataFilters:
    """What the page's own controls ask for, besides the shared view."""

    query: str = ""
    provenances: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    every_year: bool = False


@dataclass(frozen=True)
class DataPage:
    empty: Empty | None
    rows_text: str | None
    table: Table | None
    no_year_note: str | None
    """How many records have no year, when only one year is shown and some exist."""
    coverage: Chart | None
    sources: Table


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
        rows_text = i18n.t("data_rows", lang, n=len(rows))
        table = Table(display.table_display(rows, lang), rows, "facts",
                      basename(frames, view.regions[0], year, "page_data", lang), key="data-table")
    hidden = queries.no_year_count(frames, view.regions, view.category) if year is not None and view.regions else 0
    grid = memo(coverage_figure, frames, lang)
    heading = i18n.t("coverage_heading", lang)
    return DataPage(
        empty=empty, rows_text=rows_text, table=table,
        no_year_note=i18n.t("data_no_year", lang, n=hidden) if hidden else None,
        coverage=None if grid is None else Chart(grid, heading, key="coverage"),
        sources=Table(display.source_table(frames, lang), frames.sources, "sources", i18n.t("sources_heading", lang),
                      key="sources-table"))

