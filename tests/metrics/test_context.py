"""Ningbo in context: the regions above it and its peer cities, never mixed into the districts."""

from __future__ import annotations

import json

from metrics.charts.catalogue import peers_figure, trend_figure
from metrics.figures import comparison, context, names
from metrics.text import render
from metrics.text.sentences import briefing_sentences
from metrics.view_models.overview_cards import overview_cards


def test_the_regions_above_a_district(real_frames):
    assert [r.id for r in context.ancestors(real_frames, "yuyao")] == ["ningbo", "zhejiang", "china"]
    assert context.ancestors(real_frames, "china") == []
    assert context.home_city(real_frames) == "ningbo"


def test_context_regions_are_never_ranked_among_the_districts(real_frames):
    ranked = set(names.ranked_region_ids(real_frames))
    assert not ranked & {r.id for r in real_frames.dataset.regions if r.is_context}
    comp = comparison.comparison(real_frames, "gdp", 2024)
    assert set(comp.ranked["region_id"]) <= ranked
    assert list(comp.city["region_id"]) in ([], ["ningbo"])


def test_ningbo_is_ranked_among_its_peers(real_frames):
    comp = comparison.peer_comparison(real_frames, "gdp", 2024)
    ids = list(comp.ranked["region_id"])
    assert "ningbo" in ids and len(ids) + len(comp.missing) == 13
    assert all(real_frames.dataset.region_by_id[r].groups for r in ids if r != "ningbo")
    assert list(comp.ranked["value_std"]) == sorted(comp.ranked["value_std"], reverse=True)
    fig = json.loads(peers_figure(real_frames, "gdp", 2024, "zh").to_json())
    assert "同类城市" in fig["layout"]["title"]["text"]
    assert ("无数据" in fig["layout"]["title"]["subtitle"]["text"]) == bool(comp.missing)


def test_a_card_and_a_sentence_set_growth_against_the_province_and_the_nation(real_frames):
    gdp = next(c for c in overview_cards(real_frames, "ningbo", 2024, "zh") if c.indicator_id == "gdp")
    assert "全省" in gdp.context_text and "全国" in gdp.context_text and "本站计算" in gdp.context_text
    first = briefing_sentences(real_frames, "ningbo", 2024, "zh")[0]
    assert "全省" in first and "(本站计算)" in first
    en = next(c for c in overview_cards(real_frames, "ningbo", 2024, "en") if c.indicator_id == "gdp")
    assert "the province" in en.context_text and "computed here" in en.context_text


def test_an_about_figure_above_is_compared_as_about_and_a_bound_never(real_frames):
    """Zhejiang's 2025 growth is only the work report's 5.5%左右: the difference is 'about' (约), the
    figure is shown with its 左右; the nation's exact 5.0% gives an exact difference."""
    own, items = context.against_above(real_frames, "ningbo", "gdp_growth", 2025)
    assert own is not None and own.comparator is None
    by_region = {item.region.id: item for item in items}
    assert by_region["zhejiang"].approximate and by_region["zhejiang"].figure.comparator == "about"
    assert not by_region["china"].approximate and by_region["china"].figure.comparator is None
    assert render.against(items, own, "zh") == "低于全省约0.6个百分点、低于全国0.1个百分点(本站计算)"
    assert "5.5%左右" in render.against_values(items, "zh")
    assert all(item.figure.comparator in (None, "about") for item in items), "a bound is never compared"


def test_trends_can_draw_the_nation_and_the_province_for_reference(real_frames):
    fig = json.loads(trend_figure(real_frames, ["ningbo"], ["gdp_growth"], "zh", 2024, references=True).to_json())
    names_drawn = " ".join(str(t.get("name")) for t in fig["data"])
    assert "中国(参照)" in names_drawn and "浙江省(参照)" in names_drawn
    plain = json.loads(trend_figure(real_frames, ["ningbo"], ["gdp_growth"], "zh", 2024).to_json())
    assert "参照" not in " ".join(str(t.get("name")) for t in plain["data"])


def test_the_coverage_grid_says_what_a_cell_has_and_lacks(real_frames):
    from metrics.charts.catalogue import coverage_figure
    fig = json.loads(coverage_figure(real_frames, "en").to_json())
    tips = " ".join(str(t) for row in fig["data"][0]["hovertext"] for t in row)
    assert "of 8: GDP" in tips and "missing:" in tips
    assert any("China" in str(label) for label in fig["data"][0]["y"]), "context regions are in the grid"


def test_the_deck_card_says_the_context_and_cites_it(real_frames):
    from metrics.export import pack as packing
    planned = packing.plan(real_frames, "ningbo", 2025, "zh", charts=[])
    gdp = next(card for card in planned.headlines.cards if card.indicator_id == "gdp")
    assert "低于全省约0.6个百分点" in gdp.context and "全国" in gdp.context
    assert any("浙江省人民政府" in citation for citation in planned.citations), "the province's figure is cited"


def test_the_city_is_ranked_among_at_least_eight_peers_for_gdp_in_every_year_of_the_decade(real_frames):
    """What the README promises: eight or more peer cities with a GDP figure each year 2015–2025."""
    for year in range(2015, 2026):
        ranked = list(comparison.peer_comparison(real_frames, "gdp", year, None).ranked["region_id"])
        assert "ningbo" in ranked, year
        assert len(ranked) - 1 >= 8, (year, ranked)
