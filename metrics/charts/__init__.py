"""Chart builders: each returns a ``plotly.graph_objects.Figure`` built on ``theme.TEMPLATE``,
with a title, axis titles with units, hover text and a footnote naming the sources."""

from metrics.charts.catalogue import (
    comparison_figure,
    coverage_figure,
    coverage_region_ids,
    figures_for,
    heatmap_figure,
    ledger_figure,
    peers_figure,
    progress_figure,
    region_figure,
    trend_figure,
)
from metrics.charts.ledger import ledger_chart
from metrics.charts.progress import progress_chart
from metrics.charts.regions import region_chart
from metrics.charts.theme import TEMPLATE
from metrics.charts.trends import trend_chart

__all__ = ["TEMPLATE", "comparison_figure", "coverage_figure", "coverage_region_ids", "figures_for", "heatmap_figure", "ledger_chart", "ledger_figure", "peers_figure", "progress_chart", "progress_figure", "region_chart",
           "region_figure", "trend_chart", "trend_figure"]
