"""Every word the dashboard shows, in Chinese and English, and how numbers are written in each.

Numbers keep the digits the source wrote (14594.9, never 14594.900000000001): formatting goes
through ``Decimal(repr(value))``. In English, money and 万-units are shown in units an English
reader uses (14594.9亿元 -> CNY 1,459.49 billion; 5.5万元 -> CNY 55,000): an exact change of
unit, the same number.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from metrics import units
from metrics.values import is_missing

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

_STRINGS: dict[str, tuple[str, str]] = {
    # app and pages
    "app_title": ("宁波经济指标", "Ningbo economic indicators"),
    "page_overview": ("概览", "Overview"),
    "page_targets": ("目标与完成", "Targets and results"),
    "page_trends": ("趋势", "Trends"),
    "page_regions": ("区域对比", "Regions"),
    "page_data": ("数据与来源", "Data and sources"),
    # filters
    "filters": ("筛选", "Filters"),
    "filter_language": ("语言", "Language"),
    "filter_regions": ("地区", "Regions"),
    "filter_year": ("年份", "Year"),
    "year_no_data": ("{year}年（无数据）", "{year} (no data)"),
    "filter_category": ("指标类别", "Indicator category"),
    "all_categories": ("全部类别", "All categories"),
    "filter_indicators": ("指标", "Indicators"),
    "filter_indicator": ("指标", "Indicator"),
    "regions_placeholder": ("选择一个或多个地区", "Choose one or more regions"),
    "choose": ("请选择(可多选)", "Choose options"),
    "link_hint": ("复制浏览器地址即可分享当前视图。", "Copy the browser address to share this view."),
    # notices about the URL
    "notice_title": ("链接中有无法使用的参数,已改用默认值:", "Some link parameters could not be used; defaults apply:"),
    "notice_unknown_region": ("未知地区“{value}”", "unknown region “{value}”"),
    "notice_year_out_of_range": ("年份“{value}”超出范围({first}–{last})", "year “{value}” is out of range ({first}–{last})"),
    "notice_garbled": ("参数 {param} 的值“{value}”无法识别", "the value “{value}” of {param} cannot be read"),
    "notice_unknown_category": ("未知指标类别“{value}”", "unknown indicator category “{value}”"),
    "notice_unknown_language": ("未知语言“{value}”", "unknown language “{value}”"),
    "notice_unknown_indicator": ("未知指标“{value}”", "unknown indicator “{value}”"),
    "notice_too_many": ("参数 {param} 的值过多,只保留前 {limit} 个", "too many values for {param}; the first {limit} are kept"),
    # problems with the data file
    "problems_title": ("数据文件有问题,仪表盘暂时无法显示数据。请修正以下各处:",
                       "The data file has problems, so the dashboard cannot show data. Fix each of these:"),
    "problems_count": ("共 {n} 处问题", "{n} problems"),
    # empty states
    "no_region_selected": ("尚未选择地区。", "No region is selected."),
    "suggest_intro": ("有数据的选择:", "Selections with data:"),
    "suggest_button": ("{region} · {year}", "{region} · {year}"),
    "suggest_all_categories": ("查看全部类别", "Show all categories"),
    "suggestion_none": ("数据集中暂无可推荐的选择。", "The dataset has no selection to suggest yet."),
    # overview
    "overview_heading": ("{region} · {year}年", "{region} · {year}"),
    "overview_newer": ("已有{year}年的较新数据：{names}。", "Newer figures exist for {year}: {names}."),
    "overview_show_year": ("查看{year}年", "Show {year}"),
    "overview_empty": ("{region}{year}年暂无这些指标的数据。", "No data for these indicators for {region} in {year}."),
    "overview_no_cards_in_category": ("所选类别中没有概览指标。", "The chosen category has no overview indicators."),
    "card_no_data": ("{year}年暂无数据", "no data for {year}"),
    "briefing_heading": ("简报文字与汇报材料", "Briefing text and pack"),
    "briefing_caption": ("每个有数据的指标一句话,数字均取自数据集;点右上角复制。", "One sentence per indicator with data, every figure from the dataset; copy with the button at the top right."),
    "briefing_none": ("该地区该年度没有可写成简报句子的数据。", "No data for this region and year to write a briefing sentence from."),
    "card_nearest": ("最近有数据的年份:{years}", "nearest years with data: {years}"),
    "card_sources": ("来源", "Sources"),
    "card_on_previous": ("比上年", "on the year before"),
    "card_on_previous_nominal": ("比上年（名义，本站计算）", "on the year before (nominal, computed here)"),
    "card_on_previous_computed": ("比上年（本站计算）", "on the year before (computed here)"),
    "card_change_break": ("口径调整，未计算比上年变化：{note}", "The basis changed, so no change on the year before is computed: {note}"),
    "card_growth": ("增长", "growth"),
    "card_target": ("目标 {target}:{status}", "Target {target}: {status}"),
    "card_target_gap": ("目标 {target}:{status},{gap}", "Target {target}: {status}, {gap}"),
    "card_target_only": ("目标 {target}:尚无实际数", "Target {target}: no actual yet"),
    "card_conflict": ("来源数据不一致,见来源", "sources disagree: see sources"),
    "qualitative_target": ("定性目标(原文见来源)", "qualitative target (wording in the sources)"),
    "target_label": ("目标", "Target"),
    # provenance
    "prov_quoted": ("原文摘录", "quoted"),
    "prov_cited": ("引用出版物", "cited"),
    "prov_derived": ("本站推算", "derived"),
    "prov_quoted_help": ("数值已核对原文,下为原文摘录", "checked against the text; the quote follows"),
    "prov_cited_help": ("引自官方出版物(无本地原文)", "from an official publication (no local text)"),
    "prov_derived_help": ("由两个公布数值计算,非来源所述", "computed from two published values, not stated by a source"),
    "quote": ("原文", "Quote"),
    "citation": ("出处", "Citation"),
    "derivation": ("计算方法", "How computed"),
    "note": ("说明", "Note"),
    "posted": ("网站发布日期", "date posted"),
    # kinds, statuses
    "kind_actual": ("实际", "actual"),
    "kind_target": ("目标", "target"),
    "status_met": ("已完成", "met"),
    "status_provisionally_met": ("预计完成", "provisionally met"),
    "status_not_met": ("未完成", "not met"),
    "status_provisionally_not_met": ("预计未完成", "provisionally not met"),
    "status_needs_judgement": ("需判断", "needs judgement"),
    "status_no_actual": ("尚无实际数", "no actual yet"),
    "provisional": ("预计", "provisional"),
    # targets page
    "targets_heading": ("{region} · {year}年目标与完成", "{region} · targets for {year}"),
    "targets_counts": ("目标数:{n}", "Targets: {n}"),
    "targets_chart_note": ("图中为有实际数的目标;尚无实际数的目标列于下表。",
                           "The chart shows targets with an actual; targets without one are listed below."),
    "targets_no_actuals": ("{region}{year}年的 {n} 项目标均尚无实际数。", "None of the {n} targets of {region} for {year} has an actual yet."),
    "targets_none": ("{region}{year}年没有目标。", "{region} set no targets for {year} in the dataset."),
    "targets_table": ("目标明细", "All targets"),
    "targets_status_filter": ("按完成情况筛选(不选即全部)", "Filter by status (none chosen: all)"),
    "heatmap_heading": ("历年对比", "Across the years"),
    "heatmap_title": ("{indicator}:各区(县、市)历年数值", "{indicator}: districts and counties, year by year"),
    "heatmap_subtitle": ("单位:{unit};{total}个区(县、市)中{n}个有数据;空白为未公布;>、≥为下限(如“突破”);*为预计、修订或本站计算",
                         "Unit: {unit}; {n} of {total} districts and counties have data; blank: not published; "
                         ">, ≥: a lower bound (“over”); *: provisional, revised or computed here"),
    "heatmap_gap": ("未见公布数据", "no published figure found"),
    "coverage_heading": ("数据覆盖", "Coverage"),
    "coverage_title": ("各地区历年有数据的核心指标数", "Headline figures with data, by region and year"),
    "coverage_subtitle": ("共{n}项核心指标(水平值与其增速算一项);空白为无数据",
                          "Out of {n} headline indicators (a level and its growth count once); blank: no data"),
    "progress_heading": ("“十四五”目标完成情况(2021–2025年)", "14th Five-Year Plan scorecard (2021–2025)"),
    "progress_note": ("每个2025年目标:2020年基数到目标所需的年均增长,与2020年到最新实际数已达到的年均增长;"
                      "有2025年实际数时给出完成情况,否则最新年份的数值只作进展,不作结论。均为本站计算(水平值为复合增长率,比率为每年百分点)。",
                      "For each 2025 target: the average annual growth it required from the 2020 base, and the growth achieved "
                      "from 2020 to the latest actual; with a 2025 actual the verdict, otherwise the latest year's figure shown as "
                      "progress, not a verdict. All computed here (compound % for levels, percentage points a year for rates)."),
    "score_progress": ("进展({year}年,非结论)", "progress ({year}, not a verdict)"),
    "score_no_actual": ("尚无实际数", "no actual yet"),
    "score_break": ("口径调整,不计算增长", "basis changed; no growth computed"),
    "col_base_2020": ("2020年基数", "2020 base"),
    "col_verdict": ("完成情况", "Status"),
    "progress_none": ("{region}没有2025年的数值目标。", "{region} has no numeric 2025 target in the dataset."),
    # trends
    "trends_pick": ("请选择一个或多个指标。", "Choose one or more indicators."),
    "trends_empty": ("所选地区没有这些指标的年度数据。", "The chosen regions have no annual data for these indicators."),
    "trends_suggest": ("有数据的指标:", "Indicators with data:"),
    "trends_not_drawn": ("另有 {n} 条记录(季度、累计或跨期变化、未注明年份)不画在年度坐标上,见“数据与来源”。",
                         "{n} more record(s) (quarterly, totals or changes over a span, year not stated) not drawn on the "
                         "year axis; see Data and sources."),
    # regions
    "regions_empty": ("{year}年没有任何区(县、市)的{indicator}数据。", "No district or county has {indicator} for {year}."),
    "regions_missing": ("{year}年无数据:{names}", "No data for {year}: {names}"),
    "regions_other_year": ("其他年份有数据(不参与排名):{items}", "Data for another year only (not ranked): {items}"),
    "regions_city": ("全市(不参与排名):{value}", "City total (not ranked): {value}"),
    "regions_port": ("{name}为港口,不是行政区,不参与排名:{value}", "{name} is a port, not a district; not ranked: {value}"),
    "regions_selected_note": ("所选地区在图中加粗显示。", "The chosen regions are outlined in the chart."),
    # data page
    "data_heading": ("数据表", "Data table"),
    "data_search": ("搜索(指标、地区、原文、来源)", "Search (indicator, region, quote, source)"),
    "data_provenance": ("来源性质", "Provenance"),
    "data_kind": ("类型", "Kind"),
    "data_years": ("年份范围", "Years"),
    "data_year_selected": ("仅 {year} 年", "{year} only"),
    "data_year_all": ("全部年份", "All years"),
    "data_rows": ("共 {n} 条记录", "{n} records"),
    "data_empty": ("没有符合条件的记录。", "No record matches."),
    "data_no_year": ("另有 {n} 条记录未注明年份,选择“全部年份”可见。", "{n} more records state no year; choose “All years” to see them."),
    "sources_heading": ("来源文件", "Source documents"),
    "col_region": ("地区", "Region"),
    "col_indicator": ("指标", "Indicator"),
    "col_period": ("时期", "Period"),
    "col_kind": ("类型", "Kind"),
    "col_value": ("数值", "Value"),
    "col_provenance": ("来源性质", "Provenance"),
    "col_evidence": ("原文 / 出处 / 计算方法", "Quote / citation / computation"),
    "col_sources": ("来源", "Sources"),
    "col_note": ("说明", "Note"),
    "col_line": ("行号", "Line"),
    "col_status": ("完成情况", "Status"),
    "col_target": ("目标", "Target"),
    "col_actual": ("实际", "Actual"),
    "col_gap": ("差距", "Gap"),
    "col_rule": ("判定依据", "Rule"),
    "col_latest": ("最近实际数", "Latest actual"),
    "col_target_2025": ("2025年目标", "2025 target"),
    "col_required": ("所需年均增长(2021–2025)", "Required per year (2021–2025)"),
    "col_achieved": ("已达到年均增长(2020年至最新)", "Achieved per year (2020 to latest)"),
    "col_id": ("编号", "Id"),
    "col_title": ("标题", "Title"),
    "col_publisher": ("发布单位", "Publisher"),
    "col_type": ("类型", "Type"),
    "col_date": ("日期", "Date"),
    "col_url": ("链接", "URL"),
    "col_records": ("记录数", "Records"),
    # charts
    "chart_source": ("来源", "Source"),
    "chart_more_sources": ("等 {n} 个来源", "({n} sources in all)"),
    "footnote_computed_some": ("部分数值由本站推算", "some values are computed here"),
    "footnote_computed_all": ("图中数值由本站根据上述来源计算", "the values are computed here from these sources"),
    "chart_year": ("年份", "Year"),
    "chart_break": ("口径调整", "basis changed"),
    "chart_revised_from": ("已修订;首次公布为{value}({date})", "revised; first published as {value} ({date})"),
    "chart_ledger_title": ("{region}{year}年目标与实际", "{region}: targets and actuals, {year}"),
    "chart_ledger_subtitle": ("空心菱形为目标,实心圆为实际;文字标明完成情况", "Hollow diamond: target; filled circle: actual; the label gives the status"),
    "chart_progress_title": ("{region}:“十四五”目标所需与已达到的年均增长", "{region}: growth the 2025 targets required and growth achieved"),
    "chart_progress_subtitle": ("本站计算", "computed here"),
    "chart_required": ("目标所需年均增长", "required per year"),
    "chart_achieved": ("2020年至最新已达到", "achieved per year since 2020"),
    "chart_trends_title": ("{indicators}", "{indicators}"),
    "chart_trends_subtitle": ("实线为实际,虚线空心菱形为目标,空心圆为本站推算,横线段为多年平均",
                              "Solid: actual; dashed hollow diamonds: target; hollow circles: computed here; horizontal segments: multi-year averages"),
    "chart_regions_title": ("{indicator}:{year}年各区(县、市)", "{indicator}: districts and counties, {year}"),
    "chart_regions_subtitle": ("按数值排序;斜纹为下限值、预计数或本站推算", "Sorted by value; hatched bars are bounds, provisional or computed"),
    "chart_derived_suffix": ("(推算)", " (computed)"),
    "chart_target_suffix": (" 目标", " target"),
    "computed_from": ("由以下来源计算:", "computed from: "),
    # categories
    "cat_output": ("经济总量", "Output"),
    "cat_fiscal": ("财政", "Public finance"),
    "cat_trade": ("对外贸易", "Foreign trade"),
    "cat_investment": ("投资", "Investment"),
    "cat_consumption": ("消费", "Consumption"),
    "cat_innovation": ("科技创新", "Innovation"),
    "cat_income": ("居民收入", "Income"),
    "cat_labour": ("就业", "Labour"),
    "cat_urbanisation": ("城镇化", "Urbanisation"),
    "cat_population": ("人口与社会", "Population and society"),
    "cat_port": ("港口", "Port"),
    "cat_prices": ("价格", "Prices"),
    "cat_finance": ("金融", "Finance"),
    "cat_enterprises": ("企业", "Enterprises"),
    "cat_environment": ("生态环境", "Environment"),
    # region levels
    "level_city": ("市", "city"),
    "level_district": ("区", "district"),
    "level_county_level_city": ("县级市", "county-level city"),
    "level_county": ("县", "county"),
    "level_port": ("港口", "port"),
    # periods
    "year_not_stated": ("年份未注明", "year not stated"),
    # what kind of figure, in a table's own column
    "comparator_qualitative": ("定性表述", "qualitative"),
    "figure_derived": ("本站计算", "computed here"),
    "figure_revised": ("已修订", "revised"),
    "figure_conflict": ("来源不一致", "sources disagree"),
    # source types
    "type_government_work_report": ("政府工作报告", "government work report"),
    "type_news_article": ("新闻报道", "news article"),
    "type_statistical_bulletin": ("统计公报", "statistical bulletin"),
    "type_plan_report": ("计划执行情况报告", "plan execution report"),
    "type_government_release": ("政府发布", "government release"),
}

_COMPARATORS: dict[str, tuple[str, str]] = {
    "at_least": ("{v}以上", "at least {v}"),
    "at_most": ("{v}以内", "at most {v}"),
    "about": ("{v}左右", "about {v}"),
    "above": ("突破{v}", "over {v}"),
    "reach": ("{v}", "{v}"),
}

_PERIODS: dict[str, tuple[str, str]] = {
    "annual": ("{year}年", "{year}"),
    "Q1": ("{year}年一季度", "Q1 {year}"),
    "H1": ("{year}年上半年", "H1 {year}"),
    "Q1-Q3": ("{year}年前三季度", "Q1–Q3 {year}"),
    "average": ("{start}-{year}年均", "{start}–{year} avg"),
    "total": ("{start}-{year}累计", "{start}–{year} total"),
    "change": ("{start}-{year}累计变化", "{start}–{year} change"),
}

# English display units: (currency or None, factor applied to the value, label).
_EN_MONEY: dict[str, tuple[str, Decimal, str]] = {
    "元": ("CNY", Decimal(1), ""),
    "万元": ("CNY", Decimal(10000), ""),
    "亿元": ("CNY", Decimal("0.1"), "billion"),
    "万亿元": ("CNY", Decimal(1), "trillion"),
    "美元": ("USD", Decimal(1), ""),
    "万美元": ("USD", Decimal(10000), ""),
    "亿美元": ("USD", Decimal("0.1"), "billion"),
    "billion yuan": ("CNY", Decimal(1), "billion"),
}

# Units written in English by an English-language source, shown to a Chinese reader in the
# Chinese unit: an exact change of unit (120.12 billion yuan = 1201.2亿元).
_ZH_FOR_EN_UNIT: dict[str, tuple[Decimal, str]] = {"billion yuan": (Decimal(10), "亿元")}
_EN_COUNTS: dict[str, tuple[Decimal, str]] = {
    "万人": (Decimal(10000), "persons"),
    "万名": (Decimal(10000), "persons"),
    "万人次": (Decimal(10000), "person-times"),
    "万吨": (Decimal(10000), "tonnes"),
    "亿吨": (Decimal("0.1"), "billion tonnes"),
    "万标箱": (Decimal(10000), "TEU"),
    "万家": (Decimal(10000), "firms"),
    "万头": (Decimal(10000), "head"),
    "万亩": (Decimal(10000), "mu"),
    "万平方米": (Decimal(10000), "m²"),
    "万套": (Decimal(10000), "dwellings"),
}

MAX_DECIMALS = 4

_RULES_ZH: dict[str, str] = {
    "actual >= target": "实际 ≥ 目标",
    "actual < target": "实际 < 目标",
    "actual > target": "实际 > 目标",
    "actual <= target": "实际 ≤ 目标",
    "actual equals a target to exceed": "实际恰等于须突破的目标",
    "within the tolerance of 左右": "在“左右”的容差内",
    "beyond 左右 on the good side": "超出“左右”容差,但在有利方向",
    "outside the tolerance of 左右": "超出“左右”容差",
    "qualitative target": "定性目标",
    "no actual reported yet": "尚无实际数",
    "the sources conflict on the actual": "各来源的实际数不一致",
    "the actual exceeds a bound at or above the target": "实际超过一个不低于目标的下限",
    "the actual exceeds a bound at or above the ceiling": "实际超过一个不低于上限的下限",
    "the actual is below a bound at or below the ceiling": "实际低于一个不高于上限的上限值",
    "the actual is below a bound below the target": "实际低于一个低于目标的上限值",
    "the actual is a bound that cannot decide the target": "实际数为界限值,无法判定",
}
"""The ledger's rules (``metrics.ledger``) in Chinese; a rule not listed is shown as written."""


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Chinese for an unknown language), filled with ``values``."""
    zh, en = _STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in _STRINGS


def _decimal(value: float | int | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def _plain(number: Decimal, lang: str, decimals: int | None) -> str:
    if not number.is_finite():
        return "–"
    exponent = number.as_tuple().exponent
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    elif isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        number = number.quantize(Decimal(1).scaleb(-MAX_DECIMALS), rounding=ROUND_HALF_UP)
    text = format(number, ",f" if lang == "en" else "f")
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    return text




def fmt_number(value: float | int | Decimal, lang: str, decimals: int | None = None) -> str:
    """A number as a reader of ``lang`` writes it: 14594.9 / 14,594.9; ``decimals`` fixes the places."""
    if is_missing(value):
        return "–"
    return _plain(_decimal(value), lang, decimals)


def display_value(value: float, unit: str, lang: str) -> tuple[float, str]:
    """The value and unit label a chart axis uses: unchanged in Chinese, English units in English."""
    if lang != "en":
        return value, unit
    if unit in _EN_MONEY:
        currency, factor, scale = _EN_MONEY[unit]
        return float(_decimal(value) * factor), f"{currency} {scale}".strip()
    if unit in _EN_COUNTS:
        factor, label = _EN_COUNTS[unit]
        return float(_decimal(value) * factor), label
    return value, units.label(unit, "en") if unit != "百分点" else "percentage points"


def display_unit(unit: str, lang: str) -> str:
    return display_value(0.0, unit, lang)[1]


def fmt_value(value: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A value with its unit: 14594.9亿元 / CNY 1,459.49 billion; 8.2% in both."""
    if is_missing(value):
        return "–"
    if lang != "en":
        if unit == "百分点":
            return f"{fmt_number(value, lang, decimals)}个百分点"
        if unit in _ZH_FOR_EN_UNIT:
            factor, zh_unit = _ZH_FOR_EN_UNIT[unit]
            return f"{fmt_number(_decimal(value) * factor, lang, decimals)}{zh_unit}"
        return f"{fmt_number(value, lang, decimals)}{unit}"
    number = _decimal(value)
    if unit in _EN_MONEY:
        currency, factor, scale = _EN_MONEY[unit]
        return f"{currency} {fmt_number(number * factor, lang, decimals)} {scale}".strip()
    if unit in _EN_COUNTS:
        factor, label = _EN_COUNTS[unit]
        return f"{fmt_number(number * factor, lang, decimals)} {label}"
    if unit == "%":
        return f"{fmt_number(number, lang, decimals)}%"
    if unit == "百分点":
        return f"{fmt_number(number, lang, decimals)} percentage points"
    return f"{fmt_number(number, lang, decimals)} {units.label(unit, 'en')}"


