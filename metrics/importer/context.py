"""What a sentence's figures are: actual or target, for which year and span.

Read from the section headings (一、2020年工作回顾, 二、“十四五”时期的主要目标任务,
三、2021年工作安排, 主要预期目标), the paragraph (五年来, 十三五期间) and the sentence
(预计, 力争, 确保, 到2025年). Plans are named 十N五: the 13th runs 2016-2020, each next one
five years later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+(?:部分|章))")
_PLAN = re.compile(r"十([一二三四五六七八九])五")
_YEAR = re.compile(r"(?<![\d比较从由自至到])((?:19|20)\d\d)年(?!\d{1,2}月\d)(?![底末]前)")
_REVIEW = re.compile(r"回顾|成就|过去|一年来|取得|完成情况|执行情况")
_TARGETS = re.compile(r"目标|工作安排|重点工作|主要任务|计划|展望|今后|任务|总体要求|政策取向|建议|总体部署")
_SPAN_PARAGRAPH = re.compile(r"^(?:五年来|过去五年|“?十[一二三四五六七八九]五”?(?:时期|期间|以来)|近五年)")
_SPAN_OPENING = re.compile(r"过去五年|五年来|“?十[一二三四五六七八九]五”?(?:规划)?(?:时期|期间|以来|收官)")
_LAST_YEAR_PARAGRAPH = re.compile(r"^(?:过去一年|去年|刚刚过去的|一年来|(?:19|20)\d\d年(?:是|,|我们))")
_MAIN_TARGETS = re.compile(r"主要预期目标(?:是|为|:)|主要目标(?:是|为|:)|预期目标(?:是|为|:)")
_PLAN_CUE = re.compile(r"拟|安排|预算")
_PROVISIONAL = re.compile(r"预计")
_SESSION = re.compile(r"((?:19|20)\d\d)年\d{1,2}月\d{1,2}日在")
_TITLE = re.compile(r"((?:19|20)\d\d)年[^。\n]{0,12}政府工作报告")


def report_year(text: str) -> int | None:
    """The year a report is for: its title (2019年政府工作报告), its session date (2019年3月5日在…会议上),
    else its headings: a review of year Y (一、2018年工作回顾) makes it Y+1, the year's tasks (二、2019年…) Y."""
    head = text[:800]
    for pattern in (_TITLE, _SESSION):
        found = pattern.search(head)
        if found:
            return int(found.group(1))
    for line in text.split("\n"):
        if not HEADING.match(line):
            continue
        year = _first_year(line[:40])
        if year is None or plan_span(line[:40]):
            continue
        if _REVIEW.search(line[:40]) and not re.search(r"目标任务|工作安排", line[:40]):
            return year + 1
        if _TARGETS.search(line[:40]):
            return year
    return None


def plan_span(text: str) -> tuple[int, int] | None:
    """十三五 -> (2016, 2020), 十四五 -> (2021, 2025), 十五五 -> (2026, 2030)."""
    match = _PLAN.search(text)
    if not match:
        return None
    start = 1966 + 5 * (10 + _CN[match.group(1)] - 3)
    return start, start + 4


@dataclass(frozen=True)
class Context:
    kind: str = "actual"
    year: int | None = None
    span: tuple[int, int] | None = None
    """The span 年均, 累计 and 五年 refer to."""
    in_span_paragraph: bool = False
    named_span: bool = False
    """The heading names a plan (十三五): 由X到Y starts at the year before it."""
    provisional: bool = False
    main_targets: bool = False
    """The paragraph of the year's main targets: every target in it is drafted, qualitative ones too."""
    cue: str = ""
    """The words that set kind and year, for the draft's reason."""


