"""数据与来源 Data and sources: the tidy table with search and filters, and the source documents."""

import streamlit as st

from metrics.text import i18n
from metrics.view_models.data import DataFilters, data_page
from ui import state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_data", lang)))
st.subheader(widgets.md(i18n.t("data_heading", lang)))

query = st.text_input(i18n.t("data_search", lang), key="data-search")
left, middle, right = st.columns(3)
provenances = left.multiselect(i18n.t("data_provenance", lang), ["quoted", "cited", "derived"],
                               format_func=lambda p: i18n.provenance_label(p, lang), key="data-provenance",
                               placeholder=i18n.t("choose", lang))
kinds = middle.multiselect(i18n.t("data_kind", lang), ["actual", "target"], format_func=lambda k: i18n.kind_label(k, lang),
                           key="data-kind", placeholder=i18n.t("choose", lang))
every_year = right.radio(i18n.t("data_years", lang), [False, True], horizontal=True, key="data-years",
                         format_func=lambda every: i18n.t("data_year_all", lang) if every
                         else i18n.t("data_year_selected", lang, year=view.year))

sources_query = st.session_state.get("sources-search") or ""
page = data_page(frames, view, DataFilters(query, tuple(provenances), tuple(kinds), bool(every_year), sources_query),
                 state.cached)
widgets.empty(page.empty)
if page.table is not None:
    st.caption(widgets.md(page.rows_text))
    evidence = i18n.t("col_evidence", lang)
    widgets.table_block(page.table, lang, sources=frames.sources, height=420,
                        column_config={evidence: st.column_config.TextColumn(evidence, width="large")})
if page.no_year_note:
    st.caption(widgets.md(page.no_year_note))

st.subheader(widgets.md(i18n.t("coverage_heading", lang)))
widgets.chart_block(page.coverage, lang)
if page.coverage_note:
    st.caption(widgets.md(page.coverage_note))

st.subheader(widgets.md(i18n.t("sources_heading", lang)))
url = i18n.t("col_url", lang)
if page.sources_search:
    st.text_input(i18n.t("sources_search", lang), key="sources-search")
if page.sources_note:
    st.caption(widgets.md(page.sources_note))
widgets.table_block(page.sources, lang, column_config={url: st.column_config.LinkColumn(url)})
