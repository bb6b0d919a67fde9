"""区域对比 Regions: one indicator across the districts, county-level cities and counties for one year."""

import streamlit as st

from metrics.text import i18n
from metrics.view_models.regions import regions_page
from ui import state, widgets

HEATMAP_OPEN = "heatmap-open"
"""The key of the expander around the heatmap: its state, open or closed, in the session."""

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_regions", lang)))

indicator = state.compare_indicator(frames, view)
if indicator is None:
    st.info(widgets.md(i18n.t("trends_pick", lang)))
    st.stop()

groups = st.session_state.get("peer-group") or None
page = regions_page(frames, view, indicator, state.cached, groups)
widgets.empty(page.empty)
widgets.chart_block(page.chart, lang)
if page.selected_note:
    st.caption(widgets.md(page.selected_note))
for line in page.notes:
    st.markdown(widgets.md(line))

# the grid of every year is drawn only while its expander is open (a filter change then redraws one chart, not two)
if page.heatmap is not None:
    with st.expander(widgets.md(i18n.t("heatmap_heading", lang)), key=HEATMAP_OPEN, on_change="rerun") as heatmap:
        if heatmap.open:
            widgets.chart_block(page.heatmap, lang)
            if page.heatmap_note:
                st.caption(widgets.md(page.heatmap_note))

if page.peer_groups:
    st.subheader(widgets.md(i18n.t("peers_heading", lang)))
    labels = {str(choice.changes["group"]): choice.label for choice in page.peer_groups}
    st.segmented_control(i18n.t("peers_group", lang), list(labels), key="peer-group", format_func=labels.__getitem__,
                         default="")
    widgets.chart_block(page.peers, lang)
    if page.peers_note:
        st.markdown(widgets.md(page.peers_note))
