"""目标与完成 Targets and results: the target ledger of each chosen region and year, then the scorecard of its five-year plan."""

import streamlit as st

from metrics.text import i18n
from metrics.view_models.targets import targets_page
from ui import state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_targets", lang)))
page = targets_page(frames, view, state.cached)
widgets.empty(page.no_region)

for section in page.sections:
    st.subheader(widgets.md(section.heading))
    widgets.empty(section.empty)
    if section.empty is None:
        st.markdown(widgets.md(section.counts_text))
        for column, count in zip(st.columns(len(section.counts)), section.counts, strict=True):
            column.metric(count.label, count.count)
        if section.chart is not None:
            st.caption(widgets.md(i18n.t("targets_chart_note", lang)))
        widgets.chart_block(section.chart, lang)
        widgets.empty(section.no_chart)
        st.markdown(f"**{widgets.md(i18n.t('targets_table', lang))}**")
        present = {count.status: count.pill for count in section.statuses_present}
        chosen = st.pills(i18n.t("targets_status_filter", lang), list(present), selection_mode="multi",
                          key=f"status-{section.region_id}", format_func=present.__getitem__)
        widgets.table_block(section.table(chosen or ()), lang, sources=frames.sources)

    st.subheader(widgets.md(section.progress_heading))
    st.caption(widgets.md(i18n.t("progress_note", lang)))
    widgets.empty(section.progress_empty)
    widgets.chart_block(section.progress_chart, lang)
    widgets.table_block(section.progress_table, lang, sources=frames.sources)
