"""The dashboard's entry point: page setup, navigation, the shared sidebar and the URL state.

Run with ``streamlit run dashboard.py``. Every page in ``pages/`` only renders what ``metrics``
computes; the data is loaded once per file version by ``ui.state``.
"""

import streamlit as st

import metrics.charts.theme  # noqa: F401  (sets the Plotly template after Streamlit's import replaced it)
from metrics.figures import names
from ui import a11y, routes, state, widgets

st.set_page_config(page_title="宁波经济指标 · Ningbo indicators", page_icon=":material/monitoring:", layout="wide")
state.routed()

loaded = state.load_frames()
if isinstance(loaded, list):
    lang = state.url_lang()
    st.navigation(routes.pages(lang), position="hidden")
    widgets.problem_list(loaded, lang)
    st.stop()

view = state.init_view(loaded)
page = st.navigation(routes.pages(view.lang))
view = state.sidebar(loaded)
options = names.view_options(loaded)
widgets.notice_box(state.notices(), options.first_year, options.last_year, view.lang)
state.sync_url(view)
a11y.name_controls(view.lang)
page.run()
