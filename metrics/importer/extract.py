"""Draft records from a normalised report, sentence by sentence.

For each number with a unit: the indicator is the longest dataset name (or synonym) in the
phrase before it whose unit fits; growth words (增长, 增速, 下降) select the growth indicator
and 下降 makes the value negative; 分别 lists are split in order over the listed subjects (or
the figures just named); 由X提高到Y gives a start and an end value; 年均 a period average and
累计 / 五年 a total over the span the section or paragraph sets; 以上/以内/左右/突破/达到 the
comparator. A count after a bare verb names the noun after it (建成3个X); one figure after a
list (A、B下降20%, A和B各2万套) goes to each item. What a rule could not settle lowers the
confidence and is said in ``reason``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import partial

from metrics.importer.context import HEADING, Context, Tracker, plan_span, report_year
from metrics.importer.cues import (
    CHANGE,
    FROM,
    GROWTH,
    NEGATIVE,
    PERIODS,
    SINGLE_QUARTER,
    TO,
    is_average,
    prefix_comparator,
    suffix_comparator,
)
from metrics.importer.drafts import Draft
from metrics.importer.genre import load_genre
from metrics.importer.mentions import BARE_WAN, Mention, find_mentions
from metrics.importer.qualitative import qualitative_drafts
from metrics.importer.regions import RegionFinder
from metrics.importer.subjects import (
    VERBS,
    clause_start,
    find_indicator,
    is_time_only,
    is_verb_only,
    item_candidates,
    lists,
    noun_after,
    owned_subject,
    proposed_indicator,
    proposed_name,
    shared_noun,
    split_subjects,
    subject_of,
    without_region,
)
from metrics.importer.synonyms import IndicatorIndex
from metrics.load import units

GENRE = load_genre()
LAST_YEAR_CHANGE = re.compile(r"^(?:比|较)(?:去年|上年)(?:预算)?(?:增加|减少|提高|降低|多|少|增长|下降|高|低)")
COUNTS = ("个", "家", "项", "条", "所", "座", "件")
_SENTENCE = re.compile(r"[^。!?;!?;\n]+[。!?;!?;]?")
_PARAGRAPH = re.compile(r"\n+|(?<=[^\x00-\x7f]) +(?=\S)|(?<=[。!?;”)]) +")


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
    tracker = Tracker(default_year, report_type, report_year(text))
    drafts: list[Draft] = []
    in_heading = False
    for kind, _offset, part in segments(text):
        if kind == "heading":
            tracker.heading(part)
            tracker.paragraph_start(part)
        elif kind == "paragraph":
            tracker.paragraph_start(part)
        else:
            context = tracker.sentence(part)
            # a heading's own words end with no full stop; a part that runs on into a paragraph does
            heading = in_heading and not part.rstrip().endswith(tuple("。!?;"))
            drafts += _sentence_drafts(part, context, region, source, index, regions, heading=heading)
        if kind != "sentence":
            in_heading = kind == "heading"
    return _deduplicated(drafts)


def _sentence_drafts(sentence: str, context: Context, region: str, source: str, index: IndicatorIndex,
                     regions: RegionFinder, *, heading: bool = False) -> list[Draft]:
    mentions = find_mentions(sentence)
    # A heading names a task (四、协调推动经济稳定增长和结构优化), it sets no qualitative target.
    wanted = context.kind == "target" and not heading
    drafts = qualitative_drafts(sentence, context, region, source, index) if wanted else []
    if not mentions:
        return drafts
    in_lists = lists(sentence, mentions)
    resolved: dict[int, tuple[str, int]] = {}  # the subject (and where it starts) each figure was read with
    chain_start = 0
    previous_end = 0
    sentence_region = region
    pending_from: tuple[Mention, str, int] | None = None
    last_subject: tuple[str, int] | None = None  # the subject of the figure before when it matched no indicator
    chained: tuple[int, str] | None = None  # where the noun after the figure before ended, and its verb
    for number, mention in enumerate(mentions):
        head, position, size = in_lists[number]
        clause = clause_start(sentence, mentions[head].start)
        start = max(clause, mentions[head - 1].end if head > 0 else 0)
        phrase = sentence[start:mentions[head].start]
        if not (number > 0 and sentence[mentions[number - 1].end:mention.start].startswith("、")):
            chain_start = number
        named = regions.named(sentence[clause:mentions[head].start])
        if named:
            sentence_region = named
        if SINGLE_QUARTER.search(sentence[start:mention.start]):
            previous_end = mention.end
            continue
        suffix = suffix_comparator(sentence, mention.end)
        limit = mentions[number + 1].start if number + 1 < len(mentions) else len(sentence)
        reasons: list[str] = []
        confidence = 0.9
        subject = without_region(subject_of(phrase), regions)
        if is_time_only(subject):  # 两年平均增速为5.7%: the figure before's subject
            subject = ""
        if LAST_YEAR_CHANGE.match(phrase.strip()) or (phrase.strip() in ("增加", "减少") and number > 0
                                                       and units.convertible(mentions[number - 1].unit, mention.unit)):
            # 赤字率2.8%,比去年预算高0.2个百分点; 中央财政赤字1.12万亿元,增加1700亿元: the figure before's subject
            subject = ""
        if subject in ("总量", "总规模", "规模") and resolved:  # 国内生产总值增长6.6%,总量突破90万亿元: the level of the figure before
            subject = re.sub(GROWTH.pattern + "$", "", resolved[max(resolved)][0])
        if chained and re.fullmatch(r"和|及|与|、", sentence[chained[0]:mention.start]):  # 建成8个省级和12个市级X
            subject = chained[1]
        growth = mention.unit in ("%",) and bool(re.search(GROWTH.pattern + r"(?:了|率)?(?:为|达到|达|到|保持在|稳定在|保持)?$", phrase)) \
            and not TO.search(phrase)  # 由10.2%下降到3.1%: a level, not a growth rate
        change = mention.unit == "百分点" and bool(CHANGE.search(phrase.rstrip("了")))
        negative = growth and bool(NEGATIVE.search(phrase))
        respectively = size > 1 and ("分别" in phrase or bool(subject and split_subjects(subject, size)))
        earlier = [resolved[n] for n in sorted(resolved) if n < head]
        # the start value (mention, subject, number) when this figure is the Y of 由X到Y
        from_start = pending_from if pending_from and TO.search(sentence[max(clause, previous_end):mention.start]) else None
        from_to = from_start is not None
        noun_end = None

        find = partial(find_indicator, index, unit=mention.unit, phrase=phrase, growth=growth, change=change, negative=negative)

        items = item_candidates(subject) if size == 1 and subject and not from_to else None
        if items and not (phrase.endswith("各") or all(any(find(option) for option in options) for options in items)):
            items = None
        if from_start is not None:  # 由X提高到Y: the end value is about what the start value was
            groups = [[(from_start[1], start)]]
        elif respectively:
            paired = split_subjects(subject, size) if subject else None
            if paired:  # 起数、死亡人数分别下降…: a short item takes the head of the first (生产安全事故死亡人数)
                at = start + max(0, phrase.find(subject))
                options = item_candidates(re.sub(r"分别.*$", "", subject)) or []
                groups = [[(paired[position], at), *((o, at) for o in (options[position] if len(options) == size else []))]]
            elif len(earlier) >= size:
                groups = [[earlier[len(earlier) - size + position]]]
                reasons.append("分别: subjects of the figures before")
            else:
                groups = [[(subject, start)]] if subject else [[]]
                confidence -= 0.3
                reasons.append("分别 with subjects that could not be paired")
        elif items:  # A、B下降20%; A和B各2万套: the one figure for each
            at = start + max(0, phrase.find(subject))
            groups = [[(option, at) for option in options] for options in items]
            reasons.append("各: each of the items" if phrase.endswith("各") else "one figure for each of the items")
        elif is_verb_only(subject) and mention.unit in (*COUNTS, "万", "%", "万人", "亿人") and noun_after(sentence, mention.end, limit)[0]:
            noun, noun_end = noun_after(sentence, mention.end, limit)
            chained = (noun_end, subject)
            if number + 1 < len(mentions) and sentence[noun_end:mentions[number + 1].start] in ("和", "及", "、"):
                noun = shared_noun(noun, noun_after(sentence, mentions[number + 1].end, len(sentence))[0])
            groups = [[(subject + noun, start + max(0, phrase.find(subject)) if subject else mention.start)]]
            reasons.append("the noun after the number")
        elif subject:
            candidates = [(subject, start + max(0, phrase.find(subject)))]
            verb = VERBS.match(subject_of(sentence[clause_start(sentence, mentions[chain_start].start):mentions[chain_start].start]))
            if verb and number > chain_start and not VERBS.match(subject):
                candidates = [(verb.group() + subject, candidates[0][1]), *candidates]
            elif is_verb_only(subject) and earlier:  # 新开工A2个、建成2个: the noun of the figure before
                verb_before = VERBS.match(earlier[-1][0])
                noun = earlier[-1][0][verb_before.end():] if verb_before else earlier[-1][0]
                candidates = [(subject + noun, candidates[0][1]), *candidates]
            owned = owned_subject(sentence, clause, subject, phrase, earlier)
            if owned:
                candidates = [(owned, candidates[0][1]), *candidates]
            if position > 0:
                reasons.append("one subject for a list of values")
                confidence -= 0.2
            groups = [candidates]
        else:
            before = earlier[-1] if earlier else (last_subject if last_subject and head == number else None)
            groups = [[before] if before else []]
            reasons.append("subject carried from the figure before")
            confidence -= 0.05
        base_reasons, base_confidence = reasons, confidence
        for candidates in groups:
            reasons, confidence = list(base_reasons), base_confidence
            matched, matched_cand = None, None
            quote_start = start
            for cand, cand_start in candidates:
                matched = find(cand)
                if matched:
                    matched_cand = cand
                    quote_start = cand_start + max(0, sentence[cand_start:].find(matched.phrase[:2])) \
                        if matched.phrase[:2] in cand and noun_end is None else cand_start
                    break
            indicator_row = index.by_id.get(matched.indicator) if matched else None
            subject_used = candidates[0][0] if candidates else subject
            if candidates and matched:
                resolved[number] = candidates[0]
            elif candidates and candidates[0][0]:
                last_subject = candidates[0]
            value = mention.value
            if growth and NEGATIVE.search(phrase) and not (indicator_row and re.search(r"下降|降低|减少", indicator_row["name_zh"])):
                value = -value
                reasons.append("下降: negative")
            period, start_year, year = "annual", None, context.year
            kind, provisional = context.kind, context.provisional
            comparator = suffix[1] if suffix else prefix_comparator(phrase) or GENRE.prefix_comparator(phrase)
            if comparator is None and mention.more:
                comparator = "above"
                reasons.append("多: more than the value")
            cues = sentence[clause_start(sentence, mentions[chain_start].start):mention.start]
            if is_average(phrase):
                period = "average"
                years = re.search(r"([两二三四五六七八九十])年平均", phrase)
                span = context.span
                if years and year:
                    span = (year - "一两三四五六七八九十".index(years.group(1).replace("二", "两")), year)
                start_year, year = (span[0], span[1]) if span else (None, year)
                reasons.append("年均: average over the span" if span else "年均 with no span")
            elif re.search(r"累计|五年", cues) or (re.search(r"以来", sentence[:mention.start]) and "累计" in phrase) or (
                    context.in_span_paragraph and context.kind == "actual" and not from_to and not FROM.search(phrase)
                    and (growth or (mention.unit not in ("%", "百分点", "倍") and GENRE.flow.search(phrase)))) or (
                    context.kind == "target" and context.span and context.span[1] == year and context.span[0] < year
                    and mention.unit not in ("%", "百分点", "倍") and GENRE.plan_flow.search(phrase)):
                # 五年来城镇新增就业6600万人, 能耗下降20%: a flow over the span the paragraph reviews
                since = re.search(r"自((?:19|20)\d\d)年", sentence[:mention.start])
                total = (int(since.group(1)), context.year) if since else context.span
                if total:
                    period, start_year, year = "total", total[0], total[1]
                    reasons.append("累计: total over the span")
            elif mention.unit != "%" and (LAST_YEAR_CHANGE.match(phrase.strip()) or (
                    phrase.strip() in ("增加", "减少") and number > 0 and units.convertible(mentions[number - 1].unit, mention.unit))):
                period, start_year = "change", (year - 1 if year else None)  # 比去年增加8000亿元: against last year
                if re.search(r"减少|降低|少|下降|低$", phrase.strip()):
                    value = -value
                confidence -= 0.3
                reasons.append(f"a change against {start_year}, not the level")
            elif mention.unit == "百分点" and matched and index.unit_fits(matched.indicator, "百分点", change=True):
                base = re.search(r"(?:比|较)((?:19|20)\d\d)年", phrase)
                period = "change"
                start_year = int(base.group(1)) if base else (year - 1 if year else None)
                reasons.append(f"change since {start_year}")
            for pattern, named_period in PERIODS:
                if period == "annual" and pattern.search(sentence[:mention.end]):
                    period = named_period
            if from_start is not None:
                reasons.append("由…到…: end value")
                subject_used = from_start[1]
            elif FROM.search(sentence[max(clause, previous_end):mention.start]):
                pending_from = (mention, matched_cand or subject, number)
                span = context.span or ((year - 4, year) if year else None)
                if (context.in_span_paragraph or context.named_span) and span:
                    year = span[0] - 1
                elif context.year and (context.kind == "actual" or not context.span):  # 赤字率从去年的2.1%提高到…
                    year = context.year - 1
                else:
                    year = span[0] - 1 if span else None
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
            if indicator_row is None and unit == BARE_WAN:  # 20万 of what? only an indicator says
                continue
            if indicator_row is None or matched is None:  # matched is never None when indicator_row is set
                name = proposed_name(subject_used or subject, growth)
                if not name:
                    previous_end = mention.end
                    continue
                indicator_id, indicator_zh = "proposed-" + hashlib.sha1(f"{name}|{unit}".encode()).hexdigest()[:8], name
                confidence = min(confidence, 0.4)
                reasons.append("no indicator of the dataset matches: proposed new indicator")
                quote_start = start
                proposed = proposed_indicator(indicator_id, name, unit, source)
            else:
                indicator_id, indicator_zh, proposed = indicator_row["id"], indicator_row["name_zh"], None
                reasons.insert(0, f"matched {matched.phrase}")
                if matched.start < 0:
                    reasons.append("matched by the noun: the text's verb or level differs")
                    confidence -= 0.15
                want = indicator_row["unit"]
                if ((unit in COUNTS and want in COUNTS) or unit == BARE_WAN) and unit != want:
                    reasons.append(f"the text counts in {unit}, the indicator in {want}")
                    unit = want
            end = noun_end or mention.end + (len(suffix[0]) if suffix and suffix[0] else 0)
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
