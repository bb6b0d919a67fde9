"""The second reference: the dashboard's own figures (the figure JSON its pages send, taken by
``benchmarks.app_timing.page_figures``) drawn by Streamlit with nothing else: no sidebar of the
dashboard, no text, tables or download buttons. Against it, a page's times say how much is the
dashboard's own overhead; against the bare app, how much is the content.

``REF_FIGURES`` names a JSON file ``{page: {"before": [chart, ...], "after": [...]}}`` (a chart is
``spec``, ``config``, ``theme`` as in Streamlit's Plotly message); the page is the query
parameter ``page``. The filter is a sidebar selectbox, as in the bare app: before → after.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import streamlit as st


@st.cache_resource
def _figures(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


st.set_page_config(layout="wide")
path = os.environ.get("REF_FIGURES")
figures = _figures(path) if path else {"none": {"before": [], "after": []}}
page = st.query_params.get("page", next(iter(figures)))
choice = st.sidebar.selectbox("Figures", ("before", "after"))
for number, chart in enumerate(figures.get(page, {}).get(choice, [])):
    st.plotly_chart(json.loads(chart["spec"]), theme=chart["theme"] or None, key=f"chart-{number}",
                    config=json.loads(chart["config"]) if chart["config"] else None)
