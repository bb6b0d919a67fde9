"""The words around a figure that say what kind of figure it is.

Growth words (增长, 增速, 下降: a growth rate, 下降 negative), change words (提高, 下降 … 个百分点),
由X提高到Y (a start and an end value), the comparators before (突破, 达到, 控制在) and after
(以上, 以内, 左右) a number, and the periods of a year (前三季度, 上半年, 1-3月).
"""

from __future__ import annotations

import re

GROWTH = re.compile(r"(?:比上年|比去年|较上年|同比|按可比价格计算,?|年均|平均)?(?:增长|增速|增幅|下降|回落|减少|降低|上涨|涨幅)")
NEGATIVE = re.compile(r"(?:下降|回落|减少|降低)(?:了)?(?:为|到)?$")
CHANGE = re.compile(r"(?:提高|增加|上升|下降|降低|回升|收窄|扩大|减少)(?:了)?$")
TO = re.compile(r"(?:提高|提升|增加|上升|扩大|缩小|下降|降低|减少|增长)(?:到|至)$|降至$|升至$")
BASE = re.compile(r"(?:比|较)(?:(?:19|20)\d\d年|上年|去年|同期|前[两二三四五]年平均(?:数|水平)?)")
"""What a change is measured against: 比上年, 比2015年, 比前两年平均数 (not a 年均 average)."""
FROM = re.compile(r"(?:由|从)(?:去年|上年)?的?(?:不足|约|近|人均)?$")
PREFIX_COMPARATOR = [(re.compile(r"(?:突破|超过|超越|超|逾|高于)$"), "above"), (re.compile(r"不低于$"), "at_least"),
                     (re.compile(r"(?:控制在|不超过|不高于)$"), "at_most"), (re.compile(r"约$"), "about"),
                     (re.compile(r"(?:达到|达|实现|完成|提高到|提升到|增加到|增长到|为)$"), "reach")]
SUFFIX_COMPARATOR = [("以上", "at_least"), ("以内", "at_most"), ("以下", "at_most"), ("左右", "about"), ("上下", "about")]
SINGLE_QUARTER = re.compile(r"[二三四]季度(?:的)?$")
PERIODS = [(re.compile(r"前三季度|1[-—~～]9月|1至9月|(?<!\d)19月"), "Q1-Q3"), (re.compile(r"上半年|1[-—~～]6月|1至6月"), "H1"),
           (re.compile(r"一季度|1[-—~～]3月|1至3月"), "Q1")]


def suffix_comparator(sentence: str, end: int) -> tuple[str | None, str] | None:
    """(the word, the comparator) after a figure; 以上 after a list (80亿元、2.5亿美元以上) applies to every item."""
    tail = sentence[end:end + 2]
    suffix: tuple[str | None, str] | None = next(((word, comp) for word, comp in SUFFIX_COMPARATOR if tail.startswith(word)), None)
    if suffix is None:
        later = re.match(r"^(?:(?:、|和)[^,,。;、]{0,12}?\d+(?:\.\d+)?(?:[^\d,,。;、]{1,5}?))+?(以上|以内|以下|左右)", sentence[end:])
        suffix = next(((None, c) for w, c in SUFFIX_COMPARATOR if later and later.group(1) == w), None)
    return suffix


def is_average(phrase: str) -> bool:
    """年均, 平均每年, 两年平均: an average over a span; 比前两年平均数 is a base, not an average."""
    return bool(re.search(r"年均|平均每年|年平均", BASE.sub("", phrase)))


def prefix_comparator(phrase: str) -> str | None:
    return next((comp for pattern, comp in PREFIX_COMPARATOR if pattern.search(phrase)), None)
