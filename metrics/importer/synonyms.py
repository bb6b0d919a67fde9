"""The synonym list kept in the data (``data/synonyms.yaml``) and the index of indicator names.

The index maps every phrase that names an indicator (its ``name_zh``, and the synonyms) to its
id. Matching a phrase from a report picks the longest name the phrase contains whose unit
fits the number's unit, so 进出口总额 wins over 出口 and 地区生产总值增长 over 地区生产总值.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from metrics.load import units

DEFAULT_SYNONYMS = Path(__file__).resolve().parents[2] / "data" / "synonyms.yaml"


class SynonymError(ValueError):
    """The synonym file is not valid; the message names the entry."""


def read_synonyms(path: Path, indicator_ids: set[str]) -> dict[str, str]:
    """phrase -> indicator id; every problem at once as one SynonymError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {"synonyms": []}
    except (OSError, yaml.YAMLError) as exc:
        raise SynonymError(f"{path}: cannot be read as YAML ({exc}).") from None
    entries = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SynonymError(f"{path}: expected a mapping with a list 'synonyms'.")
    problems: list[str] = []
    phrases: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) != {"indicator", "phrases"}:
            problems.append(f"entry #{number}: needs exactly the keys 'indicator' and 'phrases'")
            continue
        indicator, listed = entry["indicator"], entry["phrases"]
        if indicator not in indicator_ids:
            problems.append(f"entry #{number}: {indicator!r} is not an indicator id of the dataset")
        if not isinstance(listed, list) or not listed or not all(isinstance(p, str) and p.strip() for p in listed):
            problems.append(f"entry #{number} ({indicator}): 'phrases' must be a non-empty list of text")
            continue
        for phrase in listed:
            if phrases.get(phrase, indicator) != indicator:
                problems.append(f"entry #{number}: the phrase {phrase!r} already names {phrases[phrase]!r}")
            phrases[phrase] = indicator
    if problems:
        raise SynonymError(f"{path}: " + "; ".join(problems) + ".")
    return phrases


@dataclass(frozen=True)
class Match:
    indicator: str
    phrase: str
    start: int
    """Where the matched phrase starts in the searched text."""


class IndicatorIndex:
    """Every name of every indicator, with the unit each is measured in."""

    def __init__(self, indicators: list[dict], synonyms: dict[str, str]):
        self.by_id = {i["id"]: i for i in indicators}
        names: dict[str, str] = {}
        for indicator in indicators:
            names[_squash(indicator["name_zh"])] = indicator["id"]
        for phrase, indicator_id in synonyms.items():
            names.setdefault(_squash(phrase), indicator_id)
        self.names = sorted(names.items(), key=lambda item: -len(item[0]))
        by_name = {i["name_zh"]: i["id"] for i in indicators}
        ids = set(self.by_id)
        self._growth = {i["id"]: by_name.get(i["name_zh"] + "增长") or (i["id"] + "_growth" if i["id"] + "_growth" in ids else None)
                        for i in indicators}

    def match(self, text: str, unit: str, change: bool = False) -> Match | None:
        """The longest name in ``text`` whose indicator ``unit`` fits; the later one on a tie."""
        squashed, where = _squash_with_positions(text)
        best: Match | None = None
        for name, indicator in self.names:
            if best is not None and len(name) < len(best.phrase):
                break
            position = squashed.rfind(name)
            if position < 0 or not self.unit_fits(indicator, unit, change) or not head_of(squashed[position + len(name):]):
                continue
            if self._other_qualifier(indicator, name, squashed[:position]):
                continue
            if best is None or position > best.start:
                best = Match(indicator, name, position)
        if best is None:
            return None
        return Match(best.indicator, best.phrase, where[best.start])

    def _other_qualifier(self, indicator: str, name: str, before: str) -> bool:
        """户籍人口城镇化率 is not 常住人口城镇化率 although 城镇化率 names it: the text qualifies the name with
        another word of the same kind (…人口, …居民) than the indicator's own name does."""
        own = _squash(self.by_id[indicator]["name_zh"])
        if name == own or not own.endswith(name) or len(own) - len(name) < 2:
            return False
        qualifier = own[:-len(name)]
        return before.endswith(qualifier[-2:]) and not before.endswith(qualifier)

    def growth_of(self, text: str) -> Match | None:
        """The growth indicator of the level a phrase names: 货物吞吐量 -> 港口货物吞吐量增长."""
        squashed = _squash(text)
        for name, indicator in self.names:
            if name in squashed and self.by_id[indicator]["unit"] != "%" and head_of(squashed[squashed.rfind(name) + len(name):]):
                growth = self._growth.get(indicator)
                if growth:
                    return Match(growth, name, 0)
        return None

    def unit_fits(self, indicator: str, unit: str, change: bool = False) -> bool:
        want = self.by_id[indicator]["unit"]
        if unit == "万":  # a bare 万 (20万): any count in ten thousands (万人, 万户), never money
            return want.startswith("万") and units.is_known(want) and not want.endswith("元")
        if change:
            return units.CHANGE_UNIT.get(want) == unit
        if unit == "百分点" and want != "百分点":
            return False
        return units.convertible(unit, want) or (unit in ("个", "家", "项") and want in ("个", "家", "项"))


_TAIL = re.compile(r"(?:实际|名义|总额|总量|规模|的|年均|平均|同比|比上年|比去年|增长|增速|增幅|涨幅|上涨|下降|额|值|率|人员|人数)*")


def head_of(rest: str) -> bool:
    """Whether a name is the head of the phrase it was found in: only cue words may follow it. 消费对经济增长的
    贡献率 is a contribution, not 经济增长; 单位国内生产总值能耗 an energy intensity, not 生产总值."""
    tail = _TAIL.match(rest)  # it matches the empty string, so never None
    rest = rest[tail.end():] if tail else rest
    return not re.search(r"[\u4e00-\u9fffA-Za-z]", re.sub(r"^(?:由|从).*$", "", rest))  # 增速由一季度的-7%: the start


_IGNORED = re.compile(r"[“”\"'‘’《》〈〉()()\s]")


def _squash_with_positions(text: str) -> tuple[str, list[int]]:
    kept = [(i, ch) for i, ch in enumerate(text) if not _IGNORED.match(ch)]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _squash(text: str) -> str:
    """Quotes and brackets do not change a name: “小巨人” and 小巨人 are the same phrase."""
    return _IGNORED.sub("", text)
