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
    "progress_heading": ("“十四五”2025年目标进度", "Progress to the 2025 targets"),
    "progress_note": ("从最近实际数到2025年目标所需的年均增长,与2020年以来实际达到的年均增长;均为本站计算(水平值为复合增长率,比率为每年百分点)。",
                      "The average annual growth the 2025 target requires from the latest actual, and the average annual growth "
                      "achieved since 2020; both computed here (compound % for levels, percentage points a year for rates)."),
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
    "col_required": ("所需年均增长", "Required per year"),
    "col_achieved": ("2020年以来年均增长", "Achieved per year since 2020"),
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
    "chart_ledger_title": ("{region}{year}年目标与实际", "{region}: targets and actuals, {year}"),
    "chart_ledger_subtitle": ("空心菱形为目标,实心圆为实际;文字标明完成情况", "Hollow diamond: target; filled circle: actual; the label gives the status"),
    "chart_progress_title": ("{region}:2025年目标所需与已达到的年均增长", "{region}: growth required by the 2025 targets and achieved"),
    "chart_progress_subtitle": ("本站计算", "computed here"),
    "chart_required": ("所需年均增长", "required per year"),
    "chart_achieved": ("2020年以来年均增长", "achieved per year since 2020"),
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
    # 导入与审核 / Import & review (pages/import_review.py, metrics/importer/review.py)
    "page_import": ("导入与审核", "Import & review"),
    "review_intro": ("上传或粘贴一份报告,逐条审核程序读出的数据,确认后写入服务器上的数据文件 {path}。",
                     "Upload or paste a report, review each figure read from it, then write the accepted ones to the server's data file {path}."),
    "review_step_input": ("1. 报告", "1. The report"),
    "review_upload": ("上传文件(.txt、.docx、.pdf、.html,不超过 {limit} MB)", "Upload a file (.txt, .docx, .pdf, .html; at most {limit} MB)"),
    "review_paste": ("或粘贴报告文字", "or paste the report's text"),
    "review_region": ("地区", "Region"),
    "review_region_new": ("新地区(数据集中没有)", "A new region (not in the dataset)"),
    "review_region_new_name": ("新地区名称", "Name of the new region"),
    "review_type": ("类型", "Type"),
    "review_date": ("报告日期(原文所写)", "Date (as the text states it)"),
    "review_title": ("标题(按发布时)", "Title (as published)"),
    "review_publisher": ("发布机构(可不填)", "Publisher (optional)"),
    "review_read": ("读取", "Read"),
    "review_read_done": ("读出 {n} 条数据,其中 {confident} 条把握较大,{existing} 条数据集中已有。",
                         "{n} figures read: {confident} confident, {existing} already in the dataset."),
    "review_read_none": ("这份文字中没有读出任何数据。", "No figure could be read from this text."),
    "review_step_drafts": ("2. 逐条审核", "2. Review each figure"),
    "review_drafts_help": ("勾选要写入的行;可直接修改指标、类型、年份、时期、数值、单位和表述。【】内为原文摘录。数据集中已有的默认不勾选。",
                           "Tick the rows to write; indicator, kind, year, period, value, unit and comparator can be edited. The quote is in 【】. Figures the dataset already holds start unticked."),
    "review_accept_all": ("全部接受", "Accept all"),
    "review_accept_confident": ("只接受把握较大的", "Accept confident only"),
    "review_accept_none": ("全部不接受", "Reject all"),
    "review_col_accept": ("接受", "Accept"),
    "review_col_status": ("状态", "Status"),
    "review_col_confidence": ("把握", "Confidence"),
    "review_col_indicator": ("指标", "Indicator"),
    "review_col_kind": ("类型", "Kind"),
    "review_col_year": ("年份", "Year"),
    "review_col_period": ("时期", "Period"),
    "review_col_start_year": ("起始年", "Start year"),
    "review_col_value": ("数值", "Value"),
    "review_col_unit": ("单位", "Unit"),
    "review_col_comparator": ("表述", "Comparator"),
    "review_col_sentence": ("原句(【】内为摘录)", "Sentence (quote in 【】)"),
    "review_status_new": ("新数据", "new"),
    "review_status_agrees": ("数据集中已有(数值一致)", "already there (same value)"),
    "review_status_conflicts": ("数据集中已有(数值不同)", "already there (another value)"),
    "review_cmp_none": ("(确数)", "(exact)"),
    "review_cmp_at_least": ("以上、不低于", "at least"),
    "review_cmp_at_most": ("以内、以下", "at most"),
    "review_cmp_about": ("左右", "about"),
    "review_cmp_above": ("突破、超过", "over"),
    "review_cmp_reach": ("达到", "reach"),
    "review_cmp_qualitative": ("定性表述", "qualitative"),
    "review_period_annual": ("全年", "year"),
    "review_period_Q1": ("一季度", "Q1"),
    "review_period_H1": ("上半年", "H1"),
    "review_period_Q1-Q3": ("前三季度", "Q1–Q3"),
    "review_period_average": ("年均(跨年)", "average over a span"),
    "review_period_total": ("累计(跨年)", "total over a span"),
    "review_period_change": ("累计变化(跨年)", "change over a span"),
    "review_sentences": ("原句与摘录", "Sentences and quotes"),
    "review_sentence_line": ("第 {n} 条:", "Row {n}:"),
    "review_step_preview": ("3. 写入前核对:将写入的内容", "3. See exactly what will be written"),
    "review_preview_count": ("将向 {path} 添加 {n} 条数据及其来源:", "{n} records and their source will be added to {path}:"),
    "review_valid": ("校验通过:加入这些记录后,整个数据集没有问题。", "Validation passed: with these records the whole dataset has no problem."),
    "review_invalid": ("校验未通过,不能写入。请修正以下各处:", "Validation failed, so nothing can be written. Fix each of these:"),
    "review_problem_line": ("{file} 第 {line} 行:{message}。", "{file}, line {line}: {message}."),
    "review_none_accepted": ("没有勾选任何一行,没有可写入的内容。", "No row is ticked, so there is nothing to write."),
    "review_already_imported": ("这份文字已经导入过(来源 {source}),不能重复写入。", "This text has been imported before (source {source}); it cannot be written twice."),
    "review_need_title": ("请填写标题。", "Give the title."),
    "review_need_region": ("请选择地区,或填写新地区名称。", "Choose a region, or give the new region's name."),
    "review_cannot_write": ("无法写入数据文件夹:{reason}。", "The data folder cannot be written: {reason}."),
    "review_cannot_check": ("无法核对:{reason}。", "Cannot check: {reason}."),
    "review_write": ("写入数据文件", "Write to the data file"),
    "review_written": ("已写入 {n} 条数据到 {path}。原文件保存为 {backup}。如需撤销,用 {backup} 覆盖 {path} 即可。",
                       "{n} records were written to {path}. The previous file is kept as {backup}; to undo, copy {backup} back over {path}."),
    "review_not_written": ("没有写入任何内容:", "Nothing was written:"),
    "review_start_over": ("导入另一份报告", "Import another report"),
    "review_err_nothing": ("请上传文件或粘贴报告文字。", "Upload a file or paste the report's text."),
    "review_err_too_large": ("文件太大:报告不能超过 {limit} MB。", "The file is too large: a report can be at most {limit} MB."),
    "review_err_type": ("不支持的文件类型“{suffix}”:请上传 .txt、.docx、.pdf 或 .html。", "Unsupported file type “{suffix}”: give .txt, .docx, .pdf or .html."),
    "review_err_empty": ("文件是空的。", "The file is empty."),
    "review_err_binary": ("这是二进制文件,不是文字:请上传 .txt、.docx、.pdf 或 .html。", "This is a binary file, not text: give .txt, .docx, .pdf or .html."),
    "review_err_pdf_no_text": ("这个 PDF 没有文字层(可能是扫描件),请先做文字识别。", "This PDF has no text layer (a scan?); run OCR on it first."),
    "review_err_html_no_text": ("这个网页中没有正文文字(脚本不会被执行)。", "This web page has no article text (scripts are never run)."),
    "review_err_no_text": ("没有找到中文文字,这不像是一份报告。", "No Chinese text found; this does not look like a report."),
    "review_err_encoding": ("文字不是 UTF-8 或 GB18030 编码。", "The text is neither UTF-8 nor GB18030."),
    "review_err_too_long": ("文件页数太多,不像是一份报告。", "The file has too many pages for a report."),
    "review_err_unreadable": ("无法读取这个文件:它可能已损坏,或与扩展名不符。", "This file cannot be read: it may be damaged, or not what its name says."),
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
