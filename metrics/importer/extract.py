"""Draft records from a normalised report, sentence by sentence.

For each number with a unit: the indicator is the longest dataset name (or synonym) in the
phrase before it whose unit fits; growth words (增长, 增速, 下降) select the growth indicator
and 下降 makes the value negative; 分别 lists are split in order over the listed subjects (or
the figures just named); 由X提高到Y gives a start and an end value; 年均 a period average and
累计 / 五年 a total over the span the section or paragraph sets; 以上/以内/左右/突破/达到 the
comparator. What a rule could not settle lowers the confidence and is said in ``reason``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from metrics.importer.context import HEADING, Context, Tracker, plan_span
from metrics.importer.drafts import Draft
from metrics.importer.mentions import Mention, find_mentions
from metrics.importer.regions import RegionFinder
from metrics.importer.synonyms import IndicatorIndex

_SENTENCE = re.compile(r"[^。!?;!?;\n]+[。!?;!?;]?")
_PARAGRAPH = re.compile(r"\n+|(?<=[^\x00-\x7f]) +(?=\S)|(?<=[。!?;”)]) +")
_CLAUSE_BREAK = re.compile(r"[,,::]")
_LIST_JOIN = re.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
_GROWTH = re.compile(r"(?:比上年|比去年|较上年|同比|按可比价格计算,?|年均|平均)?(?:增长|增速|增幅|下降|回落|减少|降低|上涨|涨幅)")
_NEGATIVE = re.compile(r"(?:下降|回落|减少|降低)(?:了)?(?:为|到)?$")
_CHANGE = re.compile(r"(?:提高|增加|上升|下降|降低|回升|收窄|扩大|减少)(?:了)?$")
_TO = re.compile(r"(?:提高|提升|增加|上升|扩大|缩小|下降|降低|减少|增长)(?:到|至)$|降至$|升至$")
_FROM = re.compile(r"(?:由|从)(?:不足|约|近)?$")
_PREFIX_COMPARATOR = [(re.compile(r"(?:突破|超过|超越|超|逾|高于)$"), "above"), (re.compile(r"不低于$"), "at_least"),
                      (re.compile(r"(?:控制在|不超过|不高于)$"), "at_most"), (re.compile(r"约$"), "about"),
                      (re.compile(r"(?:达到|达|实现|完成|提高到|提升到|增加到|增长到|为)$"), "reach")]
_SUFFIX_COMPARATOR = [("以上", "at_least"), ("以内", "at_most"), ("以下", "at_most"), ("左右", "about"), ("上下", "about")]
_FILLER = re.compile(r"^(?:其中|全年|全市|全区|全县|我市|我区|我县|今年|去年|当年|同时|此外|并|且|分别|力争|确保|争取|预计|实现|完成|达到)+")
_VERBS = re.compile(r"^(?:新增|新建改建|新改扩建|新建|新开工|新培育|新引进|新推广应用|建成|培育|引进|实施|完成|推进|开展|创建|建设|净增|改造|整治提升|整治|淘汰关停|淘汰|盘活|消化|推广|集聚|打造|创成|新创建)")
_QUALITATIVE = re.compile(r"(?:与经济增长(?:基本)?同步|保持同步|保持稳定|稳中有升|稳步提高|持续提高)")
_SINGLE_QUARTER = re.compile(r"[二三四]季度(?:的)?$")
_PERIODS = [(re.compile(r"前三季度|1[-—~～]9月|1至9月|(?<!\d)19月"), "Q1-Q3"), (re.compile(r"上半年|1[-—~～]6月|1至6月"), "H1"),
            (re.compile(r"一季度|1[-—~～]3月|1至3月"), "Q1")]


def segments(text: str) -> Iterator[tuple[str, int, str]]:
    """("heading" | "paragraph" | "sentence", offset, text) in document order."""
    position = 0
    for part in [*_PARAGRAPH.split(text)]:
        start = text.find(part, position)
        position = start + len(part)
        if not part.strip():
            continue
        yield ("heading" if HEADING.match(part) else "paragraph"), start, part
        for match in _SENTENCE.finditer(part):
            if match.group().strip():
                yield "sentence", start + match.start(), match.group()


def draft_records(text: str, *, region: str, source: str, index: IndicatorIndex, regions: RegionFinder,
                  report_type: str = "government_work_report", default_year: int | None = None) -> list[Draft]:
    """Every draft the text gives, in text order, duplicates (same key and value) dropped."""
    tracker = Tracker(default_year, report_type)
    drafts: list[Draft] = []
    for kind, _offset, part in segments(text):
        if kind == "heading":
            tracker.heading(part)
            tracker.paragraph_start(part)
        elif kind == "paragraph":
            tracker.paragraph_start(part)
        else:
            context = tracker.sentence(part)
            drafts += _sentence_drafts(part, context, region, source, index, regions)
    return _deduplicated(drafts)


def _clause_start(sentence: str, before: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, before)]
    return breaks[-1] if breaks else 0


def _subject(phrase: str) -> str:
    """The phrase without the cue words at its end and the filler at its start."""
    subject = phrase
    for _ in range(4):
        trimmed = re.sub(r"(?:分别|累计|年均|平均|由|从|比\d{4}年|较\d{4}年|约|均|共|达到|达|实现|完成|为|突破|超过|超越|超|逾|控制在|"
                         r"不低于|不超过|提高到|提升到|增加到|提高|增加|上升|回升|降至|保持在|保持|继续)$", "", subject)
        trimmed = re.sub(_GROWTH.pattern + "(?:了)?$", "", trimmed)
        if trimmed == subject:
            break
        subject = trimmed
    return _FILLER.sub("", subject).strip(" 、,“”")


def _without_region(subject: str, regions: RegionFinder) -> str:
    named = regions.prefix(subject)
    return subject[len(named):] if named else subject


def _sentence_drafts(sentence: str, context: Context, region: str, source: str, index: IndicatorIndex,
                     regions: RegionFinder) -> list[Draft]:
    mentions = find_mentions(sentence)
    if not mentions:
        return _qualitative(sentence, context, region, source, index, regions) if context.kind == "target" else []
    drafts: list[Draft] = []
    lists = _lists(sentence, mentions)
    resolved: dict[int, tuple[str, int]] = {}  # the subject (and where it starts) each figure was read with
    chain_start = 0
    previous_end = 0
    sentence_region = region
    pending_from: tuple[Mention, str, int] | None = None
    for number, mention in enumerate(mentions):
        head, position, size = lists[number]
        clause = _clause_start(sentence, mentions[head].start)
        start = max(clause, mentions[head - 1].end if head > 0 else 0)
        phrase = sentence[start:mentions[head].start]
        if not (number > 0 and sentence[mentions[number - 1].end:mention.start].startswith("、")):
            chain_start = number
        named = regions.named(sentence[clause:mentions[head].start])
        if named:
            sentence_region = named
        if _SINGLE_QUARTER.search(sentence[start:mention.start]):
            previous_end = mention.end
            continue
        tail = sentence[mention.end:mention.end + 2]
        suffix = next(((word, comp) for word, comp in _SUFFIX_COMPARATOR if tail.startswith(word)), None)
        if suffix is None:  # 以上 after a list (80亿元、2.5亿美元以上) applies to every item of it
            rest = sentence[mention.end:]
            later = re.match(r"^(?:(?:、|和)[^,,。;、]{0,12}?\d+(?:\.\d+)?(?:[^\d,,。;、]{1,5}?))+?(以上|以内|以下|左右)", rest)
            suffix = next(((None, c) for w, c in _SUFFIX_COMPARATOR if later and later.group(1) == w), None)
        reasons: list[str] = []
        confidence = 0.9
        subject = _without_region(_subject(phrase), regions)
        growth = mention.unit in ("%",) and bool(re.search(_GROWTH.pattern + r"(?:了|率)?(?:为|达到|达|到)?$", phrase))
        change = mention.unit == "百分点" and bool(_CHANGE.search(phrase.rstrip("了")))
        respectively = size > 1 and ("分别" in phrase or bool(subject and _split_subjects(subject, size)))
        earlier = [resolved[n] for n in sorted(resolved) if n < head]
        if respectively:
            items = _split_subjects(subject, size) if subject else None
            if items:
                candidates = [(items[position], start + max(0, phrase.find(subject)))]
            elif len(earlier) >= size:
                candidates = [earlier[len(earlier) - size + position]]
                reasons.append("分别: subjects of the figures before")
            else:
                candidates = [(subject, start)] if subject else []
                confidence -= 0.3
                reasons.append("分别 with subjects that could not be paired")
        elif subject:
            candidates = [(subject, start + max(0, phrase.find(subject)))]
            verb = _VERBS.match(_subject(sentence[_clause_start(sentence, mentions[chain_start].start):mentions[chain_start].start]))
            if verb and number > chain_start and not _VERBS.match(subject):
                candidates = [(verb.group() + subject, candidates[0][1]), *candidates]
            if position > 0:
                reasons.append("one subject for a list of values")
                confidence -= 0.2
        else:
            candidates = [earlier[-1]] if earlier else []
            reasons.append("subject carried from the figure before")
            confidence -= 0.05
        matched = None
        for cand, cand_start in candidates:
            text = cand + ("增长" if growth and not re.search(r"增长|增速|增幅|涨幅|下降", cand) else "")
            text = re.sub(r"增速|增幅", "增长", text)
            matched = index.match(text, mention.unit) or (index.match(text, mention.unit, change=True) if change else None)
            if matched is None and growth:
                matched = index.match(cand, mention.unit) or index.match(phrase, mention.unit) or index.growth_of(cand)
            if matched:
                quote_start = cand_start + max(0, sentence[cand_start:].find(matched.phrase[:2])) if matched.phrase[:2] in cand else cand_start
                break
        indicator_row = index.by_id.get(matched.indicator) if matched else None
        subject_used = candidates[0][0] if candidates else subject
        if candidates and matched:
            resolved[number] = candidates[0]
        value = mention.value
        if growth and _NEGATIVE.search(phrase) and not (indicator_row and re.search(r"下降|降低|减少", indicator_row["name_zh"])):
            value = -value
            reasons.append("下降: negative")
        period, start_year, year = "annual", None, context.year
        kind, provisional = context.kind, context.provisional
        comparator = None
        if suffix:
            comparator = suffix[1]
        else:
            comparator = next((comp for pattern, comp in _PREFIX_COMPARATOR if pattern.search(phrase)), None)
        cues = sentence[_clause_start(sentence, mentions[chain_start].start):mention.start]
        if re.search(r"年均|平均每年|年平均", phrase):
            period = "average"
            years = re.search(r"([两二三四五六七八九十])年平均", phrase)
            span = context.span
            if years and year:
                span = (year - "一两三四五六七八九十".index(years.group(1).replace("二", "两")), year)
            start_year, year = (span[0], span[1]) if span else (None, year)
            reasons.append("年均: average over the span" if span else "年均 with no span")
        elif re.search(r"累计|五年", cues) or (re.search(r"以来", sentence[:mention.start]) and "累计" in phrase):
            since = re.search(r"自((?:19|20)\d\d)年", sentence[:mention.start])
            span = (int(since.group(1)), context.year) if since else context.span
            if span:
                period, start_year, year = "total", span[0], span[1]
                reasons.append("累计: total over the span")
        elif mention.unit == "百分点" and matched and index.unit_fits(matched.indicator, "百分点", change=True):
            base = re.search(r"(?:比|较)((?:19|20)\d\d)年", phrase)
            period = "change"
            start_year = int(base.group(1)) if base else (year - 1 if year else None)
            reasons.append(f"change since {start_year}")
        for pattern, named_period in _PERIODS:
            if period == "annual" and pattern.search(sentence[:mention.end]):
                period = named_period
        if pending_from and _TO.search(sentence[max(clause, previous_end):mention.start]):
            reasons.append("由…到…: end value")
            subject_used = pending_from[1]
        elif _FROM.search(sentence[max(clause, previous_end):mention.start]):
            pending_from = (mention, subject, number)
            span = context.span or ((year - 4, year) if year else None)
            year = (span[0] - 1) if (context.in_span_paragraph or context.named_span) and span else (context.year - 1 if context.year and context.kind == "actual"
                                                                            else (span[0] - 1 if span else None))
            kind = "actual"
            comparator = None
            reasons.append("由…到…: start value")
        if kind == "actual" and comparator == "reach":
            comparator = None
        if kind == "target" and comparator is None:
            comparator = "reach"
        if mention.range_low is not None:
            value, comparator = mention.range_low, "at_least" if kind == "target" else comparator
            reasons.append(f"a range: the lower bound {mention.range_low:g}, the upper bound {mention.value:g} in the note")
            confidence -= 0.3
        if mention.written:
            confidence -= 0.1
            reasons.append(f"Chinese numeral {mention.written}")
        if year is None:
            confidence -= 0.2
            reasons.append("no year in the text")
        unit = mention.unit
        if indicator_row is None:
            name = _proposed_name(subject_used or subject, growth)
            if not name:
                previous_end = mention.end
                continue
            indicator_id, indicator_zh = "proposed-" + hashlib.sha1(name.encode()).hexdigest()[:8], name
            confidence = min(confidence, 0.4)
            reasons.append("no indicator of the dataset matches: proposed new indicator")
            quote_start = start
            proposed = _proposed_indicator(indicator_id, name, unit, source)
        else:
            indicator_id, indicator_zh, proposed = indicator_row["id"], indicator_row["name_zh"], None
            reasons.insert(0, f"matched {matched.phrase}")
            want = indicator_row["unit"]
            if unit in ("个", "家", "项") and want in ("个", "家", "项") and unit != want:
                reasons.append(f"the text counts in {unit}, the indicator in {want}")
                unit = want
        end = mention.end + (len(suffix[0]) if suffix and suffix[0] else 0)
        quote = sentence[quote_start:end] if end - quote_start <= 200 else sentence[max(start, end - 200):end]
        if context.cue:
            reasons.append(f"{kind} from {context.cue}")
        note = f"range {mention.range_low:g}–{mention.value:g}{unit}" if mention.range_low is not None else None
        drafts.append(Draft(region=sentence_region, indicator=indicator_id, indicator_zh=indicator_zh, year=year, period=period,
                            kind=kind, comparator=comparator, value=value, unit=unit, quote=quote, sentence=sentence.strip(),
                            confidence=round(max(confidence, 0.05), 2), reason="; ".join(reasons), source=source,
                            start_year=start_year, written=mention.written, provisional=provisional and kind == "actual",
                            note=note, proposed_indicator=proposed))
        previous_end = end
    return drafts


def _lists(sentence: str, mentions: list[Mention]) -> list[tuple[int, int, int]]:
    """For each figure: the first figure of its list (values joined by 、 和 及), its position and the list's size."""
    heads: list[int] = []
    for number in range(len(mentions)):
        joined = number > 0 and _LIST_JOIN.match(sentence[mentions[number - 1].end:mentions[number].start])
        heads.append(heads[-1] if joined else number)
    sizes = {head: heads.count(head) for head in set(heads)}
    return [(head, number - head, sizes[head]) for number, head in enumerate(heads)]


