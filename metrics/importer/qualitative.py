"""Targets with no number: 一般公共预算收入增长与经济增长基本同步, 粮食播种面积保持稳定, 服务业增加值增长快于经济增长.

The wordings are data (``qualitative`` in ``data/importer.yaml``). In the paragraph of the year's
main targets every one is drafted, as a new indicator when no name of the dataset fits (国际收支
基本平衡); elsewhere only those about an indicator of the dataset."""

from __future__ import annotations

import hashlib
import re

from metrics.importer.context import Context
from metrics.importer.drafts import Draft
from metrics.importer.genre import load_genre
from metrics.importer.subjects import FILLER, clause_start, proposed_indicator, split_subjects
from metrics.importer.synonyms import IndicatorIndex

_GROWTH_CUE = re.compile(r"同步|增长")
_NUMBER = re.compile(r"\d")


def qualitative_drafts(sentence: str, context: Context, region: str, source: str, index: IndicatorIndex) -> list[Draft]:
    """One draft per clause with a qualitative cue and no number: 城乡居民收入与经济增长保持同步 is about growth."""
    drafts = []
    for match in load_genre().qualitative.finditer(sentence):
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
                if context.main_targets and 2 <= len(name) <= 16 and not re.search(r"[,:;]", name):
                    drafts.append(_new_indicator(name, match.group(), sentence, context, region, source))
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


def _new_indicator(name: str, wording: str, sentence: str, context: Context, region: str, source: str) -> Draft:
    """A qualitative target of the main targets about no indicator of the dataset: a new one, named as written."""
    name = re.sub(r"(?:保持|继续|进一步|持续|要)$", "", name)
    indicator_id = "proposed-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    quote = sentence[sentence.find(name):sentence.find(wording, sentence.find(name)) + len(wording)].strip()
    return Draft(region=region, indicator=indicator_id, indicator_zh=name, year=context.year, period="annual", kind="target",
                 comparator="qualitative", value=None, unit="%", quote=quote, sentence=sentence.strip(), confidence=0.5,
                 reason=f"qualitative target ({wording}) of the main targets; no indicator of the dataset matches: proposed "
                        f"new indicator (its unit is a placeholder); target from {context.cue}",
                 source=source, proposed_indicator=proposed_indicator(indicator_id, name, "%", source))
