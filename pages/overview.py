"""概览 Overview: the headline cards of each chosen region for the chosen year."""

import streamlit as st

from metrics.text import i18n
from metrics.view_models.overview import overview_page
from ui import clipboard, downloads, state, widgets

frames, view = state.context()
lang = view.lang
st.title(widgets.md(i18n.t("page_overview", lang)))
page = overview_page(frames, view, state.cached)
widgets.empty(page.no_region)

for section in page.sections:
    st.subheader(widgets.md(section.heading))
    widgets.empty(section.empty)
    if section.empty is not None:
        continue
    if section.newer:
        st.caption(widgets.md(section.newer))
    widgets.choices(section.newer_choice)
    widgets.card_grid(section.cards, lang, key=f"card-{section.region_id}")
    # what the briefing holds is built and drawn only while it is open: listing the deck's charts builds them
    # all (a year change took a second), and its sentences, drawn closed, were a tenth of a year change (issue 21)
    with st.expander(i18n.t("briefing_heading", lang), key=f"briefing-open-{section.region_id}",
                     on_change="rerun") as briefing:
        if not briefing.open:
            continue
        if section.briefing:
            st.caption(i18n.t("briefing_caption", lang))
            st.markdown("\n\n".join(widgets.md(line) for line in section.briefing))
            clipboard.copy_text_button("\n".join(section.briefing), i18n.t("briefing_copy", lang),
                                       i18n.t("briefing_copied", lang), key=f"brief-{section.region_id}")
        else:
            st.caption(i18n.t("briefing_none", lang))
        downloads.deck_download(frames, section.region_id, view.year, lang)
