"""目标与完成 Targets and results: the target ledger of each chosen region and year, then progress to 2025."""

import streamlit as st

from metrics import display, i18n, names, queries, suggest
from metrics.charts import ledger_figure, progress_figure
from metrics.ledger import STATUSES, status_counts
from ui import state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_targets", lang)))

if not view.regions:
    widgets.empty_state(i18n.t("no_region_selected", lang), lang)
    widgets.suggestion_buttons(frames, suggest.suggest(frames.ledger, [], view.year, kinds=None), lang,
                               key="targets-suggest")

for region in view.regions:
    name = names.region_name(frames, region, lang)
    st.subheader(widgets.md(i18n.t("targets_heading", lang, region=name, year=view.year)))
    ledger = queries.ledger_for(frames, region, view.year, view.category)
    if ledger.empty:
        widgets.empty_state(i18n.t("targets_none", lang, region=name, year=view.year), lang)
        widgets.suggestion_buttons(
            frames, suggest.suggest(frames.ledger, [region], view.year, kinds=None, category=view.category,
                                    periods=queries.LEDGER_PERIODS), lang, key=f"targets-suggest-{region}")
    else:
        counts = status_counts(ledger)
        st.markdown(widgets.md(i18n.t("targets_counts", lang, n=len(ledger))))
        for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
            column.metric(i18n.status_label(status, lang), counts[status])
        figure = state.cached(ledger_figure, frames, region, view.year, lang, view.category)
        if figure is None:
            widgets.empty_state(i18n.t("targets_no_actuals", lang, region=name, year=view.year, n=len(ledger)), lang)
            widgets.suggestion_buttons(
                frames, suggest.suggest(queries.ledger_with_actuals(frames, view.category), [region], view.year,
                                        kinds=None, periods=queries.LEDGER_PERIODS),
                lang, key=f"targets-actuals-{region}")
        else:
            st.caption(widgets.md(i18n.t("targets_chart_note", lang)))
            widgets.chart(figure, widgets.basename(frames, region, view.year, "page_targets", lang), lang,
                          key=f"ledger-{region}")
        st.markdown(f"**{widgets.md(i18n.t('targets_table', lang))}**")
        present = [s for s in STATUSES if counts[s]]
        chosen = st.pills(i18n.t("targets_status_filter", lang), present, selection_mode="multi", key=f"status-{region}",
                          format_func=lambda s, counts=counts: f"{i18n.status_label(s, lang)} ({counts[s]})")
        if chosen:
            ledger = queries.ledger_for(frames, region, view.year, view.category, chosen)
        widgets.table(display.ledger_table(ledger, lang), ledger, "ledger",
                      widgets.basename(frames, region, view.year, "page_targets", lang), lang,
                      key=f"ledger-table-{region}", sources=frames.sources)

    st.subheader(widgets.md(i18n.t("progress_heading", lang)))
    st.caption(widgets.md(i18n.t("progress_note", lang)))
    figure = state.cached(progress_figure, frames, region, lang, view.category)
    if figure is None:
        widgets.empty_state(i18n.t("progress_none", lang, region=name), lang)
    else:
        widgets.chart(figure, widgets.basename(frames, region, 2025, "progress_heading", lang), lang,
                      key=f"progress-{region}")
        progress = queries.progress_for(frames, region, view.category)
        widgets.table(display.progress_table(progress, lang), progress, "progress",
                      widgets.basename(frames, region, 2025, "progress_heading", lang), lang,
                      key=f"progress-table-{region}", sources=frames.sources)
