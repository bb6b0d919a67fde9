"""Coverage: the region × year grid of headline families, the default year, newer figures."""

from __future__ import annotations

import pytest

from metrics.cli.coverage import coverage_text
from metrics.frames import coverage
from tests.metrics.builders import build_frames, obs


@pytest.fixture
def frames(tmp_path):
    return build_frames(tmp_path, [
        obs("ningbo", "gdp", 2020, 12408.7), obs("ningbo", "fiscal_revenue", 2020, 1510.8),
        obs("ningbo", "trade_total", 2020, 9787), obs("ningbo", "rd_intensity", 2020, 2.85),
        obs("ningbo", "gdp_growth", 2021, 8.2), obs("ningbo", "gdp", 2021, 14594.9),
        obs("ningbo", "fiscal_revenue_growth", 2021, 14.1), obs("ningbo", "trade_total", 2021, 11926.1),
        obs("ningbo", "gdp_growth", 2022, 3.5),
        obs("ningbo", "gdp_growth", 2023, 5.0, kind="target"),
        obs("yuyao", "gdp", 2019, 1100.0), obs("yuyao", "gdp", 2020, 1220.7),
    ])


def test_a_level_and_its_growth_are_one_family(frames):
    grid = coverage.grid(frames)
    assert grid.loc["ningbo", 2021] == 3  # gdp and gdp_growth count once, with fiscal and trade
    assert grid.loc["ningbo", 2022] == 1 and grid.loc["yuyao", 2021] == 0
    assert 2023 not in grid.columns, "a target is not a published figure"


def test_the_default_year_is_the_latest_mostly_published_one(frames):
    assert coverage.latest_full_year(frames, "ningbo") == 2021  # 3 of 4 families; 2022 has 1
    assert coverage.latest_full_year(frames, "yuyao") == 2020
    assert coverage.latest_full_year(frames, "cixi") is None
    assert frames.options.year_for("ningbo") == 2021


def test_newer_figures_are_named_by_year(frames):
    assert coverage.newer_figures(frames, "ningbo", 2020) == {2021: ["gdp", "fiscal_revenue", "trade_total"], 2022: ["gdp"]}
    assert coverage.newer_figures(frames, "ningbo", 2022) == {}


def test_one_family_and_the_text_grid(frames):
    assert coverage.grid(frames, years=[2019, 2020], family="gdp").loc["yuyao"].tolist() == [1, 1]
    text = coverage_text(frames)
    assert "| 余姚市 Yuyao | · | · | · | 1 | 1 | · |" in text and "慈溪市" not in text