class Tracker:
    """Walks the document heading by heading, paragraph by paragraph, sentence by sentence."""

    def __init__(self, default_year: int | None, report_type: str, year: int | None = None):
        self.report_type = report_type
        self.year = year
        """The report's own year (今年), from its title, session date or headings."""
        start = default_year or (year - 1 if year else None)
        self.section = Context(year=start, cue="default" if year is None else f"report of {year}: the year before")
        self.paragraph = self.section

    def heading(self, text: str) -> None:
        head = text[:40]
        span = plan_span(head)
        year = _first_year(head)
        if _REVIEW.search(head) and not re.search(r"目标任务|工作安排", head):
            end = year or (span[1] if span else (self.year - 1 if self.year else self.section.year))
            cue = f"heading {head[:20]}" + ("" if year or span or not self.year else f" (report of {self.year})")
            self.section = Context("actual", end, span or ((end - 4, end) if end else None), named_span=span is not None,
                                   cue=cue)
        elif _TARGETS.search(head) or span:
            if span and (year is None or year > span[1]):
                self.section = Context("target", span[1], span, cue=f"heading {head[:20]}")
            else:
                start = year or self.year or ((self.section.year or 0) + 1 if self.section.year else None)
                self.section = Context("target", start, span, cue=f"heading {head[:20]}")
        self.paragraph = self.section

    def paragraph_start(self, text: str) -> None:
        self.paragraph = self.section
        opening = text.strip()[:12]
        if _SPAN_PARAGRAPH.match(opening) or (self.section.kind == "actual" and _SPAN_OPENING.search(text.strip()[:30])):
            span = plan_span(opening) or self.section.span
            if span is None and self.section.year:
                span = (self.section.year - 4, self.section.year)
            if self.section.kind == "actual" and span:
                self.paragraph = replace(self.section, year=span[1], span=span, in_span_paragraph=True, cue=opening[:6])
        elif self.section.kind == "actual" and self.year and _LAST_YEAR_PARAGRAPH.match(opening):
            named = _first_year(opening)
            self.paragraph = replace(self.section, year=named or self.year - 1, span=None, in_span_paragraph=False,
                                     cue=f"{opening[:6]} (report of {self.year})")
        elif _MAIN_TARGETS.search(text[:40]) or ("主要预期目标" in text[:40] and self.section.kind == "target"):
            year = self.year if self.year and "今年" in text[:20] else self.section.year
            self.paragraph = replace(self.section, kind="target", year=year, span=None, main_targets=True,
                                     cue="主要预期目标 paragraph")

    def sentence(self, text: str) -> Context:
        context = self.paragraph
        years = [int(y) for y in _YEAR.findall(text)]
        by = re.search(r"到((?:19|20)\d\d)年", text)
        plan = plan_span(text)
        if by:
            year = int(by.group(1))
            span = plan if plan and plan[1] == year else context.span if context.span and context.span[1] == year else None
            if span is None and context.kind == "target" and context.year:
                span = (context.year, year) if context.year < year else None
            context = replace(context, kind="target" if context.kind == "target" or year > (self.section.year or 0) else "actual",
                              year=year, span=span, cue=by.group())
        elif years and context.kind == "actual" and not context.in_span_paragraph:
            context = replace(context, year=years[0], cue=f"{years[0]}年")
            if self.section.cue == "default":  # no heading has set the year: the year named carries on
                self.section = replace(self.section, year=years[0], cue=f"{years[0]}年")
                self.paragraph = replace(self.paragraph, year=years[0], cue=f"{years[0]}年")
        elif plan and context.kind == "target" and plan[1] > (context.year or 0) and (named := _PLAN.search(text)):
            # plan_span found 十X五 in this text, so the search always matches
            context = replace(context, year=plan[1], span=plan, cue=named.group())
        if self.year and "今年" in text and not re.search(r"今年以来|今年是", text) and (
                context.kind == "target" or _PLAN_CUE.search(text)) and not by:
            role = "budget or plan" if _PLAN_CUE.search(text) else "target"
            cue = f"今年 = {self.year} ({role})"
            context = replace(context, kind="target", year=self.year, span=None,
                              cue=f"{context.cue}, {cue}" if context.kind == "target" and context.year == self.year else cue)
        if _PROVISIONAL.search(text) and context.kind == "actual":
            context = replace(context, provisional=True, cue=context.cue + ", 预计")
        return context


def _first_year(text: str) -> int | None:
    match = re.search(r"((?:19|20)\d\d)年", text)
    return int(match.group(1)) if match else None
