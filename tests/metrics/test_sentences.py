"""Briefing sentences: only the data's figures, the right comparison and growth words, no data no sentence."""

from __future__ import annotations

import re

import pytest

from metrics.text.sentences import briefing_sentences, indicator_sentence
from tests.metrics.builders import build_frames, obs


@pytest.fixture
def frames(tmp_path):
    return build_frames(tmp_path, [
        obs("ningbo", "gdp", 2021, 14594.9),
        obs("ningbo", "gdp_growth", 2021, 8.2),
        obs("ningbo", "gdp_growth", 2021, 7, kind="target"),
        obs("ningbo", "trade_total", 2021, 11926.1),
        obs("ningbo", "trade_total", 2021, 1, kind="target", comparator="above", unit="万亿元"),
        obs("ningbo", "fiscal_revenue", 2020, 1510.8),
        obs("ningbo", "fiscal_revenue", 2021, 900),
        obs("ningbo", "fiscal_revenue", 2021, 1000, kind="target"),
        obs("ningbo", "rd_intensity", 2021, 3.0, provisional=True),
        obs("ningbo", "rd_intensity", 2021, 3, kind="target"),
        obs("ningbo", "registered_unemployment_rate", 2021, 2.31),
        obs("ningbo", "registered_unemployment_rate", 2021, 3.5, kind="target", comparator="at_most"),
        obs("ningbo", "urbanization_rate", 2021, 7, kind="target", comparator="about"),
        obs("ningbo", "fdi_growth", 2021, None, kind="target", comparator="qualitative", unit="%"),
        obs("ningbo", "fdi_growth", 2021, 32.7),
        obs("yuyao", "gdp_growth", 2020, -2.5),
        obs("yuyao", "gdp_growth", 2021, 6.5),
        obs("yuyao", "gdp_growth", 2021, 7, kind="target", comparator="about"),
        obs("haishu", "gdp", 2022, 1500, comparator="above"),
    ])


def test_the_issue_example_word_for_word(frames):
    assert indicator_sentence(frames, "ningbo", 2021, "gdp", "zh", "gdp_growth") == \
        "2021年，宁波市地区生产总值14594.9亿元，增长8.2%，高于预期目标1.2个百分点。"
    assert indicator_sentence(frames, "ningbo", 2021, "gdp", "en", "gdp_growth") == \
        "In 2021, Ningbo's GDP was CNY 1,459.49 billion, up 8.2%, 1.2 percentage points above the target."


def test_below_a_target_says_lower_even_when_within_the_tolerance_of_about(frames):
    assert indicator_sentence(frames, "yuyao", 2021, "gdp", "zh", "gdp_growth") == \
        "2021年，余姚市地区生产总值增长6.5%，低于预期目标0.5个百分点。"
    assert indicator_sentence(frames, "yuyao", 2021, "gdp", "en", "gdp_growth").endswith("0.5 percentage points below the target.")


def test_a_fall_is_a_fall(frames):
    assert indicator_sentence(frames, "yuyao", 2020, "gdp", "zh", "gdp_growth") == "2020年，余姚市地区生产总值下降2.5%。"
    assert indicator_sentence(frames, "yuyao", 2020, "gdp", "en", "gdp_growth") == "In 2020, Yuyao's GDP was down 2.5%."


def test_level_targets_in_percent_above_and_below(frames):
    assert indicator_sentence(frames, "ningbo", 2021, "trade_total", "zh") == \
        "2021年，宁波市进出口总额11926.1亿元，比突破1万亿元的预期目标高19.3%。"
    assert indicator_sentence(frames, "ningbo", 2021, "trade_total", "en") == \
        "In 2021, Ningbo's foreign trade was CNY 1,192.61 billion, 19.3% above the target of over CNY 1 trillion."
    assert "比1000亿元的预期目标低10.0%" in indicator_sentence(frames, "ningbo", 2021, "fiscal_revenue", "zh",
                                                           "fiscal_revenue_growth")


def test_reaching_a_target_and_a_ceiling(frames):
    assert indicator_sentence(frames, "ningbo", 2021, "rd_intensity", "zh") == "2021年，宁波市研发投入强度3%（预计），达到预期目标。"
    assert "3% (provisional), meeting the target" in indicator_sentence(frames, "ningbo", 2021, "rd_intensity", "en")
    assert indicator_sentence(frames, "ningbo", 2021, "registered_unemployment_rate", "zh") == \
        "2021年，宁波市城镇登记失业率2.31%，低于预期目标1.19个百分点。"


