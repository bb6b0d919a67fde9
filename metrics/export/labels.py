"""Words the exports print, in Chinese and English: column headers and the pack's fixed texts."""

from __future__ import annotations

COLUMNS: dict[str, tuple[str, str]] = {
    "region_id": ("地区编号", "Region id"),
    "region_zh": ("地区", "Region (zh)"),
    "region_en": ("地区(英文)", "Region"),
    "region_level": ("行政级别", "Region level"),
    "indicator_id": ("指标编号", "Indicator id"),
    "indicator_zh": ("指标", "Indicator (zh)"),
    "indicator_en": ("指标(英文)", "Indicator"),
    "category": ("类别", "Category"),
    "direction": ("方向", "Direction"),
    "indicator_unit": ("指标单位", "Indicator unit"),
    "year": ("年份", "Year"),
    "period": ("时期", "Period"),
    "start_year": ("起始年份", "Start year"),
    "kind": ("类型", "Kind"),
    "comparator": ("表述", "Comparator"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "value_std": ("数值(指标单位)", "Value (indicator unit)"),
    "source_id": ("来源编号", "Source id"),
    "provenance": ("来源性质", "Provenance"),
    "quote": ("原文", "Quote"),
    "written": ("原文写法", "As written"),
    "note": ("说明", "Note"),
    "provisional": ("预计数", "Provisional"),
    "cross_source": ("多来源", "Cross-source"),
    "derived": ("推算", "Derived"),
    "derivation": ("推算方法", "Derivation"),
    "source_title": ("来源标题", "Source title"),
    "source_publisher": ("发布单位", "Publisher"),
    "source_date": ("发布日期", "Source date"),
    "source_url": ("链接", "URL"),
    "line": ("数据文件行号", "Line in data file"),
    "sources": ("全部来源", "All sources"),
    "n_sources": ("来源数", "Number of sources"),
    "conflict": ("来源冲突", "Sources conflict"),
    "target_value": ("目标值", "Target"),
    "target_unit": ("目标单位", "Target unit"),
    "target_std": ("目标值(指标单位)", "Target (indicator unit)"),
    "target_source": ("目标来源", "Target source"),
    "target_quote": ("目标原文", "Target quote"),
    "target_note": ("目标说明", "Target note"),
    "target_year": ("目标年份", "Target year"),
    "actual_value": ("实际值", "Actual"),
    "actual_unit": ("实际单位", "Actual unit"),
    "actual_std": ("实际值(指标单位)", "Actual (indicator unit)"),
    "actual_bound": ("实际值表述", "Actual bound"),
    "actual_provisional": ("实际为预计数", "Actual provisional"),
    "actual_sources": ("实际来源", "Actual sources"),
    "actual_provenance": ("实际来源性质", "Actual provenance"),
    "actual_quote": ("实际原文", "Actual quote"),
    "actual_note": ("实际说明", "Actual note"),
    "status": ("完成情况", "Status"),
    "rule": ("判定规则", "Rule"),
    "gap": ("差距", "Gap"),
    "gap_unit": ("差距单位", "Gap unit"),
    "latest_year": ("最新年份", "Latest year"),
    "latest_std": ("最新值", "Latest value"),
    "base_std": ("2020年基数", "2020 base"),
    "required_per_year": ("所需年均变化", "Required per year"),
    "achieved_per_year": ("已实现年均变化", "Achieved per year"),
    "change_unit": ("变化单位", "Change unit"),
    "id": ("编号", "Id"),
    "name_zh": ("名称", "Name (zh)"),
    "name_en": ("名称(英文)", "Name"),
    "level": ("级别", "Level"),
    "parent": ("上级", "Parent"),
    "title": ("标题", "Title"),
    "publisher": ("发布单位", "Publisher"),
    "type": ("类型", "Type"),
    "stated_date": ("文本日期", "Stated date"),
    "posted_date": ("发布日期", "Posted date"),
    "sha256": ("SHA-256", "SHA-256"),
    "url": ("链接", "URL"),
    "date": ("日期", "Date"),
    "description_zh": ("说明", "Description (zh)"),
    "description_en": ("说明(英文)", "Description"),
}
"""Dataset column -> (Chinese header, English header). A column not listed keeps its name."""

SOURCES_SHEET = "来源 Sources"

SOURCE_COLUMNS: dict[str, tuple[str, str]] = {
    "row": ("数据行", "Data row"),
    "role": ("用途", "Used for"),
    "source_id": ("来源编号", "Source id"),
    "provenance": ("来源性质", "Provenance"),
    "title": ("标题", "Title"),
    "publisher": ("发布单位", "Publisher"),
    "date": ("日期", "Date"),
    "url": ("链接", "URL"),
    "quote": ("原文", "Quote"),
    "note": ("说明", "Note"),
}

TEXT: dict[str, tuple[str, str]] = {
    "role_target": ("目标", "target"),
    "role_actual": ("实际", "actual"),
    "role_value": ("数值", "value"),
    "deck_title": ("{region}经济指标简报", "{region}: economic indicators briefing"),
    "deck_subtitle": ("{region} · {year}年", "{region} · {year}"),
    "deck_date": ("制作日期:{date}", "Prepared {date}"),
    "deck_sources": ("资料来源", "Sources"),
    "deck_no_sources": ("无", "None"),
    "deck_notes": ("要点", "Key sentences"),
    "deck_footer": ("数据来自政府公开文本,每个数字均可追溯至原文。", "Figures from published government texts, each traceable to its source."),
}


def column_label(column: str, lang: str) -> str:
    """The header of ``column`` in ``lang`` (``zh`` or ``en``)."""
    labels = COLUMNS.get(column)
    if labels is None:
        return column
    return labels[0] if lang == "zh" else labels[1]


def text(key: str, lang: str) -> str:
    zh, en = TEXT[key]
    return zh if lang == "zh" else en
