"""The one Plotly template of the dashboard, its palette and the fixed colour of each region.

Importing Streamlit replaces Plotly's default template with one whose colours are
placeholders only the browser fills in; a figure exported with kaleido would then come out
black. So this module registers an explicit template, makes it the default for plotly.io and
plotly.express at import, and every builder also passes ``template=TEMPLATE``.

Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies), then four
from Paul Tol's muted scheme for the regions beyond eight. Colour is never the only cue:
regions also have a fixed marker symbol, statuses a text label. Each region's colour and symbol
are in the data (``regions`` in ``data/metrics.yaml``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

from metrics.load.schema import Region

TEMPLATE_NAME = "ningbo"
FONT_SIZE = 13
"""The template's text size in px: tick labels and axis titles."""
FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif"

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
EXTRA = ("#882255", "#44AA99", "#999933", "#AA4499")
PALETTE = OKABE_ITO[:7] + EXTRA + ("#999999",)
"""Okabe–Ito without its yellow (too light on white), Tol's muted four, grey last."""

_SYMBOLS = ("circle", "square", "triangle-up", "diamond", "cross", "x", "star", "hexagon", "pentagon")

STATUS_COLOURS: dict[str, str] = {
    "met": "#009E73",
    "provisionally_met": "#56B4E9",
    "not_met": "#D55E00",
    "provisionally_not_met": "#E69F00",
    "needs_judgement": "#CC79A7",
    "no_actual": "#999999",
}
TARGET_COLOUR = "#555555"
BAR_COLOUR = "#B7CBE0"
"""The one colour of a ranking's bars; the chosen regions stand out in HIGHLIGHT_COLOUR."""
HIGHLIGHT_COLOUR = "#0072B2"
TEXT_COLOUR = "#222222"
GRID_COLOUR = "#E5E5E5"


@dataclass(frozen=True)
class RegionStyle:
    colour: str
    symbol: str


def region_style(region_id: str, region: Region | None = None) -> RegionStyle:
    """The region's colour and marker, the same on every chart: as its record in the data gives
    them (``colour``, ``symbol``), else a stable pick from the palette for an id the data styles not."""
    pick = zlib.crc32(region_id.encode("utf-8"))
    return RegionStyle((region.colour if region else None) or PALETTE[pick % len(PALETTE)],
                       (region.symbol if region else None) or _SYMBOLS[pick % len(_SYMBOLS)])


DRAWN_TRACES = ("bar", "scatter", "heatmap")
"""The trace types the charts draw: the template keeps plotly_white's defaults for these only."""
_UNDRAWN_LAYOUT = ("polar", "ternary", "scene", "geo", "mapbox", "map")
"""plotly_white's layout parts for kinds of chart the dashboard never draws."""


def _drawn_only(base: dict) -> dict:
    """plotly_white without the trace types and layout parts no chart here draws: each figure
    carries its template to the browser, and the whole of plotly_white made 7.9 KB of every chart's
    18 KB and a third of building a figure (issue 21)."""
    return {"data": {kind: base["data"][kind] for kind in DRAWN_TRACES},
            "layout": {key: value for key, value in base["layout"].items() if key not in _UNDRAWN_LAYOUT}}


def _template() -> go.layout.Template:
    axis = {"gridcolor": GRID_COLOUR, "linecolor": "#BBBBBB", "zerolinecolor": "#BBBBBB", "ticks": "outside",
            "tickcolor": "#BBBBBB", "title": {"standoff": 8},
            # margins are set from the labels' width (charts.common.frame): automargin lays every chart
            # out twice (plotly.js issue 2704), and a redraw took twice as long
            "automargin": False,
            # numbers as Chinese readers write them (15,000 亿元), never Plotly's SI "15k"
            "exponentformat": "none", "separatethousands": True}
    template = go.layout.Template(_drawn_only(pio.templates["plotly_white"].to_plotly_json()))
    template.layout.update(
        font={"family": FONT_FAMILY, "size": FONT_SIZE, "color": TEXT_COLOUR},
        title={"font": {"size": 17}, "x": 0.0, "xanchor": "left", "y": 0.98, "yanchor": "top"},
        colorway=list(PALETTE),
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        xaxis=axis,
        yaxis=axis,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0.0,
                "font": {"size": 12}},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 13}, "bgcolor": "#FFFFFF"},
        margin={"l": 10, "r": 20, "t": 90, "b": 80},
    )
    return template


TEMPLATE = _template()
pio.templates[TEMPLATE_NAME] = TEMPLATE
pio.templates.default = TEMPLATE_NAME
px.defaults.template = TEMPLATE_NAME
