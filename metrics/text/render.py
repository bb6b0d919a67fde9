"""The one renderer: a ``Figure`` (``metrics.figures.figure``) in words, in one language.

Every view asks this module how a fact reads — the card, the chart's hover and cell, the ledger
and scorecard rows, the sentences, the tables, sheets and slides — so a fact reads the same
everywhere: its value as its source wrote it (1.87万亿元, 19万元), a bound always with its sign or
word (≥1000亿元, 突破2000亿元), its marks (预计, 本站计算, 已修订), a target's wording and its verdict.
Words come from the one catalogue (``metrics/text/strings.toml`` through ``metrics.text.i18n``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metrics.figures.figure import Figure
from metrics.load import plans
from metrics.text import i18n

if TYPE_CHECKING:
    from metrics.figures.context import Against


def bound_phrase(comparator: str | None, text: str, lang: str) -> str:
    key = f"bound_{comparator}"
    if i18n.has(key):
        return i18n.t(key, lang, v=text)
    return i18n.comparator_phrase(comparator, text, lang)


def value(fig: Figure, lang: str, *, marks: bool = True) -> str:
    """A figure as written: 14594.9亿元, 突破2000亿元, ≥1000亿元, 7%左右, 3.2%（预计）; a
    qualitative target gives its words."""
    if fig.kind == "target":
        return target(fig, lang)
    if fig.value is None:
        return ""
    text = i18n.fmt_value(fig.value, fig.unit, lang)
    if fig.is_bound:
        text = bound_phrase(fig.comparator, text, lang)
    elif fig.comparator == "about":  # an actual published as 5.5%左右 (a work report before the bulletin)
        text = i18n.comparator_phrase(fig.comparator, text, lang)
    if marks:
        text = i18n.with_marks(text, lang, provisional=fig.provisional, derived=fig.derived)
    return text


def target(fig: Figure, lang: str) -> str:
    """A target as worded: 7%左右, 突破1万亿元, at least CNY 1 trillion; a qualitative one its words."""
    if fig.is_qualitative:
        return fig.wording or i18n.t("comparator_qualitative", lang)
    return i18n.comparator_phrase(fig.comparator, i18n.fmt_value(fig.value, fig.unit, lang), lang)  # type: ignore[arg-type]


def in_unit(fig: Figure, lang: str) -> str:
    """The figure as written, and in its indicator's unit beside it when that differs, for a hover
    read against an axis: 1.87万亿元（=18700亿元）."""
    text = value(fig, lang)
    if fig.value_std is None or not fig.unit or fig.unit == fig.std_unit or fig.kind != "actual":
        return text
    as_std = Figure(kind=fig.kind, value=fig.value_std, unit=fig.std_unit, value_std=fig.value_std, std_unit=fig.std_unit)
    return i18n.t("in_unit", lang, value=text, std=value(as_std, lang))


def cell(fig: Figure, lang: str, *, decimals: int | None = None) -> str:
    """A figure in a chart's cell or bar label, in the chart's unit (``i18n.display_value``):
    1,459.49 / ≥1000 / >2000, with * for a provisional, revised, computed or conflicting figure."""
    if fig.value_std is None:
        return ""
    number = i18n.fmt_number(i18n.display_value(fig.value_std, fig.std_unit, lang)[0], lang, decimals)
    if fig.std_unit == "%":
        number += "%"
    return f"{fig.bound_sign}{number}{'*' if fig.marked else ''}"


def label(fig: Figure, lang: str) -> str:
    """A bar's label: the number in the chart's unit with a bound's sign and the marks in words,
    ≥1000（预计） / ≥1,000 (provisional)."""
    if fig.value_std is None:
        return ""
    number = i18n.fmt_number(i18n.display_value(fig.value_std, fig.std_unit, lang)[0], lang)
    if fig.std_unit == "%":
        number += "%"
    return i18n.with_marks(f"{fig.bound_sign}{number}", lang, provisional=fig.provisional, derived=fig.derived)


def join(items: list[str], lang: str) -> str:
    """Names in a list: 海曙区、江北区 / Haishu, Jiangbei."""
    return i18n.t("sep_list", lang).join(items)


def clauses(items: list[str], lang: str) -> str:
    """Clauses in a row: a;b / a; b."""
    return i18n.t("sep_clause", lang).join(item for item in items if item)


def compact(fig: Figure, lang: str) -> tuple[str, str]:
    """A card's value and the unit it puts beside the title: ("14594.9亿元", "") in Chinese,
    ("1,459.49", "CNY billion") in English, where a card has no room for the unit twice."""
    if fig.value is None:
        return "–", ""
    if lang != "en":
        number, unit_text = i18n.fmt_value(fig.value, fig.unit, lang), ""
    else:
        shown, label = i18n.display_value(fig.value, fig.unit, lang)
        number = i18n.fmt_number(shown, lang) + ("%" if fig.unit == "%" else "")
        unit_text = "" if fig.unit == "%" else label
    if fig.is_bound:
        number = bound_phrase(fig.comparator, number, lang)
    return number, unit_text


def revision(fig: Figure, lang: str) -> str:
    """已修订;首次公布为14594.9亿元(2022-02-24), or "" for a figure not revised."""
    if fig.revision is None:
        return ""
    first = i18n.fmt_value(fig.revision.value, fig.revision.unit, lang)
    return i18n.t("chart_revised_from", lang, value=first, date=fig.revision.date or "?")


def marks(fig: Figure, lang: str) -> str:
    """What kind of figure it is, in words: 预计、本站计算、已修订、来源不一致."""
    return i18n.figure_status({"provisional": fig.provisional, "derived": fig.derived,
                               "revised": fig.revision is not None, "conflict": fig.conflict}, lang)


def with_revision(fig: Figure, lang: str) -> str:
    """``value`` followed by its first release when revised."""
    text = value(fig, lang)
    note = revision(fig, lang)
    if not note:
        return text
    return text + ("; " if lang == "en" else ";") + note


def status(code: str | None, lang: str) -> str:
    """A verdict in words: 已完成 / met, 尚无实际数 / no actual yet."""
    return i18n.status_label(code, lang) if code else ""


def marked(text: str, lang: str, *, provisional: bool = False, derived: bool = False) -> str:
    """A text with a figure's marks: 比上年（预计） / on the year before (provisional)."""
    return i18n.with_marks(text, lang, provisional=provisional, derived=derived)


