"""趋势 Trends: chosen indicators over the years for the chosen regions."""

import streamlit as st

from metrics.text import i18n
from metrics.view_models.trends import trends_page
from ui import state, widgets

frames, view = state.context()
st.title(widgets.md(i18n.t("page_trends", view.lang)))
indicators = state.trend_indicators(frames, view)
references = st.toggle(i18n.t("trends_references", view.lang), key="trend-references")
page = trends_page(frames, view, indicators, state.cached, references)
widgets.empty(page.empty)
widgets.chart_block(page.chart, view.lang)
if page.not_drawn:
    st.caption(widgets.md(page.not_drawn))
