"""The extraction rules on hand-written sentences of the shapes reports and bulletins use."""

import pytest

REVIEW = "一、2024年工作回顾 "
PLAN = "三、2025年工作安排 "


def facts(drafts):
    return {(d.indicator, d.year, d.period, d.kind, d.comparator, d.value, d.unit) for d in drafts}


def test_level_and_growth_bulletin_shape(drafts_of):
    got = facts(drafts_of(REVIEW + "全年全市实现地区生产总值18147.7亿元,按可比价格计算,比上年增长5.4%。"))
    assert ("gdp", 2024, "annual", "actual", None, 18147.7, "亿元") in got
    assert ("gdp_growth", 2024, "annual", "actual", None, 5.4, "%") in got


def test_decline_is_negative(drafts_of):
    got = facts(drafts_of(REVIEW + "社会消费品零售总额4238亿元,同比下降0.7%。"))
    assert ("retail_sales_growth", 2024, "annual", "actual", None, -0.7, "%") in got


def test_respectively_split_in_order(drafts_of):
    got = facts(drafts_of(REVIEW + "城乡居民人均可支配收入分别达到78000元和45000元,分别增长4.8%和6.1%。"))
    assert ("urban_disposable_income", 2024, "annual", "actual", None, 78000, "元") in got
    assert ("rural_disposable_income", 2024, "annual", "actual", None, 45000, "元") in got
    assert ("urban_disposable_income_growth", 2024, "annual", "actual", None, 4.8, "%") in got
    assert ("rural_disposable_income_growth", 2024, "annual", "actual", None, 6.1, "%") in got


def test_respectively_over_listed_subjects(drafts_of):
    got = facts(drafts_of(REVIEW + "固定资产投资增长5%,其中工业投资、高新技术产业投资分别增长12%和9.5%。"))
    assert ("industrial_investment_growth", 2024, "annual", "actual", None, 12, "%") in got
    assert ("high_tech_industry_investment_growth", 2024, "annual", "actual", None, 9.5, "%") in got


def test_from_to_gives_start_and_end(drafts_of):
    got = facts(drafts_of("一、2020年和“十三五”工作回顾 五年来,常住人口城镇化率由71.1%提高到75%。"))
    assert ("urbanization_rate", 2015, "annual", "actual", None, 71.1, "%") in got
    assert ("urbanization_rate", 2020, "annual", "actual", None, 75, "%") in got


def test_average_over_the_plan(drafts_of):
    drafts = drafts_of("一、2020年和“十三五”工作回顾 五年来,地区生产总值年均增长6.4%。")
    [draft] = [d for d in drafts if d.indicator == "gdp_growth"]
    assert (draft.period, draft.start_year, draft.year) == ("average", 2016, 2020)


def test_synonym_from_the_data(drafts_of):
    got = facts(drafts_of(REVIEW + "研发经费支出占地区生产总值比重达到3.1%。"))
    assert ("rd_intensity", 2024, "annual", "actual", None, 3.1, "%") in got


@pytest.mark.parametrize(("sentence", "comparator", "value"), [
    ("城镇登记失业率控制在3.5%以内。", "at_most", 3.5),
    ("居民消费价格涨幅3%左右。", "about", 3),
    ("新增高新技术企业800家以上。", "at_least", 800),
    ("技术交易额突破300亿元。", "above", 300),
    ("研发投入强度达到3.2%。", "reach", 3.2),
])
def test_target_comparators(drafts_of, sentence, comparator, value):
    [draft] = [d for d in drafts_of(PLAN + sentence) if d.proposed_indicator is None]
    assert (draft.kind, draft.year, draft.comparator, draft.value) == ("target", 2025, comparator, value)


def test_at_least_after_a_list(drafts_of):
    got = facts(drafts_of(PLAN + "力争实到内资80亿元、外资2.5亿美元以上。"))
    assert ("domestic_capital", 2025, "annual", "target", "at_least", 80, "亿元") in got
    assert ("fdi", 2025, "annual", "target", "at_least", 2.5, "亿美元") in got


def test_range_keeps_the_lower_bound(drafts_of):
    [draft] = drafts_of(PLAN + "地区生产总值增长6%—6.5%。")
    assert (draft.indicator, draft.value, draft.comparator) == ("gdp_growth", 6, "at_least")
    assert "6.5" in draft.note and draft.confidence < 0.7


def test_chinese_numeral(drafts_of):
    [draft] = drafts_of("2021年,市属国有企业投资总额超越七百亿元。", report_type="news_article")
    assert (draft.indicator, draft.value, draft.unit, draft.written, draft.comparator) == ("soe_investment", 700, "亿元", "七百亿", "above")


def test_quarter_and_year_from_news(drafts_of):
    [draft, growth] = drafts_of("2023年前三季度,海曙区实现地区生产总值1001.5亿元,同比增长6.5%。", region="haishu",
                                report_type="news_article")
    assert (draft.region, draft.year, draft.period) == ("haishu", 2023, "Q1-Q3")
    assert (growth.indicator, growth.value) == ("gdp_growth", 6.5)


def test_other_region_named(drafts_of):
    [draft] = drafts_of(REVIEW + "宁波舟山港集装箱吞吐量3900万标箱。")
    assert (draft.region, draft.indicator) == ("ningbo_zhoushan_port", "port_container_throughput")


def test_unknown_phrase_is_proposed(drafts_of):
    [draft] = drafts_of(REVIEW + "新建口袋公园45个。")
    assert draft.proposed_indicator["name_zh"].endswith("口袋公园") and draft.confidence < 0.7


def test_qualitative_target(drafts_of):
    got = facts(drafts_of(PLAN + "一般公共预算收入增长与经济增长基本同步。"))
    assert ("fiscal_revenue_growth", 2025, "annual", "target", "qualitative", None, "%") in got


def test_change_in_points(drafts_of):
    [draft] = drafts_of("一、2020年和“十三五”工作回顾 五年来,研发投入强度比2015年提高0.44个百分点。")
    assert (draft.indicator, draft.period, draft.start_year, draft.unit) == ("rd_intensity", "change", 2015, "百分点")


def test_provisional(drafts_of):
    [draft] = drafts_of(REVIEW + "预计研发投入强度达到3%。")
    assert draft.provisional and draft.kind == "actual"


def test_quote_is_verbatim_and_carries_the_value(drafts_of):
    from metrics.load.numerals import quote_contains_value
    text = REVIEW + "外贸进出口总额达到9787亿元,增长6.7%,其中出口6407亿元。"
    for draft in drafts_of(text):
        assert draft.quote in text and quote_contains_value(draft.quote, abs(draft.value))


def test_already_there(dataset, drafts_of):
    got = drafts_of("一、2020年工作回顾 全市地区生产总值达到12408.7亿元。全市一般公共预算收入1500亿元。")
    assert {d.indicator: d.existing for d in got} == {"gdp": "already there: agrees", "fiscal_revenue": "already there: conflicts"}
