"""Overview cards: value, unit, change or gap, sources and sentence, computed without Streamlit."""

from __future__ import annotations

import pytest

from metrics.figures.suggest import suggest, years_with_data
from metrics.frames import indicators as series
from metrics.view_models.overview_cards import card_indicators, overview_cards
from tests.metrics.builders import build_frames, obs


@pytest.fixture
def frames(tmp_path):
    return build_frames(tmp_path, [
        obs("ningbo", "gdp", 2021, 14594.9),
        obs("ningbo", "gdp_growth", 2021, 8.2),
        obs("ningbo", "gdp_growth", 2021, 7, kind="target"),
        obs("ningbo", "fiscal_revenue", 2020, 1510.8),
        obs("ningbo", "fiscal_revenue", 2021, 1723.1),
        obs("ningbo", "trade_total", 2020, 9787),
        obs("ningbo", "trade_total", 2021, 11926.1),
        obs("ningbo", "urbanization_rate", 2020, 75.0),
        obs("ningbo", "urbanization_rate", 2021, 78.4),
        obs("ningbo", "registered_unemployment_rate", 2020, 2.22),
        obs("ningbo", "registered_unemployment_rate", 2021, 2.31, cross_source="conflicts"),
        obs("ningbo", "registered_unemployment_rate", 2021, 2.4, source="report", cross_source="conflicts"),
        obs("ningbo", "rd_intensity", 2021, 3, kind="target"),
        obs("yuyao", "gdp", 2020, 1220.7),
        obs("haishu", "gdp", 2021, 1500, comparator="above"),
        obs("haishu", "gdp", 2020, 1400),
    ])


def _card(cards, indicator):
    return next(c for c in cards if c.indicator_id == indicator)


def test_one_card_per_headline_indicator_in_order(frames):
    cards = overview_cards(frames, "ningbo", 2021, "zh")
    assert [c.indicator_id for c in cards] == series.headline(frames.dataset.indicator_by_id)


def test_gdp_card_has_value_unit_reported_growth_target_gap_sources_and_sentence(frames):
    gdp = _card(overview_cards(frames, "ningbo", 2021, "zh"), "gdp")
    assert (gdp.value, gdp.unit, gdp.value_text) == (14594.9, "亿元", "14594.9亿元")
    assert gdp.change.text == "+8.2%" and gdp.change.basis == "reported"
    assert gdp.target.status == "met" and gdp.target.text.endswith("目标 7%:已完成,+1.2个百分点")
    assert {ref.provenance for ref in gdp.sources} == {"cited"}
    assert gdp.number_text == "14594.9亿元" and gdp.unit_text == ""
    assert gdp.sources[0].title == "测试统计公报" and gdp.sources[0].url == "https://example.org/bulletin"
    assert gdp.sentence == "2021年，宁波市地区生产总值14594.9亿元，增长8.2%，高于预期目标1.2个百分点。"


def test_english_card(frames):
    gdp = _card(overview_cards(frames, "ningbo", 2021, "en"), "gdp")
    assert gdp.title == "GDP" and gdp.value_text == "CNY 1,459.49 billion"
    assert (gdp.number_text, gdp.unit_text) == ("1,459.49", "CNY billion")
    assert gdp.target.text.endswith("Target: 7%; met, +1.2 pp")
    assert gdp.sentence.startswith("In 2021, Ningbo's GDP was")


def test_a_nominal_growth_without_a_reported_one_is_the_datasets_derived_row(frames):
    fiscal = _card(overview_cards(frames, "ningbo", 2021, "zh"), "fiscal_revenue")
    assert fiscal.change.basis == "derived" and fiscal.change.text == "+14.1%"
    assert any(ref.provenance == "derived" and "÷" in ref.derivation for ref in fiscal.sources)
    assert fiscal.sentence == "2021年，宁波市一般公共预算收入1723.1亿元。"


def test_a_nominal_change_is_computed_and_says_so_where_the_number_is(frames):
    trade = _card(overview_cards(frames, "ningbo", 2021, "zh"), "trade_total")
    assert trade.change.basis == "derived" and trade.change.text == "+21.9%"
    assert trade.change.label == "比上年（名义，本站计算）"
    english = _card(overview_cards(frames, "ningbo", 2021, "en"), "trade_total")
    assert english.change.label == "on the year before (nominal, computed here)"


def test_a_level_whose_growth_is_real_never_gets_a_change_of_levels(tmp_path):
    """Yuyao's 2021 GDP once showed "+18.1% 比上年": two nominal levels from two publications."""
    frames = build_frames(tmp_path, [obs("yuyao", "gdp", 2020, 1220.7), obs("yuyao", "gdp", 2021, 1441.6),
                                     obs("yuyao", "gdp_growth", 2021, 7, kind="target")])
    gdp = _card(overview_cards(frames, "yuyao", 2021, "zh"), "gdp")
    assert gdp.value == 1441.6 and gdp.change is None and gdp.change_note is None
    assert "尚无实际数" in gdp.target.text


def test_no_change_across_the_census_rebasing(frames):
    urban = _card(overview_cards(frames, "ningbo", 2021, "zh"), "urbanization_rate")
    assert urban.value == 78.4 and urban.change is None
    assert urban.change_note == "口径调整，未计算比上年变化：七普口径"


def test_a_rate_change_within_one_basis_is_in_points_and_marked(tmp_path):
    frames = build_frames(tmp_path, [obs("ningbo", "registered_unemployment_rate", 2019, 1.95),
                                     obs("ningbo", "registered_unemployment_rate", 2020, 2.22)])
    card = _card(overview_cards(frames, "ningbo", 2020, "en"), "registered_unemployment_rate")
    assert card.change.text == "+0.27 pp" and card.change.label == "on the year before (computed here)"


