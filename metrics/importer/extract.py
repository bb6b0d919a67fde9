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
from metrics.importer.cues import (
    CHANGE,
    FROM,
    GROWTH,
    NEGATIVE,
    PERIODS,
    SINGLE_QUARTER,
    TO,
    prefix_comparator,
    suffix_comparator,
)
from metrics.importer.drafts import Draft
from metrics.importer.mentions import Mention, find_mentions
from metrics.importer.qualitative import qualitative_drafts
from metrics.importer.regions import RegionFinder
from metrics.importer.subjects import (
    VERBS,
    clause_start,
    lists,
    proposed_indicator,
    proposed_name,
    split_subjects,
    subject_of,
    without_region,
)
from metrics.importer.synonyms import IndicatorIndex

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


def _sentence_drafts(sentence: str, context: Context, region: str, source: str, index: IndicatorIndex,
                     regions: RegionFinder) -> list[Draft]:
    mentions = find_mentions(sentence)
    if not mentions:
        return qualitative_drafts(sentence, context, region, source, index) if context.kind == "target" else []
    drafts: list[Draft] = []
    in_lists = lists(sentence, mentions)
    resolved: dict[int, tuple[str, int]] = {}  # the subject (and where it starts) each figure was read with
    chain_start = 0
    previous_end = 0
    sentence_region = region
    pending_from: tuple[Mention, str, int] | None = None
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
        reasons: list[str] = []
        confidence = 0.9
        subject = without_region(subject_of(phrase), regions)
        growth = mention.unit in ("%",) and bool(re.search(GROWTH.pattern + r"(?:了|率)?(?:为|达到|达|到)?$", phrase))
        change = mention.unit == "百分点" and bool(CHANGE.search(phrase.rstrip("了")))
        respectively = size > 1 and ("分别" in phrase or bool(subject and split_subjects(subject, size)))
        earlier = [resolved[n] for n in sorted(resolved) if n < head]
        if respectively:
            items = split_subjects(subject, size) if subject else None
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
            verb = VERBS.match(subject_of(sentence[clause_start(sentence, mentions[chain_start].start):mentions[chain_start].start]))
            if verb and number > chain_start and not VERBS.match(subject):
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
        if growth and NEGATIVE.search(phrase) and not (indicator_row and re.search(r"下降|降低|减少", indicator_row["name_zh"])):
            value = -value
            reasons.append("下降: negative")
        period, start_year, year = "annual", None, context.year
        kind, provisional = context.kind, context.provisional
        comparator = suffix[1] if suffix else prefix_comparator(phrase)
        cues = sentence[clause_start(sentence, mentions[chain_start].start):mention.start]
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
        for pattern, named_period in PERIODS:
            if period == "annual" and pattern.search(sentence[:mention.end]):
                period = named_period
        if pending_from and TO.search(sentence[max(clause, previous_end):mention.start]):
            reasons.append("由…到…: end value")
            subject_used = pending_from[1]
        elif FROM.search(sentence[max(clause, previous_end):mention.start]):
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
            name = proposed_name(subject_used or subject, growth)
            if not name:
                previous_end = mention.end
                continue
            indicator_id, indicator_zh = "proposed-" + hashlib.sha1(name.encode()).hexdigest()[:8], name
            confidence = min(confidence, 0.4)
            reasons.append("no indicator of the dataset matches: proposed new indicator")
            quote_start = start
            proposed = proposed_indicator(indicator_id, name, unit, source)
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
