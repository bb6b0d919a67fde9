"""The general rules of how reports and bulletins write figures, on hand-written sentences."""

from metrics.importer.mentions import find_mentions

REVIEW = "一、2024年工作回顾 "
PLAN = "三、2025年工作安排 "
PLAN_REVIEW = "一、2020年和“十三五”工作回顾 五年来,"


def facts(drafts):
    return {(d.indicator, d.year, d.period, d.kind, d.value, d.unit) for d in drafts if d.proposed_indicator is None}


def test_number_before_its_noun(drafts_of):
    got = facts(drafts_of(PLAN + "力争新建5个海外仓,加快推进20个以上百亿重大项目,实施80个智能审批事项。"))
    assert ("new_overseas_warehouses", 2025, "annual", "target", 5, "个") in got
    assert ("major_projects_10bn", 2025, "annual", "target", 20, "个") in got
    assert ("smart_approval_items", 2025, "annual", "target", 80, "个") in got


def test_quote_of_a_noun_after_carries_the_value(drafts_of):
    [draft] = [d for d in drafts_of(PLAN + "推广4个以上种养殖区块链溯源平台建设。") if d.proposed_indicator is None]
    assert draft.indicator == "new_blockchain_traceability_platforms" and draft.comparator == "at_least"
    assert draft.quote.startswith("推广4个以上") and "溯源平台" in draft.quote


def test_levels_sharing_one_noun(drafts_of):
    got = facts(drafts_of(PLAN + "建成8个省级和12个市级美丽城镇样板。"))
    assert ("provincial_beautiful_town_models", 2025, "annual", "target", 8, "个") in got
    assert ("municipal_beautiful_town_models", 2025, "annual", "target", 12, "个") in got


def test_magnitude_class_is_not_an_amount():
    assert [(m.value, m.unit) for m in find_mentions("打造3个千亿级产业集群和10个百亿产业平台")] == [(3, "个"), (10, "个")]


def test_bare_ten_thousands_take_the_indicator_unit(drafts_of):
    got = facts(drafts_of(PLAN + "“浙里办”日活跃用户达到35万,各类人才总量达到60万。"))
    assert ("zheliban_daily_active_users", 2025, "annual", "target", 35, "万人") in got
    assert ("talent_pool", 2025, "annual", "target", 60, "万人") in got


def test_bare_ten_thousands_without_an_indicator_are_dropped(drafts_of):
    assert not [d for d in drafts_of(PLAN + "游客人数达到300万。") if d.unit == "万"]


def test_each_after_a_list(drafts_of):
    got = facts(drafts_of(PLAN + "盘活城乡低效用地、存量建设用地各2000亩,新改建和盘活租赁住房各1.5万套。"))
    assert ("existing_construction_land_revitalised", 2025, "annual", "target", 2000, "亩") in got
    assert ("rental_housing_new_or_renovated", 2025, "annual", "target", 1.5, "万套") in got


def test_one_figure_for_several_subjects(drafts_of):
    got = facts(drafts_of(PLAN + "确保生产安全事故起数、死亡人数比上年下降10%。"))
    assert ("work_safety_accidents_reduction", 2025, "annual", "target", 10, "%") in got
    assert ("work_safety_deaths_reduction", 2025, "annual", "target", 10, "%") in got


def test_respectively_with_a_short_second_item(drafts_of):
    got = facts(drafts_of(REVIEW + "生产安全事故起数、死亡人数分别下降12.5%、18%。"))
    assert ("work_safety_accidents_reduction", 2024, "annual", "actual", 12.5, "%") in got
    assert ("work_safety_deaths_reduction", 2024, "annual", "actual", 18, "%") in got


def test_average_of_earlier_years_is_a_base_not_an_average(drafts_of):
    drafts = drafts_of(PLAN + "生产安全事故死亡人数比前三年平均数下降15%。")
    assert {(d.indicator, d.period, d.value) for d in drafts} == {("work_safety_deaths_reduction", "annual", 15)}


def test_from_to_with_ratios_and_own_subject(drafts_of):
    got = facts(drafts_of(PLAN_REVIEW + "城乡居民收入比由2.05:1缩小到1.98:1。城镇新增就业10万人,每千人执业医师数由2.8人提高到3.2人。"))
    assert ("urban_rural_income_ratio", 2020, "annual", "actual", 1.98, "倍") in got
    assert not [f for f in got if f[0] == "new_urban_jobs" and f[4] == 3.2]


def test_share_clause_owned_by_the_clause_before(drafts_of):
    got = facts(drafts_of(PLAN_REVIEW + "出口额居全国城市第8位,占全国比重由2.9%提高到3.1%。"))
    assert ("export_share_of_national", 2015, "annual", "actual", 2.9, "%") in got
    assert ("export_share_of_national", 2020, "annual", "actual", 3.1, "%") in got


def test_two_year_average_growth_of_the_figure_before(drafts_of):
    got = facts(drafts_of("2021年,全市GDP比上年增长8%,两年平均增长6.1%。", report_type="news_article"))
    assert ("gdp_growth", 2021, "annual", "actual", 8, "%") in got
    assert ("gdp_growth", 2021, "average", "actual", 6.1, "%") in got


def test_pull_in_points_belongs_to_the_figure_before(drafts_of):
    got = facts(drafts_of(REVIEW + "十大标志性产业链增加值比上年增长9.8%,拉动规上工业增加值增长4.2个百分点。"))
    assert ("landmark_industry_chains_industrial_pull", 2024, "annual", "actual", 4.2, "百分点") in got


def test_growth_gap_named_as_written(drafts_of):
    got = facts(drafts_of(PLAN + "确保高新技术产业增加值增幅高于规上工业1.5个百分点。"))
    assert ("high_tech_industry_va_growth_gap", 2025, "annual", "target", 1.5, "百分点") in got


def test_count_named_with_another_verb_or_a_level(drafts_of):
    got = facts(drafts_of(PLAN + "培育外贸综合服务平台3家,新增省级以上孵化器4家。"))
    assert ("new_foreign_trade_service_platforms", 2025, "annual", "target", 3, "家") in got
    assert ("new_incubators", 2025, "annual", "target", 4, "家") in got


def test_a_stock_is_not_a_flow(drafts_of):
    assert not [d for d in drafts_of(REVIEW + "孵化器达到40家。") if d.indicator == "new_incubators"]


def test_verb_only_item_takes_the_noun_before(drafts_of):
    got = facts(drafts_of(PLAN + "新开工小微企业园3个、建成4个。"))
    assert ("small_micro_parks_started", 2025, "annual", "target", 3, "个") in got
    assert ("small_micro_parks_completed", 2025, "annual", "target", 4, "个") in got


def test_qualitative_clauses_beside_figures(drafts_of):
    drafts = drafts_of(PLAN + "地区生产总值增长6%左右,城乡居民收入与经济增长保持同步,确保服务业增加值增长快于经济增长,促进利用外资稳步增长。")
    got = {d.indicator for d in drafts if d.comparator == "qualitative"}
    assert got == {"urban_disposable_income_growth", "rural_disposable_income_growth", "tertiary_value_added_growth", "fdi_growth"}
    assert ("gdp_growth", 2025, "annual", "target", 6, "%") in facts(drafts)


def test_bulletin_decline_and_share(drafts_of):
    got = facts(drafts_of("2024年,全市实现进出口总额1.3万亿元,比上年增长2.5%,其中出口同比下降1.2%。", report_type="statistical_bulletin"))
    assert ("trade_total_growth", 2024, "annual", "actual", 2.5, "%") in got
    assert ("exports_growth", 2024, "annual", "actual", -1.2, "%") in got