def fmt_signed(value: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A change with its sign: +1.2个百分点 / +1.2 pp, -3.1%."""
    if is_missing(value):
        return "–"
    sign = "+" if value > 0 else ("-" if value < 0 else "")
    text = fmt_value(abs(value), unit, lang, decimals)
    if lang == "en" and unit == "百分点":
        text = f"{fmt_number(abs(value), lang, decimals)} pp"
    return f"{sign}{text}"


def comparator_word(comparator: object, lang: str) -> str:
    """The wording of a comparator alone: 以上 / at least; "" for none or an exact figure."""
    if not isinstance(comparator, str) or comparator == "reach":
        return ""
    if comparator == "qualitative":
        return t("comparator_qualitative", lang)
    return comparator_phrase(comparator, "", lang).strip()


def unit_label(unit: str, lang: str) -> str:
    """A unit for a column of its own: 亿元 / CNY 100 million, 百分点 / percentage points."""
    if lang == "en" and unit == "百分点":
        return "percentage points"
    return units.label(unit, lang)


def figure_status(row: object, lang: str) -> str:
    """What kind of figure a fact is, in words: provisional, computed here, revised, in conflict."""
    getter = row.get if hasattr(row, "get") else (lambda key, default=None: getattr(row, key, default))
    marks = []
    if getter("provisional") is True:
        marks.append(t("provisional", lang))
    if getter("derived") is True:
        marks.append(t("figure_derived", lang))
    if getter("revised") is True:
        marks.append(t("figure_revised", lang))
    if getter("conflict") is True:
        marks.append(t("figure_conflict", lang))
    return ("; " if lang == "en" else "、").join(marks)


def source_type_label(source_type: str, lang: str) -> str:
    key = f"type_{source_type}"
    return t(key, lang) if has(key) else source_type


def comparator_phrase(comparator: str | None, value_text: str, lang: str) -> str:
    """How a target or a bound is worded: 7%左右 / about 7%, 突破1万亿元 / over CNY 1 trillion."""
    zh, en = _COMPARATORS.get(comparator or "reach", ("{v}", "{v}"))
    return (en if lang == "en" else zh).format(v=value_text)


def period_label(period: str, year: object, start_year: object, lang: str) -> str:
    """2021年 / 2021, 2016-2020年均 / 2016–2020 avg, 2020年一季度 / Q1 2020; no year: said so."""
    if is_missing(year):
        return t("year_not_stated", lang)
    zh, en = _PERIODS.get(period, ("{year}年", "{year}"))
    start = "?" if is_missing(start_year) else int(start_year)  # type: ignore[call-overload]
    return (en if lang == "en" else zh).format(year=int(year), start=start)  # type: ignore[call-overload]


def year_label(year: int, lang: str) -> str:
    return f"{year}年" if lang != "en" else str(year)


def status_label(status: str, lang: str) -> str:
    key = f"status_{status}"
    return t(key, lang) if has(key) else status


def rule_label(rule: str, lang: str) -> str:
    return _RULES_ZH.get(rule, rule) if lang != "en" else rule


def provenance_label(provenance: str, lang: str) -> str:
    key = f"prov_{provenance}"
    return t(key, lang) if has(key) else str(provenance)


def kind_label(kind: str, lang: str) -> str:
    key = f"kind_{kind}"
    return t(key, lang) if has(key) else str(kind)


def category_label(category: str | None, lang: str) -> str:
    if not category:
        return t("all_categories", lang)
    key = f"cat_{category}"
    return t(key, lang) if has(key) else category


def level_label(level: str, lang: str) -> str:
    key = f"level_{level}"
    return t(key, lang) if has(key) else level


def name(row: object, prefix: str, lang: str) -> str:
    """``row[prefix + '_en']`` in English (Chinese if it is empty), ``row[prefix + '_zh']`` otherwise.

    ``row`` is a mapping or a pandas row; ``prefix`` is ``region`` / ``indicator`` for tidy rows
    or ``name`` for rows of the regions and indicators lists."""
    getter = row.get if hasattr(row, "get") else (lambda key, default=None: getattr(row, key, default))
    zh = text_of(getter(f"{prefix}_zh", ""))
    en = text_of(getter(f"{prefix}_en", ""))
    if lang == "en" and en:
        return en
    return zh or en


def text_of(value: object) -> str:
    """A text field as text: "" for a missing one (pandas gives NaN for it, which is truthy)."""
    return value if isinstance(value, str) else ""


def language_name(lang: str) -> str:
    return {"zh": "中文", "en": "English"}.get(lang, lang)


def source_date(source: object, lang: str | None = None) -> str:
    """A source's date: the date its text states (or its publication date), else the date the
    portal shows, marked as such when ``lang`` is given."""
    getter = source.get if hasattr(source, "get") else (lambda key, default=None: getattr(source, key, default))

    def present(value: object) -> bool:
        return value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value) != ""

    for key in ("stated_date", "date"):
        value = getter(key, None)
        if present(value):
            return str(value)[:10]
    posted = getter("posted_date", None)
    if not present(posted):
        return ""
    if lang is None:
        return str(posted)[:10]
    return f"{str(posted)[:10]} ({t('posted', lang)})" if lang == "en" else f"{str(posted)[:10]}({t('posted', lang)})"
