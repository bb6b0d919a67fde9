"""Who a figure is about: the phrase before it, the lists it is part of, names for new indicators.

The subject is the clause text before a number without the cue words at its end (分别, 累计,
达到, growth words) and the filler at its start (全年, 我市, 力争). Figures joined by 、 和 及
form a list, and a list of subjects (工业投资、高新技术产业投资) is split in order over them. A
count can come before its noun (新增3个国家级平台), and a count can name its indicator with
another verb or an added level (培育X for 新增X, 市级以上孵化器 for 孵化器).
"""

from __future__ import annotations

import re

from metrics.importer.cues import BASE, GROWTH, TO
from metrics.importer.mentions import Mention
from metrics.importer.regions import RegionFinder
from metrics.importer.synonyms import IndicatorIndex, Match

CLAUSE_BREAK = re.compile(r"[,,::]")
_LIST_JOIN = re.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
FILLER = re.compile(r"^(?:其中|但|而|也|还|又|全年|全市|全区|全县|我市|我区|我县|今年|去年|当年|同时|此外|并|且|分别|力争|确保|争取|预计|实现|完成|达到|拟安排|拟|安排|"
                    r"五年来|过去五年|“?十[一二三四五六七八九]五”?(?:时期|期间)?)+")
VERBS = re.compile(r"^(?:新增|新建改建|新改扩建|新改建|新建|新开工|新培育|新引进|新推广应用|建成|培育|引进|实施|完成|推进|开展|创建|建设|净增|改造|"
                   r"整治提升|整治|淘汰关停|淘汰|盘活|消化|推广|集聚|打造|创成|新创建)")
_TIME_ONLY = re.compile(r"(?:近|过去|前)?(?:[一两二三四五六七八九十]年|全年|今年|上年|去年)(?:来|以来|平均|间)?")
_ADVERBS = re.compile(r"^(?:力争|加快|积极|大力|着力|全力|持续|深入|扎实|有序|累计|共|再)+")
_LEVEL = re.compile(r"(?:国家|省|市|县|区|宁波|浙江)级(?:以上)?")


def clause_start(sentence: str, before: int) -> int:
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, before)]
    return breaks[-1] if breaks else 0


def subject_of(phrase: str) -> str:
    """The phrase without the cue words at its end and the filler at its start."""
    subject = phrase
    for _ in range(4):
        trimmed = re.sub(r"(?:分别|累计|年均|平均|由|从|约|均|共|各|达到|达|实现|完成|为|突破|超过|超越|超|逾|控制在|"
                         r"不低于|不超过|提高|增加|上升|回升|保持在|保持|继续|稳定在|拟按|接近|近|(?:从|由)(?:人均|去年的|上年的))$", "", subject)
        trimmed = re.sub(BASE.pattern + "$|" + TO.pattern, "", trimmed)
        trimmed = re.sub(GROWTH.pattern + "(?:了)?$", "", trimmed)
        if trimmed == subject:
            break
        subject = trimmed
    return re.sub(r"^(?:和|及|与|以及)", "", FILLER.sub("", subject)).strip(" 、,“”")


def is_time_only(subject: str) -> bool:
    """两年, 全年, 五年来: a span, not a subject (两年平均增速为5.7% is about the figure before)."""
    return bool(_TIME_ONLY.fullmatch(subject))


def is_verb_only(subject: str) -> bool:
    """建成, 加快推进, 力争新增 (or nothing): the counted noun comes after the number."""
    rest = _ADVERBS.sub("", subject)
    return not rest or bool(VERBS.fullmatch(rest))


def noun_after(sentence: str, end: int, limit: int) -> tuple[str, int]:
    """The noun a count comes before (新增3个国家级平台; 30个以上百亿重大项目; 60%以上的小区) and where it ends.
    Quotes are kept whole; a clause break, 、 or a 和 before the next figure ends it."""
    lead = re.match(r"(?:以上|左右|多|余)?的?", sentence[end:limit])  # all optional: it always matches
    position = end + (len(lead.group()) if lead else 0)
    depth, stop = 0, position
    while stop < limit:
        ch = sentence[stop]
        depth += (ch in "“《(（") - (ch in "”》)）")
        if depth <= 0 and ch in ",,。;;::、!?!?":
            break
        stop += 1
    noun = sentence[position:stop]
    cut = re.search(r"(?:和|及|与)$|(?:成为|达到|实现|完成|线上办理|纳入|覆盖)", noun)
    if cut:
        noun, stop = noun[:cut.start()], position + cut.start()
    noun = re.sub(r"的?(?:建设|工作)$", "", noun)
    return (noun, stop) if len(noun) >= 2 and re.match(r"[\u4e00-\u9fff“]", noun) else ("", end)


