"""数据与来源 Data and sources: the tidy table with search and filters, and the source documents."""

import streamlit as st

from metrics import display, i18n, queries, suggest
from metrics.charts import coverage_figure
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
all_years = right.radio(i18n.t("data_years", lang), [False, True], horizontal=True, key="data-years",
                        format_func=lambda every: i18n.t("data_year_all", lang) if every
                        else i18n.t("data_year_selected", lang, year=view.year))

year = None if all_years else view.year
rows = queries.table_rows(frames, view.regions, year, view.category, query, provenances, kinds)
if not view.regions:
    widgets.empty_state(i18n.t("no_region_selected", lang), lang)
    widgets.suggestion_buttons(frames, suggest.suggest(frames.facts, [], view.year), lang, key="data-suggest")
elif rows.empty:
    widgets.empty_state(i18n.t("data_empty", lang), lang)
    widgets.suggestion_buttons(frames, suggest.suggest(frames.facts, view.regions, view.year, category=view.category),
                               lang, key="data-suggest")
else:
    st.caption(widgets.md(i18n.t("data_rows", lang, n=len(rows))))
    evidence = i18n.t("col_evidence", lang)
    widgets.table(display.table_display(rows, lang), rows, "facts", widgets.basename(frames, view.regions[0], year, "page_data", lang),
                  lang, key="data-table", sources=frames.sources, height=420,
                  column_config={evidence: st.column_config.TextColumn(evidence, width="large")})
if year is not None and view.regions:
    hidden = queries.no_year_count(frames, view.regions, view.category)
    if hidden:
        st.caption(widgets.md(i18n.t("data_no_year", lang, n=hidden)))

st.subheader(widgets.md(i18n.t("coverage_heading", lang)))
grid = state.cached(coverage_figure, frames, lang)
if grid is not None:
    widgets.chart(grid, i18n.t("coverage_heading", lang), lang, key="coverage")

st.subheader(widgets.md(i18n.t("sources_heading", lang)))
url = i18n.t("col_url", lang)
widgets.table(display.source_table(frames, lang), frames.sources, "sources", i18n.t("sources_heading", lang), lang,
              key="sources-table",
              column_config={url: st.column_config.LinkColumn(url)})