def test_conflicting_sources_are_flagged_and_both_listed(frames):
    unemployment = _card(overview_cards(frames, "ningbo", 2021, "zh"), "registered_unemployment_rate")
    assert unemployment.conflict
    assert {ref.value_text for ref in unemployment.sources} == {"2.31%", "2.4%"}
    assert not unemployment.higher_is_better


def test_a_bound_has_no_computed_change(frames):
    gdp = _card(overview_cards(frames, "haishu", 2021, "zh"), "gdp")
    assert gdp.value_text == "突破1500亿元" and gdp.bound == "above" and gdp.change is None


def test_target_without_actual_and_no_data(frames):
    cards = overview_cards(frames, "ningbo", 2021, "zh")
    rd = _card(cards, "rd_intensity")
    assert rd.value is None and rd.has_data and rd.target.status == "no_actual"
    assert rd.target.text == "目标 3%:尚无实际数"
    yuyao = overview_cards(frames, "yuyao", 2021, "zh")
    gdp = _card(yuyao, "gdp")
    assert not gdp.has_data and gdp.empty_text == "2021年暂无数据;最近有数据的年份:2020年" and gdp.nearest_years == [2020]
    assert gdp.sentence is None


def test_category_filter(frames):
    assert [c.indicator_id for c in overview_cards(frames, "ningbo", 2021, "zh", "income")] == []
    assert [c.indicator_id for c in overview_cards(frames, "ningbo", 2021, "zh", "fiscal")] == ["fiscal_revenue"]


def test_suggestions_point_at_data(frames):
    assert suggest(frames.facts, ["yuyao"], 2021, indicators=card_indicators(frames))[0].year == 2020
    assert suggest(frames.facts, ["cixi"], 2021)[0].region_id != "cixi"
    assert years_with_data(frames.facts, 2021, regions=["haishu", "yuyao"], indicator="gdp") == [2020]


def test_real_data_ningbo_2021(real_frames):
    cards = overview_cards(real_frames, "ningbo", 2021, "zh")
    gdp = _card(cards, "gdp")
    assert gdp.value_text == "14594.9亿元" and gdp.change.text == "+8.2%"
    assert len({ref.source_id for ref in gdp.sources}) >= 2
    quoted = [ref for ref in gdp.sources if ref.provenance == "quoted" and not ref.label.startswith("目标")]
    assert quoted and all("14594.9" in ref.quote or "8.2" in ref.quote for ref in quoted)
    target = next(ref for ref in gdp.sources if ref.label.startswith("目标"))
    assert target.quote == "地区生产总值增长7%" and target.value_text == "7%"
    assert all(c.has_data for c in cards)


def test_real_data_yuyao_2020(real_frames):
    gdp = _card(overview_cards(real_frames, "yuyao", 2020, "en"), "gdp")
    assert gdp.value_text == "CNY 122.07 billion" and gdp.change.text == "+5.1%"


def test_sample_dataset(sample_frames):
    cards = overview_cards(sample_frames, "sample", 2021, "zh")
    gdp = _card(cards, "gdp")
    assert gdp.value_text == "1.1万亿元" and gdp.change.text == "+8.2%"
    assert gdp.target.text.endswith("目标 7%左右:已完成,+1.2个百分点")
    unemployment = _card(cards, "registered_unemployment_rate")
    assert unemployment.value is None and unemployment.target.text == "目标 3.5%以内:尚无实际数"
    before = _card(overview_cards(sample_frames, "sample", 2020, "zh"), "gdp")
    assert before.sources[0].provenance == "quoted" and before.sources[0].quote == "2020年地区生产总值达到1000.5亿元"


def test_each_card_carries_its_history_for_the_sparkline(frames):
    from metrics.charts.sparkline import sparkline

    gdp = _card(overview_cards(frames, "haishu", 2020, "zh"), "gdp")
    assert gdp.history == [(2020, 1400.0)], "a bound (突破1500) is not a point of the line"
    assert sparkline(gdp.history, 2020, gdp.colour) is None
    urban = _card(overview_cards(frames, "ningbo", 2021, "zh"), "urbanization_rate")
    assert urban.history == [(2020, 75.0), (2021, 78.4)] and urban.break_years == [2021]
    fig = sparkline(urban.history, 2021, urban.colour, urban.break_years)
    assert list(fig.data[0].x) == [2020, None, 2021], "no line across the census re-basing"
    assert list(fig.data[1].x) == [2021]


def test_the_overview_names_newer_figures(frames):
    from metrics.view_models.overview_cards import newer_figures_note

    note, year = newer_figures_note(frames, "ningbo", 2020, "zh")
    assert year == 2021 and note.startswith("已有2021年的较新数据：地区生产总值、")
    assert newer_figures_note(frames, "ningbo", 2021, "en") is None


def test_a_card_without_its_level_still_shows_the_growth_that_was_published(tmp_path):
    frames = build_frames(tmp_path, [obs("ningbo", "fiscal_revenue", 2023, 1800.0),
                                     obs("ningbo", "fiscal_revenue_growth", 2024, 5.1, provisional=True)])
    card = _card(overview_cards(frames, "ningbo", 2024, "zh"), "fiscal_revenue")
    assert card.value is None and card.has_data
    assert card.change is not None and card.change.text == "+5.1%" and card.change.label == "比上年（预计）"
    assert card.empty_text == "2024年只公布了增速,未公布总量;最近有数据的年份:2023年"
    assert [ref.label for ref in card.sources] == ["一般公共预算收入增长 2024年"]
