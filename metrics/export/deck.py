"""The briefing pack of one region and year as a 16:9 PPTX deck (``slides``) or the same pages
as a multi-page PDF (``handout``): plan the content (``pack``), render the charts, lay it out.

The one module that imports both layouts; they import ``pack``, never this module."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from metrics.export.handout import pdf_bytes
from metrics.export.pack import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Chart,
    ChartPage,
    Pack,
    ProgressCallback,
    UnknownRegion,
    all_charts,
    plan,
    region_name,
    render,
)
from metrics.export.slides import pptx_bytes
from metrics.frames.dataframes import DataFrames

__all__ = [
    "SLIDE_HEIGHT", "SLIDE_WIDTH", "Chart", "ChartPage", "Pack", "UnknownRegion", "all_charts", "deck_pdf",
    "deck_pptx", "plan", "region_name", "render",
]


def deck_pptx(frames: DataFrames, region_id: str, year: int, lang: str = "zh", charts: Sequence[Chart] | None = None,
              *, on_progress: ProgressCallback | None = None, today: dt.date | None = None) -> bytes:
    """The briefing pack as a 16:9 PowerPoint deck: title, headline figures, the scorecard, one
    slide per chart, sources."""
    pack = render(plan(frames, region_id, year, lang, charts, today), "png", on_progress)
    data = pptx_bytes(pack)
    if on_progress:
        on_progress(len(pack.pages) + 1, len(pack.pages) + 1)
    return data


def deck_pdf(frames: DataFrames, region_id: str, year: int, lang: str = "zh", charts: Sequence[Chart] | None = None,
             *, on_progress: ProgressCallback | None = None, today: dt.date | None = None) -> bytes:
    """The same pack as a multi-page PDF (vector charts, the sentences printed under each)."""
    pack = render(plan(frames, region_id, year, lang, charts, today), "svg", on_progress)
    data = pdf_bytes(pack)
    if on_progress:
        on_progress(len(pack.pages) + 1, len(pack.pages) + 1)
    return data
