"""The regions at county scale: the picker narrows to a parent, a long ranking is cut to its top,
bottom and the chosen regions; with the shipped regions both behave as before."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from metrics.figures import comparison
from metrics.frames import region_tree
from metrics.frames.dataframes import DataFrames
from metrics.load import schema


def county_frames(real_frames: DataFrames, counties: int = 120) -> DataFrames:
    """The real frames with ``counties`` synthetic districts under Ningbo, each with a 2021 GDP."""
    regions = list(real_frames.dataset.regions)
    added = [schema.Region(id=f"syn_{n}", name_zh="鼓楼区" if n < 2 else f"合成{n}区", name_en=f"Syn {n}", level="district",
                           parent="ningbo") for n in range(counties)]
    dataset = replace(real_frames.dataset, regions=regions + added)
    template = real_frames.facts[real_frames.facts["indicator_id"].eq("gdp") & real_frames.facts["year"].eq(2021)
                                 & real_frames.facts["kind"].eq("actual")].iloc[[0]]
    rows = pd.concat([template.assign(region_id=r.id, region_zh=r.name_zh, region_en=r.name_en, region_level="district",
                                      value_std=float(n), value=float(n), derived=False) for n, r in enumerate(added)])
    facts = pd.concat([real_frames.facts, rows], ignore_index=True)
    return replace(real_frames, dataset=dataset, facts=facts)


def test_the_shipped_regions_keep_one_plain_picker_and_a_whole_ranking(real_frames):
    assert not region_tree.grouped(real_frames)
    comp = comparison.comparison(real_frames, "gdp", 2021, ("yuyao",))
    assert not comp.cut and comp.total == len(comp.ranked)
    assert list(comp.ranked["rank"]) == list(range(1, comp.total + 1))


def test_a_long_ranking_shows_top_bottom_and_where_the_chosen_stand(real_frames):
    frames = county_frames(real_frames)
    comp = comparison.comparison(frames, "gdp", 2021, ("syn_60",))
    assert comp.cut and comp.total > 120
    assert len(comp.ranked) == 2 * comparison.RANK_LIMIT + 1
    assert "syn_60" in set(comp.ranked["region_id"])
    notes = comparison.comparison_notes(frames, comp, "en", ("syn_60",))
    standing = next(n for n in notes if n.startswith("Syn 60"))
    rank = int(comp.ranked.set_index("region_id").loc["syn_60", "rank"])
    assert f"ranked {rank} of {comp.total}" in standing


def test_the_county_scale_picker_narrows_to_a_parent_and_names_shared_names(real_frames):
    frames = county_frames(real_frames)
    assert region_tree.grouped(frames)
    shape = region_tree.tree(frames)
    assert shape.parents[0] == "china" and "ningbo" in shape.parents
    assert region_tree.default_group(frames, shape, ("syn_5",)) == "ningbo"
    assert region_tree.default_group(frames, shape, ("ningbo",)) == "ningbo"
    options = region_tree.options_within(shape, "zhejiang", ("syn_5",))
    assert options[0] == "syn_5" and "ningbo" in options and "syn_6" not in options
    assert region_tree.label(frames, shape, "syn_0", "zh") == "鼓楼区 · 宁波市"
    assert region_tree.label(frames, shape, "syn_5", "zh") == "合成5区"
