"""The genre's facts kept in data/importer.yaml: set phrases are skipped (a test per family), the
report's own year and its sections decide year and kind, budgets are plans of the year."""

import pytest

from metrics.importer.context import report_year
from metrics.importer.genre import load_genre
from metrics.importer.mentions import find_mentions

pytestmark = pytest.mark.fast

SET_PHRASES = {
    "political formulas": ["增强“四个意识”、坚定“四个自信”、做到“两个维护”", "统筹推进“五位一体”总体布局", "打好三大攻坚战"],
    "rules and campaigns": ["严格落实中央八项规定精神", "推进“高效办成一件事”", "打通服务群众“最后一公里”", "制定实施三个“十条”"],
    "plan names": ["“十四五”规划目标任务", "十五五时期"],
    "ordinals": ["第十三届全国人民代表大会第二次会议", "第5次全国经济普查"],
    "titles of laws, plans and documents": ["审议《中华人民共和国外商投资法(草案)》"],
    "descriptions of the population": ["14亿多人口的大国", "13亿多人口的发展中大国"],
    "counts of one and idioms": ["又上了一个新台阶", "办好一件件民生实事", "千家万户"],
}


@pytest.mark.parametrize("family", sorted(SET_PHRASES))
def test_every_family_of_set_phrases_gives_no_figure(family):
    genre = load_genre()
    assert family in genre.set_phrases, "each family of the brief is kept in data/importer.yaml"
    for sentence in SET_PHRASES[family]:
        assert find_mentions(sentence) == [], sentence
        assert genre.family_of(sentence) is not None, sentence


def test_figures_beside_set_phrases_are_still_read():
    mentions = find_mentions("落实八项规定,全年新增就业120万人,粮食产量1.4万亿斤,建成5个产业园")
    assert [(m.value, m.unit) for m in mentions] == [(120, "万人"), (1.4, "万亿斤"), (5, "个")]


def test_numbers_with_magnitudes_ranges_and_more():
    found = {m.text: (m.value, m.unit, m.range_low, m.more) for m in find_mentions(
        "棚户区住房改造620多万套,市场主体超过1亿户,装机容量达到5000万千瓦,增长6%-6.5%,贫困人口减少1386万")}
    assert found["620多万套"] == (620, "万套", None, True)
    assert found["1亿户"] == (1, "亿户", None, False)
    assert found["5000万千瓦"] == (5000, "万千瓦", None, False)
    assert found["6%-6.5%"] == (6.5, "%", 6, False)
    assert found["1386万"] == (1386, "万人", None, False), "万 of people is 万人"


def test_a_rough_size_is_no_figure():
    assert find_mentions("目前城镇还有几千万人,惠及数十万户") == []
    assert [m.value for m in find_mentions("新增一千万人")] == [1000]


@pytest.mark.parametrize(("text", "year"), [
    ("政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n", 2019),
    ("各位代表:\n一、过去五年工作回顾\n五年来…\n二、2018年经济社会发展总体要求和政策取向\n", 2018),
    ("各位代表:\n一、2020年工作回顾\n过去一年…\n", 2021),
    ("2024年余姚市政府工作报告\n一、2023年工作回顾\n", 2024),
    ("没有标题的文字。", None),
])
def test_the_report_year_comes_from_its_title_session_or_headings(text, year):
    assert report_year(text) == year


def _drafts(drafts_of, text):
    return {(d.value, d.unit): d for d in drafts_of(text, region="china")}


def test_years_and_kinds_follow_the_report_structure(drafts_of):
    text = ("各位代表:\n一、过去五年工作回顾\n五年来,国内生产总值从54万亿元增加到82.7万亿元,年均增长7.1%。城镇新增就业6600万人以上。\n"
            "刚刚过去的2017年,国内生产总值增长6.9%。\n二、2018年经济社会发展总体要求和政策取向\n"
            "今年发展主要预期目标是:国内生产总值增长6.5%左右;国际收支基本平衡;居民收入增长和经济增长基本同步。\n"
            "积极的财政政策取向不变。今年赤字率拟按2.6%安排,比去年预算低0.4个百分点;财政赤字2.38万亿元。\n")
    drafts = _drafts(drafts_of, text)
    assert (drafts[54, "万亿元"].year, drafts[54, "万亿元"].kind) == (2012, "actual"), "由X: the year before the span"
    assert (drafts[82.7, "万亿元"].year, drafts[7.1, "%"].period, drafts[7.1, "%"].start_year) == (2017, "average", 2013)
    assert (drafts[6600, "万人"].period, drafts[6600, "万人"].start_year) == ("total", 2013), "a count of five years is a total"
    assert (drafts[6.9, "%"].year, drafts[6.9, "%"].kind) == (2017, "actual")
    target = drafts[6.5, "%"]
    assert (target.indicator, target.year, target.kind, target.comparator) == ("gdp_growth", 2018, "target", "about")
    assert "主要预期目标" in target.reason, "the draft says which cue set its year and kind"
    deficit = drafts[2.6, "%"]
    assert (deficit.year, deficit.kind) == (2018, "target") and "今年 = 2018" in deficit.reason
    change = drafts[-0.4, "百分点"]
    assert (change.period, change.start_year, change.indicator_zh) == ("change", 2017, deficit.indicator_zh)
    qualitative = {d.indicator_zh: d for d in drafts_of(text, region="china") if d.comparator == "qualitative"}
    assert {"国际收支", "全体居民人均可支配收入增长"} <= set(qualitative)
    assert all(d.year == 2018 and d.kind == "target" and d.value is None for d in qualitative.values())


def test_a_name_inside_another_measure_is_not_matched(drafts_of):
    drafts = _drafts(drafts_of, "一、2015年工作回顾\n消费对经济增长的贡献率达到66.4%。单位国内生产总值能耗下降5.6%。户籍人口城镇化率达到39.9%。\n")
    assert drafts[66.4, "%"].indicator != "gdp_growth" and drafts[66.4, "%"].proposed_indicator
    assert drafts[-5.6, "%"].indicator != "gdp_growth", "a decline is negative, and not of the GDP"
    assert drafts[39.9, "%"].indicator != "urbanization_rate", "户籍人口 is not 常住人口"


def test_income_in_step_with_the_economy_and_a_heading_is_no_target(drafts_of):
    text = ("一、2013年工作回顾\n国内生产总值增长7.7%。\n二、2014年工作总体部署\n"
            "今年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右,努力实现居民收入增长和经济发展同步。\n"
            "三、协调推动经济稳定增长和结构优化\n")
    qualitative = [d for d in drafts_of(text, region="china") if d.comparator == "qualitative"]
    assert [(d.indicator_zh, d.year) for d in qualitative] == [("全体居民人均可支配收入增长", 2014)]
