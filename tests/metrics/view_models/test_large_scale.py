"""The regions and data pages at large scale (issue 20): a grid of more regions than
``comparison.GRID_LIMIT`` and a source table longer than ``data.SOURCE_ROWS`` are cut, and say so.
Tested on the small hand-built frames with the thresholds lowered; the shipped data stays under them."""

from __future__ import annotations

import pytest

from metrics.charts import coverage_region_ids
from metrics.figures import comparison, names
from metrics.view_models import data as data_vm
from metrics.view_models import regions as regions_vm
from metrics.view_models.data import DataFilters, data_page
from metrics.view_models.query_state import ViewState
from metrics.view_models.regions import regions_page
from tests.metrics.builders import build_frames, obs

pytestmark = pytest.mark.fast


@pytest.fixture
def frames(tmp_path):
    return build_frames(tmp_path, [
        obs("ningbo", "gdp", 2021, 14594.9),
        obs("haishu", "gdp", 2020, 1400.0),
        obs("haishu", "gdp", 2021, 1500.0),
        obs("yuyao", "gdp", 2021, 1400.0),
        obs("cixi", "gdp", 2021, 2000.0),
    ])


def test_grid_rows_keep_all_up_to_the_limit_then_the_family_then_the_ends():
    ids = [f"r{n}" for n in range(10)]
    order = ["r5", "r1", "r9", "r0", "r3"]
    assert comparison.grid_rows(ids, (), [], order, limit=10, ends=1).basis == "all"
    family = comparison.grid_rows(ids, ("r2",), ["r2", "r3"], order, limit=4, ends=1)
    assert (family.region_ids, family.basis, family.left_out) == (("r2", "r3"), "family", 8)
    first = comparison.grid_rows(ids, (), [], None, limit=4, ends=1)
    assert first.basis == "first" and first.region_ids == tuple(ids[:4])
    ends = comparison.grid_rows(ids, ("r7",), ids, order, limit=4, ends=1)
    assert (ends.region_ids, ends.basis, ends.left_out) == (("r5", "r3", "r7"), "ends", 7)


def test_ranking_order_is_of_the_latest_year_highest_first(frames):
    assert comparison.ranking_order(frames, "gdp") == ("cixi", "haishu", "yuyao")


def test_family_is_the_chosen_regions_children_and_siblings(frames):
    ranked = names.ranked_region_ids(frames)
    assert set(comparison.family_ids(frames, ranked, ("ningbo",))) == set(ranked)
    assert set(comparison.family_ids(frames, ranked, ("haishu",))) == set(ranked)
    assert comparison.family_ids(frames, ranked, ()) == []


def test_regions_heatmap_is_cut_at_a_low_limit_and_says_how_many_are_left_out(frames, monkeypatch):
    view = ViewState(regions=("yuyao",), year=2021, lang="en")
    whole = regions_page(frames, view, "gdp")
    assert whole.heatmap_note == ""
    assert len(whole.heatmap.figure.layout.meta["regions"]) == 3
    monkeypatch.setattr(comparison, "GRID_LIMIT", 2)
    monkeypatch.setattr(comparison, "RANK_LIMIT", 1)
    asked = []

    def memo(function, frames_, *args):
        asked.append(function.__name__)
        return function(frames_, *args)

    cut = regions_page(frames, view, "gdp", memo)
    assert "ranking_order" in asked  # per data version, through the dashboard's memo
    assert cut.heatmap.figure.layout.meta["regions"] == ["cixi", "yuyao"]  # top, then bottom (the chosen one)
    assert "not shown: 1." in cut.heatmap_note and "3 regions" in cut.heatmap_note


def test_data_page_cuts_the_source_table_and_coverage_but_downloads_every_source(frames, monkeypatch):
    view = ViewState(regions=("ningbo",), year=2021, lang="en")
    whole = data_page(frames, view, DataFilters())
    assert not whole.sources_search and whole.sources_note == "" and whole.coverage_note == ""
    assert len(whole.sources.display) == len(frames.sources) == 2
    monkeypatch.setattr(data_vm, "SOURCE_ROWS", 1)
    monkeypatch.setattr(comparison, "GRID_LIMIT", 2)
    cut = data_page(frames, view, DataFilters())
    assert cut.sources_search and len(cut.sources.display) == 1 and len(cut.sources.raw) == 2
    assert "2 source documents" in cut.sources_note
    found = data_page(frames, view, DataFilters(sources_query="工作报告"))
    assert list(found.sources.display.iloc[:, 0]) == ["测试工作报告"]
    assert "1 match" in found.sources_note
    assert cut.coverage_note and len(cut.coverage.figure.data[0].y) <= 2
    assert regions_vm.grid_note(comparison.GridRows(("a",), 1, "all"), "en") == ""


def test_the_shipped_data_stays_under_the_thresholds(real_frames):
    assert len(names.ranked_region_ids(real_frames)) <= comparison.GRID_LIMIT
    assert len(coverage_region_ids(real_frames)) <= comparison.GRID_LIMIT
    assert len(real_frames.sources) <= data_vm.SOURCE_ROWS


def test_data_page_cuts_the_records_table_and_says_so_but_downloads_every_record(frames, monkeypatch):
    view = ViewState(regions=("ningbo", "haishu", "cixi"), year=2021, lang="en")
    whole = data_page(frames, view, DataFilters(every_year=True))
    assert whole.table is not None and len(whole.table.display) == len(whole.table.raw) > 1
    assert "the table shows" not in (whole.rows_text or "")
    monkeypatch.setattr(data_vm, "RECORD_ROWS", 1)
    cut = data_page(frames, view, DataFilters(every_year=True))
    assert cut.table is not None and len(cut.table.display) == 1 and len(cut.table.raw) == len(whole.table.raw)
    assert f"{len(whole.table.raw)} records; the table shows the first 1" in (cut.rows_text or "")
    zh = data_page(frames, ViewState(regions=view.regions, year=2021, lang="zh"), DataFilters(every_year=True))
    assert "表中显示前 1 条" in (zh.rows_text or "")


def test_the_shipped_data_fits_the_records_table(real_frames):
    view = ViewState(regions=tuple(real_frames.regions["id"]), year=2025, lang="zh")
    page = data_page(real_frames, view, DataFilters(every_year=True))
    assert page.table is not None and len(page.table.raw) <= data_vm.RECORD_ROWS
