"""An address that names no page: said in the view's language, with the way back."""

import streamlit as st

from metrics.text import i18n
from ui import state, widgets

lang = state.current().lang if state.has_view() else state.url_lang()
st.title(widgets.md(i18n.t("not_found_title", lang)))
st.info(widgets.md(i18n.t("not_found_text", lang)))
st.page_link("pages/overview.py", label=i18n.t("not_found_back", lang), icon=":material/dashboard:",
             query_params=state.current_params() if state.has_view() else None)
