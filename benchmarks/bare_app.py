"""The floor: a bare Streamlit app with one Plotly chart and one filter, nothing else.

``benchmarks/run.py`` sizes its chart like the dashboard's first chart through the
environment: ``BARE_TRACES`` traces of ``BARE_POINTS`` points each, ``BARE_TYPE`` ``scatter``
(lines) or ``bar``. The filter is a sidebar selectbox, as in the dashboard; each option
gives other numbers and a title naming it, so a browser can tell the updated chart apart.
"""

from __future__ import annotations

import os
import random

import plotly.graph_objects as go
import streamlit as st

TRACES = int(os.environ.get("BARE_TRACES", "1"))
POINTS = int(os.environ.get("BARE_POINTS", "25"))
KIND = os.environ.get("BARE_TYPE", "scatter")
OPTIONS = ("Alpha", "Beta", "Gamma", "Delta")

choice = st.sidebar.selectbox("Series", OPTIONS)
rng = random.Random(choice)
figure = go.Figure()
for trace in range(TRACES):
    x = list(range(2001, 2001 + POINTS))
    y = [rng.uniform(10, 100) for _ in x]
    if KIND == "bar":
        figure.add_trace(go.Bar(x=x, y=y, name=f"{choice} {trace}"))
    else:
        figure.add_trace(go.Scatter(x=x, y=y, mode="lines+markers", name=f"{choice} {trace}"))
figure.update_layout(title=f"Bare chart {choice}")
st.plotly_chart(figure)