def _split_subjects(subject: str, size: int) -> list[str] | None:
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


def _proposed_name(subject: str, growth: bool) -> str:
    name = _VERBS.sub(lambda m: m.group(), subject)
    name = re.sub(r"^.*?(?:,|,|、)", "", name)[-24:].strip(" 、,“”")
    if len(name) < 2 or re.fullmatch(r"[\d.%\s]+", name):
        return ""
    return name + ("增长" if growth and not name.endswith(("增长", "增速")) else "")


_CATEGORY_WORDS = [("port", "港|吞吐|集装箱"), ("fiscal", "财政|税收|预算"), ("trade", "出口|进口|外贸|进出口"),
                   ("income", "可支配收入|居民收入|工资"), ("labour", "就业|失业|人才|技能"),
                   ("innovation", "研发|专利|高新|科技|创新|孵化"), ("investment", "投资|外资|内资|项目"),
                   ("consumption", "消费|零售"), ("output", "生产总值|增加值|产值|工业|GDP"), ("environment", "绿|生态|污染|能耗|排放"),
                   ("finance", "贷款|存款|上市|融资")]


def _proposed_indicator(indicator_id: str, name: str, unit: str, source: str) -> dict:
    category = next((cat for cat, words in _CATEGORY_WORDS if re.search(words, name)), "enterprises")
    direction = "lower" if re.search(r"失业|能耗|排放|事故|PM|下降", name) else "higher"
    return {"id": indicator_id, "name_zh": name, "name_en": name, "unit": unit, "category": category, "direction": direction,
            "description_zh": f"导入时提议的新指标(原文:{name}),请审核名称、单位与类别。",
            "description_en": f"Proposed by the importer from {source or 'a new report'}; review its English name, unit and category."}


