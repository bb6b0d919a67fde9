"""区域对比 Regions: one indicator across the districts, county-level cities and counties for one year."""

import streamlit as st

from metrics import comparison, i18n, names, suggest
from metrics.charts import comparison_figure, heatmap_figure
from ui import state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_regions", lang)))

indicator = state.compare_indicator(frames, view)
if indicator is None:
    widgets.empty_state(i18n.t("trends_pick", lang), lang)
    st.stop()

name = names.indicator_name(frames, indicator, lang)
ranking = comparison.comparison(frames, indicator, view.year)
figure = state.cached(comparison_figure, frames, indicator, view.year, lang, view.regions)
if figure is None:
    widgets.empty_state(i18n.t("regions_empty", lang, indicator=name, year=view.year), lang)
    years = suggest.years_with_data(frames.facts, view.year, regions=names.ranked_region_ids(frames), indicator=indicator)
    widgets.choice_buttons([(i18n.year_label(year, lang), {"year": year}) for year in years], lang,
                           key="regions-suggest-year")
    widgets.choice_buttons(
        [(names.indicator_name(frames, ind, lang), {"compare": ind})
         for ind in comparison.compare_indicators_with_data(frames, view.year, view.category, limit=4) if ind != indicator],
        lang, key="regions-suggest-indicator", intro_key="trends_suggest")
else:
    widgets.chart(figure, widgets.basename(frames, None, view.year, "page_regions", lang) + f"_{name}", lang, key="regions")
    if view.regions:
        st.caption(widgets.md(i18n.t("regions_selected_note", lang)))
for line in comparison.comparison_notes(frames, ranking, lang):
    st.markdown(widgets.md(line))

st.subheader(widgets.md(i18n.t("heatmap_heading", lang)))
heatmap = state.cached(heatmap_figure, frames, indicator, lang)
if heatmap is not None:
    widgets.chart(heatmap, widgets.basename(frames, None, None, "heatmap_heading", lang) + f"_{name}", lang, key="heatmap")
