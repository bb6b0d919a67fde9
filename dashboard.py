"""The dashboard's entry point: page setup, navigation, the shared sidebar and the URL state.

Run with ``streamlit run dashboard.py``. Every page in ``pages/`` only renders what ``metrics``
computes; the data is loaded once per file version by ``ui.state``.
"""

import streamlit as st

import metrics.charts.theme  # noqa: F401  (sets the Plotly template after Streamlit's import replaced it)
from metrics.figures import names
from ui import a11y, routes, run_log, state, warm, widgets

started = run_log.started()

st.set_page_config(page_title="宁波经济指标 · Ningbo indicators", page_icon=":material/monitoring:", layout="wide")
warm.start()
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
a11y.name_controls(view.lang)


@st.fragment(key=state.PAGE_BODY)
def page_body() -> None:
    """The page, in a fragment: a change of year or category reruns it alone (``ui.state._bound``),
    not the sidebar and the router. Streamlit lets the page returned by ``st.navigation`` run once per
    app run, so a rerun of the fragment alone allows the same page to run again."""
    with run_log.timed(started, page.url_path):  # only with METRICS_RUN_LOG: each run's seconds
        state.routed()
        state.sync_body()
        page._can_be_called = True  # the page object of this app run, run again by the fragment
        page.run()


page_body()
