"""The trends page's view model: the chosen indicators over the years for the chosen regions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from metrics.charts import trend_figure
from metrics.figures import queries, suggest
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n
from metrics.view_models.parts import Chart, Empty, Memo, basename, direct, indicator_choices, suggestion_choices
from metrics.view_models.query_state import ViewState


@dataclass(frozen=True)
class TrendsPage:
    empty: Empty | None
    """Set when nothing can be drawn: no region, no indicator, or no data for them."""
    chart: Chart | None
    not_drawn: str | None
    """How many records of the selection a time axis cannot show (quarters, totals), when any."""


def trends_page(frames: DataFrames, view: ViewState, indicators: Sequence[str], memo: Memo = direct,
                references: bool = False) -> TrendsPage:
    """``references``: draw the nation and the province above the chosen regions as reference lines."""
    lang, regions, chosen = view.lang, view.regions, tuple(indicators)
    if not regions:
        nearby = suggest.suggest(frames.facts, [], view.year, indicators=chosen)
        return TrendsPage(Empty(i18n.t("no_region_selected", lang),
                                       (suggestion_choices(frames, nearby, lang, key="trends-suggest-region"),)), None, None)
    figure = memo(trend_figure, frames, regions, chosen, lang, view.year, references) if chosen else None
    if figure is None:
        with_data = queries.indicators_with_data(frames, regions, view.category, limit=4)
        nearby = suggest.suggest(frames.facts, regions, view.year, indicators=chosen or None)
        return TrendsPage(Empty(i18n.t("trends_empty" if chosen else "trends_pick", lang), (
            indicator_choices(frames, with_data, lang, key="trends-suggest-indicator", field_name="indicators", many=True),
            suggestion_choices(frames, nearby, lang, key="trends-suggest-region"))), None, None)
    first = regions[0] if len(regions) == 1 else None
    hidden = memo(queries.not_drawn_count, frames, regions, chosen)
    return TrendsPage(None, Chart(figure, basename(frames, first, None, "page_trends", lang), key="trends"),
                      i18n.t("trends_not_drawn", lang, n=hidden) if hidden else None)
