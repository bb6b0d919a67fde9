"""The table a download holds, built from the page's raw rows, never from its display table.

A display table holds formatted text (``14594.9亿元``, ``7%左右``) in translated columns: fine to
read, useless to compute with, and it has lost the source ids the sources sheet needs. So each
page hands its raw rows (tidy facts, ledger, progress or sources) and their ``kind`` to the
export, which writes what an Excel user expects: region and indicator names, numbers as
numbers, the unit in its own column, the status in words, and source titles instead of ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from metrics.export import labels
from metrics.frames.missing import is_missing_or_blank, split_ids
from metrics.text import display, i18n
from metrics.text.citation import title_as_published
from metrics.text.display import score_status

TABLE_KINDS = ("facts", "ledger", "progress", "sources")


@dataclass(frozen=True)
class Column:
    key: str
    header: tuple[str, str]
    value: Callable[[dict, str, dict[str, str]], Any]
    number: bool = False


def _get(key: str) -> Callable[[dict, str, dict[str, str]], Any]:
    return lambda row, lang, titles: None if is_missing_or_blank(row.get(key)) else row.get(key)


def as_written(value: Any) -> int | float | None:
    """A number as its source wrote it: 6000 (not 6000.0), 1.87, 33.84; None when missing."""
    if i18n.is_missing(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _number(key: str) -> Callable[[dict, str, dict[str, str]], Any]:
    return lambda row, lang, titles: as_written(row.get(key))


def _unit(key: str) -> Callable[[dict, str, dict[str, str]], Any]:
    return lambda row, lang, titles: labels.unit_text(row.get(key), lang)


_GLUED = re.compile(r"([\u3400-\u9fff])(?=[A-Za-z0-9])(?=[^\u3400-\u9fff:：,，;；()（）]*[A-Za-z]{2,}\s+[A-Za-z0-9])"
                    r"(?=[^\u3400-\u9fff(（,，;；]*(?:$|[(（,，;；]))")
"""A Chinese character directly followed by a passage in another language (英文原文more than…),
not by a number or a term of its own sentence (截至2016年末, 按GDP计, 据China Daily报道): a passage
has two words and runs to the end of the note or of its clause."""


def note_text(value: Any) -> str | None:
    """A note as a cell shows it: a passage in the other language set off from the words before
    it by a colon (英文原文: more than 5.5 percent), never glued to them; None when there is no note."""
    if is_missing_or_blank(value):
        return None
    return _GLUED.sub(r"\1: ", str(value).strip())


def _note(row: dict, lang: str, titles: dict[str, str]) -> str | None:
    return note_text(row.get("note")) or note_text(row.get("derivation"))


def _rounded(key: str, decimals: Callable[[dict], int]) -> Callable[[dict, str, dict[str, str]], Any]:
    """A number computed here (a gap, a change a year), rounded as the page shows it: a cell of
    10.00000000000001 would pass float noise off as precision."""
    return lambda row, lang, titles: None if i18n.is_missing(row.get(key)) else as_written(round(float(row[key]), decimals(row)))


def _year(key: str) -> Callable[[dict, str, dict[str, str]], Any]:
    return lambda row, lang, titles: None if i18n.is_missing(row.get(key)) else int(row[key])


def _titles(*keys: str) -> Callable[[dict, str, dict[str, str]], Any]:
    def value(row: dict, lang: str, titles: dict[str, str]) -> str:
        ids = [part for key in keys for part in split_ids(row.get(key))]
        return "; ".join(dict.fromkeys(titles.get(source_id, source_id) for source_id in ids))
    return value


_REGION = Column("region", ("地区", "Region"), lambda row, lang, titles: i18n.name(row, "region", lang))
_INDICATOR = Column("indicator", ("指标", "Indicator"), lambda row, lang, titles: i18n.name(row, "indicator", lang))
_PERIOD = Column("period", ("时期", "Period"),
                 lambda row, lang, titles: i18n.period_label(row["period"], row.get("year"), row.get("start_year"), lang))

SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {
    "facts": (
        _REGION, _INDICATOR, Column("year", ("年份", "Year"), _year("year")), _PERIOD,
        Column("kind", ("类型", "Kind"), lambda row, lang, titles: i18n.kind_label(row["kind"], lang)),
        Column("comparator", ("表述", "Wording"),
               lambda row, lang, titles: i18n.comparator_word(row.get("comparator"), lang)),
        Column("value", ("数值", "Value"), _number("value"), number=True),
        Column("unit", ("单位", "Unit"), _unit("unit")),
        Column("status", ("数值性质", "Status of the figure"), lambda row, lang, titles: i18n.figure_status(row, lang)),
        Column("provenance", ("来源性质", "Provenance"), lambda row, lang, titles: i18n.provenance_label(row["provenance"], lang)),
        Column("sources", ("来源", "Sources"), _titles("sources", "source_id")),
        Column("note", ("说明", "Note"), _note),
    ),
    "ledger": (
        _REGION, _INDICATOR, _PERIOD,
        Column("comparator", ("目标表述", "Target wording"),
               lambda row, lang, titles: i18n.comparator_word(row.get("comparator"), lang)),
        Column("target_value", ("目标值", "Target"), _number("target_value"), number=True),
        Column("target_unit", ("目标单位", "Target unit"), _unit("target_unit")),
        Column("actual_value", ("实际值", "Actual"), _number("actual_value"), number=True),
        Column("actual_unit", ("实际单位", "Actual unit"), _unit("actual_unit")),
        Column("gap", ("差距", "Gap"), _rounded("gap", display.gap_decimals), number=True),
        Column("gap_unit", ("差距单位", "Gap unit"), _unit("gap_unit")),
        Column("status", ("完成情况", "Status"), lambda row, lang, titles: i18n.status_label(str(row["status"]), lang)),
        Column("target_source", ("目标来源", "Target source"), _titles("target_source")),
        Column("actual_sources", ("实际来源", "Actual source"), _titles("actual_sources")),
    ),
    "progress": (
        _REGION, _INDICATOR,
        Column("base_year", ("基年", "Base year"), _year("base_year")),
        Column("base_std", ("基年数值", "Base-year value"), _number("base_std"), number=True),
        Column("indicator_unit", ("基年数值单位", "Base-year unit"), _unit("indicator_unit")),
        Column("latest_year", ("最新年份", "Latest year"), _year("latest_year")),
        Column("latest_bound", ("最新值表述", "Latest value wording"),
               lambda row, lang, titles: i18n.comparator_word(row.get("latest_bound"), lang)),
        Column("latest_value", ("最新值", "Latest value"), _number("latest_value"), number=True),
        Column("latest_unit", ("最新值单位", "Latest value unit"), _unit("latest_unit")),
        Column("comparator", ("目标表述", "Target wording"),
               lambda row, lang, titles: i18n.comparator_word(row.get("comparator"), lang)),
        Column("target_year", ("目标年份", "Target year"), _year("target_year")),
        Column("target_value", ("规划目标", "Plan target"), _number("target_value"), number=True),
        Column("target_unit", ("目标单位", "Target unit"), _unit("target_unit")),
        Column("status", ("完成情况", "Status"), lambda row, lang, titles: score_status(row, lang)),
        Column("gap", ("差距", "Gap"), _rounded("gap", lambda row: 1), number=True),
        Column("required_per_year", ("所需年均变化", "Required per year"),
               _rounded("required_per_year", lambda row: display.per_year_decimals(str(row.get("change_unit")))), number=True),
        Column("achieved_per_year", ("已实现年均变化", "Achieved per year"),
               _rounded("achieved_per_year", lambda row: display.per_year_decimals(str(row.get("change_unit")))), number=True),
        Column("change_unit", ("变化单位", "Change unit"), _unit("change_unit")),
        Column("target_source", ("目标来源", "Target source"), _titles("target_source")),
    ),
    "sources": (
        Column("title", ("标题", "Title"), lambda row, lang, titles: title_as_published(row) or None),
        Column("publisher", ("发布单位", "Publisher"), _get("publisher")),
        Column("type", ("类型", "Type"), lambda row, lang, titles: i18n.source_type_label(str(row.get("type")), lang)),
        Column("date", ("日期", "Date"), lambda row, lang, titles: i18n.source_date(row) or None),
        Column("provenance", ("来源性质", "Provenance"), lambda row, lang, titles: i18n.provenance_label(str(row.get("provenance")), lang)),
        Column("url", ("链接", "URL"), _get("url")),
        Column("reposted_by", ("转载网站", "Reposted by"), _get("reposted_by")),
    ),
}
"""The columns of each downloadable table, in order."""


def source_titles(sources: pd.DataFrame | None) -> dict[str, str]:
    """Source id -> its title as a citation names it."""
    if sources is None or sources.empty:
        return {}
    return {str(row["id"]): title_as_published(row) or str(row["id"]) for row in sources.to_dict("records")}


def sheet_frame(raw: pd.DataFrame, kind: str, lang: str, sources: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[bool]]:
    """The download's table (headers in ``lang``) and, per column, whether it holds numbers."""
    columns = SHEET_COLUMNS[kind]
    titles = source_titles(sources)
    records = raw.to_dict("records")
    data = {i18n.pick(column.header, lang): pd.Series([_clean(column.value(row, lang, titles)) for row in records],
                                                               dtype=object)
            for column in columns}
    return pd.DataFrame(data, columns=list(data)), [column.number for column in columns]


def _clean(value: Any) -> Any:
    """No cell reads "None", "nan" or "" for a missing value: it is empty."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "None", "nan", "NaN", "<NA>")):
        return None
    if isinstance(value, float) and value != value:
        return None
    return value
