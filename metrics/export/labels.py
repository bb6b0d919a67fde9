"""Words the exports print, in Chinese and English: column headers and the pack's fixed texts."""

from __future__ import annotations

SOURCES_SHEET = "来源 Sources"

SOURCE_COLUMNS: dict[str, tuple[str, str]] = {
    "row": ("数据行", "Data row"),
    "role": ("用途", "Used for"),
    "provenance": ("来源性质", "Provenance"),
    "title": ("标题", "Title"),
    "publisher": ("发布单位", "Publisher"),
    "date": ("日期", "Date"),
    "url": ("链接", "URL"),
    "quote": ("原文", "Quote"),
    "note": ("说明", "Note"),
    "source_id": ("来源编号（供程序使用）", "Source id (for machines)"),
}
"""The sources sheet's columns; the source's id last, labelled as an id for programs."""


TEXT: dict[str, tuple[str, str]] = {
    "role_target": ("目标", "target"),
    "role_actual": ("实际", "actual"),
    "role_value": ("数值", "value"),
    "deck_title": ("{region}经济指标简报", "{region}: economic indicators briefing"),
    "deck_subtitle": ("{region} · {year}年", "{region} · {year}"),
    "deck_date": ("制作日期：{date}", "Prepared {date}"),
    "deck_sources": ("资料来源", "Sources"),
    "deck_no_sources": ("无", "None"),
    "deck_notes": ("要点", "Key sentences"),
    "deck_publisher_unknown": ("发布单位不详", "Publisher not stated"),
    "deck_undated": ("日期不详", "undated"),
    "deck_untitled": ("无标题", "untitled"),
    "deck_reposted": ("转载：{site}", "reposted by {site}"),
    "deck_headlines": ("{region}{year}年主要指标", "{region}: headline figures, {year}"),
    "deck_headlines_missing": ("{year}年暂无数据：{names}", "No figures for {year}: {names}"),
    "deck_no_actual_yet": ("尚无实际数的目标：{names}", "Targets with no actual yet: {names}"),
    "deck_notes_indicators": ("图中指标：{names}", "Indicators shown: {names}"),
    "deck_part": ("{heading}（{number}/{count}）", "{heading} ({number}/{count})"),
    "deck_footer": ("数据来自政府公开文本，每个数字均可追溯至原文。", "Figures from published government texts, each traceable to its source."),
}


def text(key: str, lang: str) -> str:
    zh, en = TEXT[key]
    return zh if lang == "zh" else en


def unit_text(unit: object, lang: str) -> str | None:
    """A unit as a table's unit column names it, in the table's language: the English label of
    the unit as written (亿元 -> CNY 100 million), or its Chinese (billion yuan -> 十亿元, the
    ``label_zh`` of ``data/units.yaml``)."""
    from metrics import i18n
    from metrics.values import is_missing_or_blank

    if is_missing_or_blank(unit):
        return None
    label = i18n.unit_label(str(unit), lang)
    return label
