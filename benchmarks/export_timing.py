"""Export timings in a fresh process: a chart as PNG (first, which starts Chromium, then warm)
and the briefing deck, through ``metrics.export`` as the download buttons call it."""

from __future__ import annotations

import io
import statistics
from pathlib import Path
from typing import Any

from benchmarks.measure import repeated, timed

WARM_RUNS = 5
REGION, YEAR = "ningbo", 2021


def _first_chart(frames: Any) -> tuple[str, Any, str]:
    """The first chart of the dashboard's catalogue for the region and year, and where it came from."""
    from metrics.charts import figures_for

    name, figure = next(iter(figures_for(frames, REGION, YEAR, "zh")))
    return name, figure, "metrics.charts.figures_for"


def measure_exports(data: str, sources: str, warm_runs: int = WARM_RUNS) -> dict:
    """Seconds for each export; ``why`` says what was not available and why."""
    from pptx import Presentation

    from metrics.frames.dataframes import data_frames
    from metrics.load.dataset import load

    frames = data_frames(load(data, Path(sources) if sources else None))
    try:
        from metrics.export import ExportError, deck_pptx, figure_bytes
        from metrics.export.renderer import shutdown
    except ImportError as exc:
        return {"why": f"metrics.export cannot be imported ({exc})"}
    try:
        name, figure, origin = _first_chart(frames)
    except (ImportError, AttributeError, StopIteration) as exc:
        return {"why": f"no dashboard chart to export ({type(exc).__name__}: {exc})"}
    result: dict[str, Any] = {"chart": name, "chart_from": origin}
    try:
        result["png_first_s"], png = timed(lambda: figure_bytes(figure, "png"))
        result["png_bytes"] = len(png)
        warm = repeated(lambda: figure_bytes(figure, "png"), warm_runs)
        result["png_warm_s"] = statistics.median(warm)
        result["png_warm_runs"] = warm
        result["deck_s"], deck = timed(lambda: deck_pptx(frames, REGION, YEAR, "zh"))
        result["deck_bytes"] = len(deck)
        result["deck_slides"] = len(Presentation(io.BytesIO(deck)).slides)
    except ExportError as exc:
        result["why"] = f"export failed: {exc}"
    finally:
        shutdown()
    return result