def test_a_target_without_an_actual_is_said_as_such(frames):
    assert indicator_sentence(frames, "ningbo", 2021, "urbanization_rate", "zh") == \
        "2021年，宁波市常住人口城镇化率预期目标为7%左右，尚无实际数。"
    assert indicator_sentence(frames, "ningbo", 2021, "urbanization_rate", "en") == \
        "In 2021, Ningbo's urbanisation rate target was about 7%, with no actual reported yet."


def test_a_qualitative_target_is_not_compared(frames):
    assert indicator_sentence(frames, "ningbo", 2021, "fdi_growth", "zh") == "2021年，宁波市实际利用外资增长32.7%。"


def test_a_bound_is_worded_as_a_bound(frames):
    assert indicator_sentence(frames, "haishu", 2022, "gdp", "zh", "gdp_growth") == "2022年，海曙区地区生产总值突破1500亿元。"
    assert "over CNY 150 billion" in indicator_sentence(frames, "haishu", 2022, "gdp", "en", "gdp_growth")


def test_derived_growth_never_enters_a_sentence(frames):
    assert frames.table["derived"].any()
    sentence = indicator_sentence(frames, "ningbo", 2021, "fiscal_revenue", "zh", "fiscal_revenue_growth")
    assert "增长" not in sentence and "下降" not in sentence


def test_no_data_no_sentence(frames):
    assert indicator_sentence(frames, "cixi", 2021, "gdp", "zh", "gdp_growth") is None
    assert briefing_sentences(frames, "cixi", 2021, "zh") == []
    assert briefing_sentences(frames, "ningbo", 2016, "en") == []


def test_briefing_has_one_sentence_per_indicator_headline_first(frames):
    sentences = briefing_sentences(frames, "ningbo", 2021, "zh")
    assert sentences[0].startswith("2021年，宁波市地区生产总值14594.9亿元")
    assert len(sentences) == 7
    assert not any("地区生产总值增长8.2%" in s for s in sentences), "growth folds into its level's sentence"
    assert len(briefing_sentences(frames, "ningbo", 2021, "en")) == 7


def test_real_data_ningbo_2021(real_frames):
    zh = briefing_sentences(real_frames, "ningbo", 2021, "zh")
    en = briefing_sentences(real_frames, "ningbo", 2021, "en")
    assert zh[0] == ("2021年，宁波市地区生产总值14594.9亿元，增长8.2%，高于预期目标1.2个百分点，"
                     "低于全省0.3个百分点、高于全国0.1个百分点(本站计算)。")
    assert en[0] == ("In 2021, Ningbo's GDP was CNY 1,459.49 billion, up 8.2%, 1.2 percentage points above the target, "
                     "0.3 percentage points below the province, 0.1 percentage points above the nation (computed here).")
    assert len(zh) == len(en) > 8
    assert all(s.startswith("2021年，宁波市") and s.endswith("。") for s in zh[:-1])
    assert zh[-1].startswith("2021年尚无实际数的预期目标（") and zh[-1].count("；") >= 10, "one compact line, not one each"
    assert not any("尚无实际数" in s for s in zh[:-1] if "预期目标为" in s and "，" not in s.split("预期目标为")[0])
    assert en[-1].startswith("Targets for 2021 with no actual yet (")


def test_real_data_numbers_come_from_the_data(real_frames):
    """Every number in Yuyao's 2020 sentences is a value of its data for 2020 (no gap: no 2020 targets),
    but for the differences with the city and the nation, which are labelled as computed here."""
    facts = real_frames.facts
    values = {f"{v:g}" for v in facts[facts["region_id"].eq("yuyao") & facts["year"].eq(2020)]["value"].dropna()}
    for sentence in briefing_sentences(real_frames, "yuyao", 2020, "zh"):
        stated = re.sub(r"，[^，]*\(本站计算\)", "", sentence.removeprefix("2020年"))
        numbers = re.findall(r"\d+(?:\.\d+)?", stated)
        assert numbers and all(f"{float(n):g}" in values for n in numbers), sentence


def test_sample_dataset(sample_frames):
    assert briefing_sentences(sample_frames, "sample", 2021, "zh") == [
        "2021年，示例市地区生产总值1.1万亿元，增长8.2%，高于预期目标1.2个百分点。",
        "2021年尚无实际数的预期目标（2项）：城镇登记失业率3.5%以内；有效投资突破700亿元。",
    ]
    assert briefing_sentences(sample_frames, "east", 2021, "zh") == []
