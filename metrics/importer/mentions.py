"""Numbers with their units in a sentence, in digits or in Chinese numerals.

A mention is the value as written (7 for 7%, 1.7 for 1.7万亿元, 700 for 七百亿元), the unit as
the dataset writes it (个百分点 -> 百分点), the span of the text, and for a Chinese numeral the
numeral span (``written``) the dataset's provenance check reads. Only the numeral span goes to
cn2an: converting a whole sentence would expand 亿 into digits and change the unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from metrics.importer.genre import load_genre
from metrics.load import units
from metrics.load.numerals import parse_chinese_number

# Longest first, so 万亿元 wins over 亿元 and 万标箱 over 标箱.
_UNIT_WORDS = sorted({*units.UNITS, "个百分点"} - {"倍", "岁", "天", "张", "微克/立方米"} | {"倍"}, key=len, reverse=True)
_UNIT_ALIASES = {"个百分点": "百分点"}
_NUMBER = r"(?<![\d.])-?\d+(?:,\d{3})*(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUMBER = rf"[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?"
_UNIT_RE = "|".join(re.escape(u) for u in _UNIT_WORDS)
_RANGE_SEP = r"(?:%?\s*[—–~～至到-]{1,2}\s*)"

MENTION = re.compile(
    rf"(?P<range>{_NUMBER}{_RANGE_SEP})?(?P<num>{_NUMBER})(?P<more>多|余)?(?P<mag>万亿|亿|万)?(?P<more2>多|余)?(?P<unit>{_UNIT_RE})"
    rf"|(?P<ratio>{_NUMBER}):1(?![\d.])"
    rf"|(?P<wan>{_NUMBER})(?P<wmore>多|余)?(?P<wmag>万|亿)(?P<wmore2>多|余)?(?=$|[^\u4e00-\u9fff]|以上|左右|以内|(?:农村|农业|贫困|城镇|常住|户籍|转移)?人)"
    rf"|(?P<cn>{_CN_NUMBER})?(?P<cnunit>(?:{_UNIT_RE})|(?:万亿|亿|万)(?:元|美元)?)"
)
BARE_WAN = "万"
"""The unit of a number followed by 万 and no unit word: the indicator's unit says of what."""
_PLAN_NAMES = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?")
_NOT_A_NUMBER_AFTER = ("年", "月", "日", "号", "季度", "岁")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: float
    unit: str
    text: str
    written: str | None = None
    range_low: float | None = None
    more: bool = False
    """多 or 余 after the number (620多万套): more than the value."""


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _cn_value(numeral: str, unit_word: str) -> tuple[float, str, str] | None:
    """七百 + 亿元 -> (700, 亿元, 七百亿); 万亿 (no numeral) -> (1, 万亿元, 万亿)."""
    magnitude = next((m for m in ("万亿", "亿", "万") if unit_word.startswith(m)), "")
    rest = unit_word[len(magnitude):]
    if magnitude and not rest:
        rest = "元"  # 突破万亿(门槛), 超越七百亿: money unless said otherwise
    unit = _UNIT_ALIASES.get(magnitude + rest, magnitude + rest)
    if not units.is_known(unit):
        return None
    if not numeral:
        if not magnitude:
            return None
        return 1.0, unit, magnitude
    try:
        value = float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, TypeError):
        try:  # cn2an refuses a bare 千 or 百; the project's own reader takes them
            value = parse_chinese_number(numeral)
        except ValueError:
            return None
    return value, unit, numeral + magnitude


def find_mentions(sentence: str) -> list[Mention]:
    """Every number with a unit in ``sentence``, in order; years, dates and plan names are not numbers."""
    found: list[Mention] = []
    masked = load_genre().masked(_PLAN_NAMES.sub(lambda m: "□" * len(m.group()), sentence))
    for match in MENTION.finditer(masked):
        if match.group("num") is not None:
            unit = _UNIT_ALIASES.get(match.group("unit"), match.group("unit"))
            if match.group("mag"):
                unit = match.group("mag") + unit
                if not units.is_known(unit):
                    continue
            if sentence[match.end():match.end() + 2].startswith(_NOT_A_NUMBER_AFTER):
                continue
            low = match.group("range")
            low_number = re.match(_NUMBER, low) if low else None  # the range group starts with a number
            range_low = _number(low_number.group()) if low_number else None
            start = match.start("num") if range_low is None else match.start()
            found.append(Mention(start, match.end(), _number(match.group("num")), unit, sentence[start:match.end()],
                                 range_low=range_low, more=bool(match.group("more") or match.group("more2"))))
        elif match.group("wan") is not None:  # 日活跃用户达到20万: ten thousands of what the indicator counts
            more = bool(match.group("wmore") or match.group("wmore2"))
            people = re.match(r"(?:农村|农业|贫困|城镇|常住|户籍|转移)*人", sentence[match.end():]) or \
                re.search(r"人口[^,。;]{0,8}$", sentence[:match.start()])
            magnitude = match.group("wmag")
            if people:  # 贫困人口减少1386万, 8000多万农业转移人口: people, in 万 or 亿
                found.append(Mention(match.start(), match.end(), _number(match.group("wan")), magnitude + "人", match.group(), more=more))
            elif magnitude == "万":
                found.append(Mention(match.start(), match.end(), _number(match.group("wan")), BARE_WAN, match.group(), more=more))
        elif match.group("ratio") is not None:
            found.append(Mention(match.start(), match.end(), _number(match.group("ratio")), "倍", match.group()))
        else:
            numeral = match.group("cn") or ""
            unit_word = match.group("cnunit")
            if not numeral and unit_word not in ("万亿", "万亿元"):
                continue  # a bare 家 or 个 is not a number; a bare 万亿 is (突破万亿)
            if numeral and match.start() > 0 and re.match(r"\d", sentence[match.start() - 1]):
                continue
            if numeral and match.start() > 0 and sentence[match.start() - 1] in "几数":
                continue  # 几千万人, 数十万: a rough size, not a figure
            if numeral in ("十", "百", "千") and not unit_word.startswith(("万", "亿")):
                continue  # 十项, 百个: idioms far more often than counts
            if unit_word in ("万", "亿", "万亿") and (sentence[match.end():match.end() + 1] == "级"
                                                     or re.search(r"[个家项条](?:以上)?$", sentence[:match.start()])):
                continue  # 千亿级产业, 30个百亿项目: a class of what is counted, not an amount
            read = _cn_value(numeral, unit_word)
            if read is None:
                continue
            value, unit, written = read
            found.append(Mention(match.start(), match.end(), value, unit, match.group(), written=written))
    return found
