"""Who a figure is about: the phrase before it, the lists it is part of, names for new indicators.

The subject is the clause text before a number without the cue words at its end (分别, 累计,
达到, growth words) and the filler at its start (全年, 我市, 力争). Figures joined by 、 和 及
form a list, and a list of subjects (工业投资、高新技术产业投资) is split in order over them.
"""

from __future__ import annotations

import re

from metrics.importer.cues import GROWTH
from metrics.importer.mentions import Mention
from metrics.importer.regions import RegionFinder

CLAUSE_BREAK = re.compile(r"[,,::]")
_LIST_JOIN = re.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
FILLER = re.compile(r"^(?:其中|全年|全市|全区|全县|我市|我区|我县|今年|去年|当年|同时|此外|并|且|分别|力争|确保|争取|预计|实现|完成|达到)+")
VERBS = re.compile(r"^(?:新增|新建改建|新改扩建|新建|新开工|新培育|新引进|新推广应用|建成|培育|引进|实施|完成|推进|开展|创建|建设|净增|改造|"
                   r"整治提升|整治|淘汰关停|淘汰|盘活|消化|推广|集聚|打造|创成|新创建)")


def clause_start(sentence: str, before: int) -> int:
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, before)]
    return breaks[-1] if breaks else 0


def subject_of(phrase: str) -> str:
    """The phrase without the cue words at its end and the filler at its start."""
    subject = phrase
    for _ in range(4):
        trimmed = re.sub(r"(?:分别|累计|年均|平均|由|从|比\d{4}年|较\d{4}年|约|均|共|达到|达|实现|完成|为|突破|超过|超越|超|逾|控制在|"
                         r"不低于|不超过|提高到|提升到|增加到|提高|增加|上升|回升|降至|保持在|保持|继续)$", "", subject)
        trimmed = re.sub(GROWTH.pattern + "(?:了)?$", "", trimmed)
        if trimmed == subject:
            break
        subject = trimmed
    return FILLER.sub("", subject).strip(" 、,“”")


def without_region(subject: str, regions: RegionFinder) -> str:
    named = regions.prefix(subject)
    return subject[len(named):] if named else subject


def lists(sentence: str, mentions: list[Mention]) -> list[tuple[int, int, int]]:
    """For each figure: the first figure of its list (values joined by 、 和 及), its position and the list's size."""
    heads: list[int] = []
    for number in range(len(mentions)):
        joined = number > 0 and _LIST_JOIN.match(sentence[mentions[number - 1].end:mentions[number].start])
        heads.append(heads[-1] if joined else number)
    sizes = {head: heads.count(head) for head in set(heads)}
    return [(head, number - head, sizes[head]) for number, head in enumerate(heads)]


def split_subjects(subject: str, size: int) -> list[str] | None:
    """工业投资、高新技术产业投资 -> two; 城乡居民收入 -> 城镇居民收入, 农村居民收入; 数字经济核心产业、
    战略性新兴产业增加值 -> the last item's measure (增加值) added to the first."""
    body = re.sub(r"分别.*$", "", subject)
    if size == 2 and body.startswith("城乡"):
        return ["城镇" + body[2:], "农村" + body[2:]]
    if size == 3 and body.startswith("三次产业"):
        return [f"第{n}产业" + body[4:] for n in "一二三"]
    items = [item for item in re.split(r"、|和|及|与", body) if item]
    if len(items) != size:
        return None
    last = items[-1]
    items = [item + last[len(item):] if len(item) <= 3 < len(last) else item for item in items[:-1]] + [last]
    measure = re.search(r"(增加值|投资|收入|总额|产值|营业收入|吞吐量|贷款|存款|销售额)$", last)
    if measure:
        items = [item if item.endswith(measure.group()) else item + measure.group() for item in items]
    return items


def proposed_name(subject: str, growth: bool) -> str:
    name = re.sub(r"^.*?(?:,|,|、)", "", subject)[-24:].strip(" 、,“”")
    if len(name) < 2 or re.fullmatch(r"[\d.%\s]+", name):
        return ""
    return name + ("增长" if growth and not name.endswith(("增长", "增速")) else "")


_CATEGORY_WORDS = [("port", "港|吞吐|集装箱"), ("fiscal", "财政|税收|预算"), ("trade", "出口|进口|外贸|进出口"),
                   ("income", "可支配收入|居民收入|工资"), ("labour", "就业|失业|人才|技能"),
                   ("innovation", "研发|专利|高新|科技|创新|孵化"), ("investment", "投资|外资|内资|项目"),
                   ("consumption", "消费|零售"), ("output", "生产总值|增加值|产值|工业|GDP"), ("environment", "绿|生态|污染|能耗|排放"),
                   ("finance", "贷款|存款|上市|融资")]


def proposed_indicator(indicator_id: str, name: str, unit: str, source: str) -> dict:
    category = next((cat for cat, words in _CATEGORY_WORDS if re.search(words, name)), "enterprises")
    direction = "lower" if re.search(r"失业|能耗|排放|事故|PM|下降", name) else "higher"
    return {"id": indicator_id, "name_zh": name, "name_en": name, "unit": unit, "category": category, "direction": direction,
            "description_zh": f"导入时提议的新指标(原文:{name}),请审核名称、单位与类别。",
            "description_en": f"Proposed by the importer from {source or 'a new report'}; review its English name, unit and category."}
