"""Each page's view model, built without Streamlit: what a page shows for a selection, on small
hand-built frames."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from metrics.view_models.data import DataFilters, data_page
from metrics.view_models.overview import overview_page
from metrics.view_models.query_state import ViewState
from metrics.view_models.regions import regions_page
from metrics.view_models.targets import targets_page
from metrics.view_models.trends import trends_page
from tests.metrics.builders import build_frames, obs

pytestmark = pytest.mark.fast
PAGES = Path(__file__).resolve().parents[3] / "pages"


@pytest.fixture
def frames(tmp_path):
    return build_frames(tmp_path, [
        obs("ningbo", "gdp", 2020, 12408.7),
        obs("ningbo", "gdp", 2021, 14594.9),
        obs("ningbo", "gdp_growth", 2021, 8.2),
        obs("ningbo", "gdp_growth", 2021, 7, kind="target", comparator="about"),
        obs("ningbo", "gdp_growth", 2022, 5.5, kind="target", comparator="about"),
        obs("yuyao", "gdp", 2021, 1400.0),
        obs("haishu", "gdp", 2021, 1500.0),
    ])


def test_targets_page_counts_judges_and_filters_by_status(frames):
    page = targets_page(frames, ViewState(regions=("ningbo",), year=2021, lang="en"))
    section = page.sections[0]
    assert page.no_region is None and section.empty is None
    assert {c.status: c.count for c in section.counts}["met"] == 1
    assert [c.status for c in section.statuses_present] == ["met"]
    assert section.chart is not None and section.chart.basename.endswith("Targets and results")
    assert len(section.table(["met"]).raw) == 1 and section.table(["missed"]).raw.empty


def test_targets_page_without_actuals_offers_a_year_with_them(frames):
    section = targets_page(frames, ViewState(regions=("ningbo",), year=2022, lang="zh")).sections[0]
    assert section.chart is None and section.no_chart is not None
    offered = [choice.changes for row in section.no_chart.choices for choice in row.items]
    assert {"regions": ("ningbo",), "year": 2021} in offered


def test_targets_page_with_no_region_suggests_one(frames):
    page = targets_page(frames, ViewState(regions=(), year=2021, lang="zh"))
    assert page.sections == () and page.no_region is not None
    assert page.no_region.choices[0].items, "a region with targets is offered"


def test_trends_page_draws_or_says_what_to_pick(frames):
    view = ViewState(regions=("ningbo",), year=2021, lang="zh")
    drawn = trends_page(frames, view, ["gdp"])
    assert drawn.chart is not None and drawn.empty is None
    nothing = trends_page(frames, view, [])
    assert nothing.chart is None and nothing.empty is not None
    assert {"indicators": ("gdp",)} in [c.changes for row in nothing.empty.choices for c in row.items]


def test_regions_page_ranks_and_offers_other_years_when_empty(frames):
    shown = regions_page(frames, ViewState(regions=(), year=2021, lang="zh"), "gdp")
    assert shown.chart is not None and shown.empty is None and shown.selected_note is None
    empty = regions_page(frames, ViewState(regions=(), year=2020, lang="zh"), "gdp")
    assert empty.chart is None
    assert {"year": 2021} in [c.changes for row in empty.empty.choices for c in row.items]


def test_data_page_filters_rows_and_counts_them(frames):
    view = ViewState(regions=("ningbo",), year=2021, lang="zh")
    every = data_page(frames, view, DataFilters())
    targets = data_page(frames, view, DataFilters(kinds=("target",)))
    assert every.table is not None and targets.table is not None
    assert len(targets.table.raw) == 1 < len(every.table.raw)
    assert data_page(frames, view, DataFilters(query="no such text")).table is None
    assert len(every.sources.raw) == len(frames.sources)


def test_overview_page_has_a_section_per_region_with_cards_and_sentences(frames):
    page = overview_page(frames, ViewState(regions=("ningbo", "yuyao"), year=2021, lang="zh"))
    assert [s.region_id for s in page.sections] == ["ningbo", "yuyao"]
    ningbo = page.sections[0]
    assert ningbo.empty is None and ningbo.cards[0].indicator_id == "gdp" and ningbo.briefing


def test_a_memo_is_asked_for_each_section_and_figure(frames):
    asked = []

    def memo(function, frames_, *args):
        asked.append(function.__name__)
        return function(frames_, *args)

    view = ViewState(regions=("ningbo", "yuyao"), year=2021, lang="zh")
    targets_page(frames, view, memo)
    regions_page(frames, view, "gdp", memo)
    assert asked == ["targets_section", "targets_section", "comparison_figure", "heatmap_figure", "peers_figure", "ranking_notes"]


@pytest.mark.parametrize("page", ["overview.py", "targets.py", "trends.py", "regions.py", "data_sources.py"])
def test_a_page_asks_its_view_model_and_the_catalogue_only(page):
    """Pages render: from ``metrics`` they import the words (``i18n``) and their view model, nothing
    that queries or formats the data."""
    tree = ast.parse((PAGES / page).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 and node.module in ("metrics", "metrics.text") for alias in node.names}
    from_metrics = {name for name in imported if name.startswith("metrics")} - {"metrics", "metrics.text", "metrics.text.i18n"}
    assert from_metrics and all(name.startswith("metrics.view_models.") for name in from_metrics), from_metrics
