"""Targets with no number: 一般公共预算收入增长与经济增长基本同步, 粮食播种面积保持稳定, 服务业增加值增长快于经济增长."""

from __future__ import annotations

import re

from metrics.importer.context import Context
from metrics.importer.drafts import Draft
from metrics.importer.subjects import FILLER, clause_start, split_subjects
from metrics.importer.synonyms import IndicatorIndex

_QUALITATIVE = re.compile(r"(?:与经济增长(?:基本)?(?:保持)?(?:基本)?同步|(?:快于|高于)(?:经济|GDP|地区生产总值)增长|保持同步|保持稳定|稳中有升|"
                          r"稳步提高|持续提高|(?:稳步|稳定|平稳|较快|持续)增长)")
_GROWTH_CUE = re.compile(r"同步|增长")
_NUMBER = re.compile(r"\d")


def qualitative_drafts(sentence: str, context: Context, region: str, source: str, index: IndicatorIndex) -> list[Draft]:
    """One draft per clause with a qualitative cue and no number: 城乡居民收入与经济增长保持同步 is about growth."""
    drafts = []
    for match in _QUALITATIVE.finditer(sentence):
        clause = sentence[clause_start(sentence, match.start()):match.start()]
        if _NUMBER.search(clause):
            continue
        head = FILLER.sub("", clause)
        growth = "增长" in head or bool(_GROWTH_CUE.search(match.group()))
        items = re.split(r"、|和", re.sub(r"增长$", "", head))
        names: list[str] = []
        for item in items:
            pair = split_subjects(item, 2) if item.startswith("城乡") else None  # 城乡X always splits in two
            names += pair if pair is not None else [item]
        for name in names:
            matched = index.match(name + "增长", "%") if growth else index.match(name, index_unit_any(index, name))
            if not matched:
                continue
            row = index.by_id[matched.indicator]
            quote = sentence[clause_start(sentence, match.start()):match.end()].strip()
            drafts.append(Draft(region=region, indicator=row["id"], indicator_zh=row["name_zh"], year=context.year, period="annual",
                                kind="target", comparator="qualitative", value=None, unit=row["unit"], quote=quote,
                                sentence=sentence.strip(), confidence=0.6, reason=f"matched {matched.phrase}; qualitative target "
                                f"({match.group()}); target from {context.cue}", source=source))
    return drafts


def index_unit_any(index: IndicatorIndex, name: str) -> str:
    """The unit of the indicator a name matches best, ignoring units (for a target with no number)."""
    for phrase, indicator in index.names:
        if phrase in name:
            return index.by_id[indicator]["unit"]
    return "%"
