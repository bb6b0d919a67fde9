"""The small line under a headline number: its published years, the chosen year marked."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from metrics.charts.theme import TEMPLATE

SPARK_HEIGHT = 64


def sparkline(history: Sequence[tuple[int, float]], year: int, colour: str,
              break_years: Sequence[int] = ()) -> go.Figure | None:
    """A line of ``history`` (year, value); the line is not drawn across a gap of years or a
    caliber break, so a missing year or a new basis is not bridged. None with fewer than two
    points, where a line says nothing."""
    if len(history) < 2:
        return None
    xs: list[int | None] = []
    ys: list[float | None] = []
    for index, (when, value) in enumerate(history):
        if index:
            previous = history[index - 1][0]
            if when - previous > 1 or any(previous < b <= when for b in break_years):
                xs.append(None)
                ys.append(None)
        xs.append(when)
        ys.append(value)
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="lines+markers", line={"color": colour, "width": 2},
                               marker={"size": 4, "color": colour}, hoverinfo="skip", connectgaps=False))
    chosen = [(w, v) for w, v in history if w == year]
    if chosen:
        fig.add_trace(go.Scatter(x=[chosen[0][0]], y=[chosen[0][1]], mode="markers", hoverinfo="skip",
                                 marker={"size": 9, "color": colour, "line": {"color": "#FFFFFF", "width": 1.5}}))
    fig.update_layout(template=TEMPLATE, height=SPARK_HEIGHT, margin={"l": 2, "r": 2, "t": 4, "b": 16}, showlegend=False,
                      xaxis={"visible": True, "showgrid": False, "tickvals": [history[0][0], history[-1][0]],
                             "tickfont": {"size": 10}, "fixedrange": True, "tickformat": "d", "separatethousands": False},
                      yaxis={"visible": False, "fixedrange": True}, plot_bgcolor="rgba(0,0,0,0)",
                      paper_bgcolor="rgba(0,0,0,0)")
    return fig
