"""The dashboard's entry point: page setup, navigation, the shared sidebar and the URL state.

Run with ``streamlit run dashboard.py``. Every page in ``pages/`` only renders what ``metrics``
computes; the data is loaded once per file version by ``ui.state``.
"""

import streamlit as st

import metrics.charts.theme  # noqa: F401  (sets the Plotly template after Streamlit's import replaced it)
from metrics import i18n, selection
from metrics.importer import review
from ui import state, widgets

PAGES = (
    ("pages/overview.py", "page_overview", "overview", ":material/dashboard:"),
    ("pages/targets.py", "page_targets", "targets", ":material/flag:"),
    ("pages/trends.py", "page_trends", "trends", ":material/show_chart:"),
    ("pages/regions.py", "page_regions", "regions", ":material/bar_chart:"),
    ("pages/data_sources.py", "page_data", "data_sources", ":material/table:"),
)
IMPORT_PAGE = ("pages/import_review.py", "page_import", "import_review", ":material/upload_file:")
"""Listed only with ``METRICS_IMPORT=1``: it writes to the server's data file."""


def _pages(lang: str) -> list:
    return [st.Page(path, title=i18n.t(title, lang), url_path=url, icon=icon, default=number == 0)
            for number, (path, title, url, icon) in enumerate(PAGES + ((IMPORT_PAGE,) if review.enabled() else ()))]


st.set_page_config(page_title="宁波经济指标 · Ningbo indicators", page_icon=":material/monitoring:", layout="wide")
state.routed()

loaded = state.load_frames()
if isinstance(loaded, list):
    lang = state.url_lang()
    st.navigation(_pages(lang), position="hidden")
    widgets.problem_list(loaded, lang)
    st.stop()

view = state.init_view(loaded)
page = st.navigation(_pages(view.lang))
view = state.sidebar(loaded)
options = selection.view_options(loaded)
widgets.notice_box(state.notices(), options.first_year, options.last_year, view.lang)
state.sync_url(view)
page.run()