def signed(amount: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A change or a gap with its sign: +1.2个百分点 / +1.2 pp, -3.1%."""
    return i18n.fmt_signed(amount, unit, lang, decimals)


def plan_heading(plan: plans.Plan | None, lang: str) -> str:
    """“十四五”目标完成情况(2021–2025年) / 14th Five-Year Plan scorecard (2021–2025)."""
    if plan is None:
        return i18n.t("progress_heading_none", lang)
    return i18n.t("progress_heading", lang, plan=i18n.name(plan, "name", lang), start=plan.start, end=plan.end)


def name_in_sentence(name: str, lang: str) -> str:
    """An indicator's name inside a sentence: as it is in Chinese; in English 'Urbanisation rate'
    is lowered and 'GDP' stays."""
    if lang != "en":
        return name
    first = name.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]) or not first[:1].isupper() or len(first.split("-")[0]) == 1:
        return name  # GDP, R&D, A-share: an abbreviation or a letter keeps its capital
    return name[:1].lower() + name[1:]


def counted(fig: Figure, name: str, lang: str) -> str | None:
    """A count said with what it counts, where the language allows: "at least 10,000" for
    "Ningbo had at least 10,000 high-tech enterprises"; None where the name is no plural noun
    (resident population) or the language says it otherwise (Chinese: 高新技术企业数1万家以上)."""
    if lang != "en" or fig.value is None or fig.kind != "actual" or not name.endswith("s"):
        return None
    number, _ = i18n.display_value(fig.value, fig.unit, lang)
    text = i18n.fmt_number(number, lang)
    if fig.is_bound:
        text = bound_phrase(fig.comparator, text, lang)
    return i18n.with_marks(text, lang, provisional=fig.provisional, derived=fig.derived)


def reference_name(level: str, name_zh: str, name_en: str, lang: str) -> str:
    """How a briefing names a region above: 全国, 全省, 全市 in Chinese; its name in English."""
    key = f"ref_{level}"
    if i18n.has(key):
        return i18n.t(key, lang)
    return name_en if lang == "en" else name_zh


def _places(*values: float | None) -> int:
    places = 0
    for number in values:
        if number is None:
            continue
        text = repr(float(number))
        if "e" not in text and "." in text:
            places = max(places, len(text.split(".")[1].rstrip("0")))
    return min(places, 2)


def against(items: list[Against], own: Figure, lang: str) -> str:
    """The context clause of a rate or a growth: 高于全省0.4个百分点、低于全国0.1个百分点(本站计算) /
    0.4 pp above Zhejiang, 0.1 pp below China (computed here); "" when nothing compares."""
    if not items or own.value_std is None:
        return ""
    parts = []
    for item in items:
        name = reference_name(item.region.level, item.region.name_zh, item.region.name_en, lang)
        decimals = _places(own.value_std, item.figure.value_std)
        amount = i18n.fmt_value(abs(item.difference), "百分点", lang, decimals)
        about = "_about" if item.approximate else ""
        if i18n.fmt_number(abs(item.difference), "en", decimals).strip("0.") == "":
            parts.append(i18n.t("ctx_level" + about, lang, name=name))
        else:
            key = ("ctx_above" if item.difference > 0 else "ctx_below") + about
            parts.append(i18n.t(key, lang, name=name, amount=amount))
    return i18n.t("ctx_clause", lang, items=join(parts, lang))


def against_values(items: list[Against], lang: str) -> str:
    """The figures compared with: 全省5.5%、全国5.0% / Zhejiang 5.5%, China 5.0%."""
    return join([i18n.t("ctx_value", lang, name=reference_name(i.region.level, i.region.name_zh, i.region.name_en, lang),
                        value=value(i.figure, lang)) for i in items], lang)
