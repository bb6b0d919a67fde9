"""趋势 Trends: chosen indicators over the years for the chosen regions."""

import streamlit as st

from metrics import i18n, names, queries, suggest
from metrics.charts import trend_figure
from ui import state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_trends", lang)))

indicators = state.trend_indicators(frames, view)
if not view.regions:
    widgets.empty_state(i18n.t("no_region_selected", lang), lang)
    widgets.suggestion_buttons(frames, suggest.suggest(frames.facts, [], view.year, indicators=indicators), lang,
                               key="trends-suggest-region")
else:
    figure = state.cached(trend_figure, frames, view.regions, indicators, lang, view.year) if indicators else None
    if figure is None:
        widgets.empty_state(i18n.t("trends_empty" if indicators else "trends_pick", lang), lang)
        widgets.choice_buttons(
            [(names.indicator_name(frames, ind, lang), {"indicators": (ind,)})
             for ind in queries.indicators_with_data(frames, view.regions, view.category, limit=4)],
            lang, key="trends-suggest-indicator", intro_key="trends_suggest")
        widgets.suggestion_buttons(frames, suggest.suggest(frames.facts, view.regions, view.year,
                                                           indicators=indicators or None),
                                   lang, key="trends-suggest-region")
    else:
        first = view.regions[0] if len(view.regions) == 1 else None
        widgets.chart(figure, widgets.basename(frames, first, None, "page_trends", lang), lang, key="trends")
        hidden = queries.not_drawn_count(frames, view.regions, indicators)
        if hidden:
            st.caption(widgets.md(i18n.t("trends_not_drawn", lang, n=hidden)))