def shared_noun(noun: str, later: str) -> str:
    """10个省级和10个市级美丽城镇样板: the first noun is only a level, the noun is the later one's."""
    if _LEVEL.fullmatch(noun) and later:
        return noun + _LEVEL.sub("", later, count=1)
    return noun


def item_candidates(subject: str) -> list[list[str]] | None:
    """A、B with one figure (A、B下降20%; A和B各2万套): each item, completed from the others:
    新改建和盘活租赁住房 -> 新改建租赁住房; 盘活A、B -> 盘活B; 生产安全事故起数、死亡人数 -> 生产安全事故死亡人数."""
    items = [item for item in re.split(r"、|和|及|与", subject) if item]
    if len(items) < 2:
        return None
    first, last = items[0], items[-1]
    verb = VERBS.match(first)
    last_verb = VERBS.match(last)
    out = []
    for item in items:
        options = [item]
        if is_verb_only(item) and last_verb:
            options.insert(0, item + last[last_verb.end():])
        elif verb and not VERBS.match(item):
            options.append(verb.group() + item)
        if item is not first:
            options += [first[:k] + item for k in range(len(first) - 1, 1, -1)]
        out.append(options)
    return out


_CORES: dict[int, dict[str, tuple[str, str]]] = {}


def _core(name: str) -> str:
    core = re.sub(r"[“”\"()]", "", _ADVERBS.sub("", name))
    verb = VERBS.match(core)
    return re.sub(r"(?:企业|建设)$", "", core[verb.end():] if verb else core)


def core_match(index: IndicatorIndex, subject: str, unit: str) -> Match | None:
    """A count named with another verb or a level added: 培育X / 建设X for 新增X / 新建X, 新增市级以上孵化器 for
    新增孵化器. The nouns must be equal once the verb (and, if the indicator names none, the level) is gone."""
    cores = _CORES.get(id(index))
    if cores is None:
        cores = _CORES[id(index)] = {}
        for phrase, indicator in reversed(index.names):
            cores[_core(phrase)] = (phrase, indicator)
    core = _core(subject)
    flow = bool(VERBS.match(_ADVERBS.sub("", subject)))
    for option in dict.fromkeys((core, _LEVEL.sub("", core))):
        hit = cores.get(option)  # a flow (新增X) is never a stock (X达到12家): a verb on both sides or on neither
        if hit and len(option) >= 2 and index.unit_fits(hit[1], unit) and flow == bool(VERBS.match(hit[0])):
            return Match(hit[1], hit[0], -1)  # start -1: matched by the noun, not found in the text
    return None


def find_indicator(index: IndicatorIndex, cand: str, *, unit: str, phrase: str, growth: bool, change: bool, negative: bool) -> Match | None:
    """The indicator a candidate subject names for a figure in ``unit``."""
    text = cand + ("增长" if growth and not re.search(r"增长|增速|增幅|涨幅|下降", cand) else "")
    for option in dict.fromkeys((text, re.sub(r"增速|增幅", "增长", text))):  # 增幅高于…: the name as written first
        found = index.match(option, unit) or (index.match(option, unit, change=True) if change else None)
        if found is None and negative:  # 事故起数下降20%: the indicator of the reduction
            found = index.match(re.sub(r"(?:增长|下降)$", "", option) + "下降幅度", unit)
        if found:
            return found
    if growth:
        return index.match(cand, unit) or index.match(phrase, unit) or index.growth_of(cand)
    return core_match(index, cand, unit)


def owned_subject(sentence: str, clause: int, subject: str, phrase: str, earlier: list[tuple[str, int]]) -> str:
    """A share or a pull named with whose it is: 出口额跻身第5位,占全国比重… -> 出口额占全国比重 (the previous
    clause's noun); 产业链增加值增长15.5%,拉动工业增长6.1个百分点 -> 产业链拉动工业增长 (the figure before's
    subject without its measure)."""
    if subject.startswith("占") and clause > 1:
        before = sentence[clause_start(sentence, clause - 1):clause - 1]
        return re.split(r"\d|跻身|位居|居|达到|达|实现|完成|增长|突破|超过|为|是", FILLER.sub("", before))[0] + subject
    if subject.startswith(("拉动", "带动")) and earlier:
        return re.sub(r"(?:增加值|产值|营业收入|投资|销售额)?(?:同比|比上年)?(?:增长|增速)?$", "", earlier[-1][0]) + phrase.strip()
    return ""


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
    # No English name can be made up from the Chinese one: a placeholder that says so, never the Chinese name.
    name_en = f"New indicator {indicator_id.removeprefix('proposed-')} (English name to be given)"
    return {"id": indicator_id, "name_zh": name, "name_en": name_en, "unit": unit, "category": category, "direction": direction,
            "description_zh": f"导入时提议的新指标(原文:{name}),请审核名称、单位与类别。",
            "description_en": f"Proposed by the importer from {source or 'a new report'}; review its English name, unit and category."}