def _qualitative(sentence: str, context: Context, region: str, source: str, index: IndicatorIndex,
                 regions: RegionFinder) -> list[Draft]:
    """Targets with no number: 一般公共预算收入、城乡居民收入增长与经济增长基本同步."""
    match = _QUALITATIVE.search(sentence)
    if not match:
        return []
    clause = sentence[_clause_start(sentence, match.start()):match.start()]
    head = _FILLER.sub("", clause)
    growth = "增长" in head
    items = re.split(r"、|和", re.sub(r"增长$", "", head))
    names: list[str] = []
    for item in items:
        names += _split_subjects(item, 2) if item.startswith("城乡") else [item]
    drafts = []
    for name in names:
        matched = index.match(name + ("增长" if growth else ""), "%") if growth else index.match(name, index_unit_any(index, name))
        if not matched:
            continue
        row = index.by_id[matched.indicator]
        quote = sentence[_clause_start(sentence, match.start()):match.end()].strip()
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


def _deduplicated(drafts: list[Draft]) -> list[Draft]:
    """One draft per key and value (the first, shortest quote); a bound dropped beside an exact value."""
    kept: dict[tuple, Draft] = {}
    for draft in drafts:
        key = (draft.region, draft.indicator, draft.year, draft.period, draft.start_year, draft.kind, draft.value, draft.unit)
        if key not in kept or len(draft.quote) < len(kept[key].quote):
            kept.setdefault(key, draft)
    exact = {(d.region, d.indicator, d.year, d.period, d.kind, d.sentence) for d in kept.values() if d.comparator is None}
    return [d for d in kept.values()
            if not (d.kind == "actual" and d.comparator == "above" and (d.region, d.indicator, d.year, d.period, d.kind, d.sentence) in exact)]


__all__ = ["draft_records", "plan_span", "segments"]
