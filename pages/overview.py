"""概览 Overview: the headline cards of each chosen region for the chosen year."""

import streamlit as st

from metrics import i18n, names, overview, sentences, suggest
from ui import clipboard, downloads, state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_overview", lang)))

if not view.regions:
    widgets.empty_state(i18n.t("no_region_selected", lang), lang)
    widgets.suggestion_buttons(frames, suggest.suggest(frames.facts, [], view.year), lang, key="overview-suggest")

for region in view.regions:
    name = names.region_name(frames, region, lang)
    st.subheader(widgets.md(i18n.t("overview_heading", lang, region=name, year=view.year)))
    cards = state.cached(overview.overview_cards, frames, region, view.year, lang, view.category)
    if not cards:
        widgets.empty_state(i18n.t("overview_no_cards_in_category", lang), lang)
        widgets.choice_buttons([(i18n.t("suggest_all_categories", lang), {"category": None})], lang,
                               key=f"overview-all-{region}")
        continue
    if not any(card.has_data for card in cards):
        widgets.empty_state(i18n.t("overview_empty", lang, region=name, year=view.year), lang)
        widgets.suggestion_buttons(
            frames, suggest.suggest(frames.facts, [region], view.year, indicators=overview.card_indicators(frames)),
            lang, key=f"overview-suggest-{region}")
        continue
    newer = state.cached(overview.newer_figures_note, frames, region, view.year, lang)
    if newer is not None:
        note, latest = newer
        st.caption(widgets.md(note))
        widgets.choice_buttons([(i18n.t("overview_show_year", lang, year=latest), {"year": latest})], lang,
                               key=f"overview-newer-{region}", intro_key=None)
    widgets.card_grid(cards, lang, key=f"card-{region}")
    with st.expander(i18n.t("briefing_heading", lang)):
        lines = state.cached(sentences.briefing_sentences, frames, region, view.year, lang)
        if lines:
            st.caption(i18n.t("briefing_caption", lang))
            for line in lines:
                st.markdown(widgets.md(line))
            clipboard.copy_text_button("\n".join(lines), i18n.t("briefing_copy", lang), i18n.t("briefing_copied", lang),
                                       key=f"brief-{region}")
        else:
            st.caption(i18n.t("briefing_none", lang))
        downloads.deck_download(frames, region, view.year, lang)
