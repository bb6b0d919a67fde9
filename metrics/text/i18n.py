"""Every word the dashboard shows, in Chinese and English, and how numbers are written in each.

Numbers keep the digits the source wrote (14594.9, never 14594.900000000001): formatting goes
through ``Decimal(repr(value))``. In English, money and 万-units are shown in units an English
reader uses (14594.9亿元 -> CNY 1,459.49 billion; 5.5万元 -> CNY 55,000): an exact change of
unit, the same number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from metrics.frames import missing as values
from metrics.frames.missing import is_missing
from metrics.load import units
from metrics.text.catalogue import FALLBACK_LANG, LANGS, STRINGS, STRINGS_FILE, has, pick, t

DEFAULT_LANG = "zh"
__all__ = ["FALLBACK_LANG", "LANGS", "STRINGS_FILE", "has", "pick", "t"]
"""``t`` and ``has`` live in ``metrics.text.catalogue`` (which ``problems`` can import); they are this module's too."""

_STRINGS = STRINGS


# English display units: (currency or None, factor applied to the value, label).
_EN_MONEY: dict[str, tuple[str, Decimal, str]] = {
    "元": ("CNY", Decimal(1), ""),
    "万元": ("CNY", Decimal(10000), ""),
    "亿元": ("CNY", Decimal("0.1"), "billion"),
    "万亿元": ("CNY", Decimal(1), "trillion"),
    "美元": ("USD", Decimal(1), ""),
    "万美元": ("USD", Decimal(10000), ""),
    "亿美元": ("USD", Decimal("0.1"), "billion"),
    "billion yuan": ("CNY", Decimal(1), "billion"),
    "billion RMB": ("CNY", Decimal(1), "billion"),
    "trillion yuan": ("CNY", Decimal(1), "trillion"),
    "yuan": ("CNY", Decimal(1), ""),
}

def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _zh_for_en_units() -> dict[str, tuple[Decimal, str]]:
    """Units written in English by an English-language source (``data/units.yaml``), shown to a
    Chinese reader in the largest Chinese unit of the same dimension not above them: an exact
    change of unit (120.12 billion yuan = 1201.2亿元, 1.2 trillion yuan = 1.2万亿元)."""
    found: dict[str, tuple[Decimal, str]] = {}
    for symbol, unit in units.UNITS.items():
        if _has_cjk(symbol) or unit.dimension in ("percent", "percentage_points"):
            continue
        chinese = [u for u in units.UNITS.values() if u.dimension == unit.dimension and _has_cjk(u.symbol)
                   and u.factor <= unit.factor]
        if chinese:
            best = max(chinese, key=lambda u: u.factor)
            found[symbol] = (Decimal(repr(unit.factor)) / Decimal(repr(best.factor)), best.symbol)
    return found


_ZH_FOR_EN_UNIT: dict[str, tuple[Decimal, str]] = _zh_for_en_units()
_EN_COUNTS: dict[str, tuple[Decimal, str]] = {
    "万人": (Decimal(10000), "persons"),
    "万名": (Decimal(10000), "persons"),
    "万人次": (Decimal(10000), "person-times"),
    "万吨": (Decimal(10000), "tonnes"),
    "亿吨": (Decimal("0.1"), "billion tonnes"),
    "万标箱": (Decimal(10000), "TEU"),
    "万家": (Decimal(10000), "firms"),
    "万头": (Decimal(10000), "head"),
    "万亩": (Decimal(10000), "mu"),
    "万平方米": (Decimal(10000), "m²"),
    "万套": (Decimal(10000), "dwellings"),
}

MAX_DECIMALS = 4


def _decimal(value: float | int | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def _plain(number: Decimal, lang: str, decimals: int | None) -> str:
    if not number.is_finite():
        return "–"
    exponent = number.as_tuple().exponent
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    elif isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        number = number.quantize(Decimal(1).scaleb(-MAX_DECIMALS), rounding=ROUND_HALF_UP)
    text = format(number, ",f" if lang == "en" else "f")
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    return text




def fmt_number(value: float | int | Decimal, lang: str, decimals: int | None = None) -> str:
    """A number as a reader of ``lang`` writes it: 14594.9 / 14,594.9; ``decimals`` fixes the places."""
    if is_missing(value):
        return "–"
    return _plain(_decimal(value), lang, decimals)


def display_value(value: float, unit: str, lang: str) -> tuple[float, str]:
    """The value and unit label a chart axis uses: unchanged in Chinese, English units in English."""
    if lang != "en":
        return value, unit
    if unit in _EN_MONEY:
        currency, factor, scale = _EN_MONEY[unit]
        return float(_decimal(value) * factor), f"{currency} {scale}".strip()
    if unit in _EN_COUNTS:
        factor, label = _EN_COUNTS[unit]
        return float(_decimal(value) * factor), label
    return value, units.label(unit, "en")


def display_unit(unit: str, lang: str) -> str:
    return display_value(0.0, unit, lang)[1]


def fmt_value(value: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A value with its unit: 14594.9亿元 / CNY 1,459.49 billion; 8.2% in both."""
    if is_missing(value):
        return "–"
    if lang != "en":
        if unit == "百分点":
            return f"{fmt_number(value, lang, decimals)}个百分点"
        if unit in _ZH_FOR_EN_UNIT:
            factor, zh_unit = _ZH_FOR_EN_UNIT[unit]
            return f"{fmt_number(_decimal(value) * factor, lang, decimals)}{zh_unit}"
        return f"{fmt_number(value, lang, decimals)}{unit}"
    number = _decimal(value)
    if unit in _EN_MONEY:
        currency, factor, scale = _EN_MONEY[unit]
        return f"{currency} {fmt_number(number * factor, lang, decimals)} {scale}".strip()
    if unit in _EN_COUNTS:
        factor, label = _EN_COUNTS[unit]
        return f"{fmt_number(number * factor, lang, decimals)} {label}"
    written = fmt_number(number, lang, decimals)
    if unit == "%":
        return f"{written}%"
    return f"{written} {units.label(unit, 'en', one=written.lstrip('-') == '1')}"


def fmt_signed(value: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A change with its sign: +1.2个百分点 / +1.2 pp, -3.1%."""
    if is_missing(value):
        return "–"
    sign = "+" if value > 0 else ("-" if value < 0 else "")
    text = fmt_value(abs(value), unit, lang, decimals)
    if lang == "en" and unit == "百分点":
        text = f"{fmt_number(abs(value), lang, decimals)} pp"
    return f"{sign}{text}"


def with_marks(text: str, lang: str, *, provisional: object = False, derived: object = False) -> str:
    """A value as written with its marks, the one way: 3%（预计） / 3% (provisional), and
    （本站计算） / (computed here) for a value computed here."""
    marks = [t("provisional", lang)] if provisional is True else []
    if derived is True:
        marks.append(t("figure_derived", lang))
    if not marks:
        return text
    if lang == "en":
        return f"{text} ({', '.join(marks)})"
    return f"{text}（{'，'.join(marks)}）"


def comparator_word(comparator: object, lang: str) -> str:
    """The wording of a comparator alone: 以上 / at least; "" for none or an exact figure."""
    if not isinstance(comparator, str) or comparator == "reach":
        return ""
    if comparator == "qualitative":
        return t("comparator_qualitative", lang)
    return comparator_phrase(comparator, "", lang).strip()


def unit_label(unit: str, lang: str) -> str:
    """A unit for a column of its own: 亿元 / CNY 100 million, 百分点 / percentage points."""
    return units.label(unit, lang)


def figure_status(row: object, lang: str) -> str:
    """What kind of figure a fact is, in words: provisional, computed here, revised, in conflict."""
    getter = row.get if hasattr(row, "get") else (lambda key, default=None: getattr(row, key, default))
    marks = []
    if getter("provisional") is True:
        marks.append(t("provisional", lang))
    if getter("derived") is True:
        marks.append(t("figure_derived", lang))
    if getter("revised") is True:
        marks.append(t("figure_revised", lang))
    if getter("conflict") is True:
        marks.append(t("figure_conflict", lang))
    return ("; " if lang == "en" else "、").join(marks)


def source_type_label(source_type: str, lang: str) -> str:
    key = f"type_{source_type}"
    return t(key, lang) if has(key) else source_type


def comparator_phrase(comparator: str | None, value_text: str, lang: str) -> str:
    """How a target or a bound is worded: 7%左右 / about 7%, 突破1万亿元 / over CNY 1 trillion."""
    key = f"comparator_{comparator or 'reach'}"
    return t(key, lang, v=value_text) if has(key) else value_text


def period_label(period: str, year: object, start_year: object, lang: str) -> str:
    """2021年 / 2021, 2016-2020年均 / 2016–2020 avg, 2020年一季度 / Q1 2020; no year: said so."""
    if is_missing(year):
        return t("year_not_stated", lang)
    key = f"period_{period.replace('-', '_')}"
    start = "?" if is_missing(start_year) else int(start_year)  # type: ignore[call-overload]
    return t(key if has(key) else "period_annual", lang, year=int(year), start=start)  # type: ignore[call-overload]


def year_label(year: int, lang: str) -> str:
    return f"{year}年" if lang != "en" else str(year)


def status_label(status: str, lang: str) -> str:
    key = f"status_{status}"
    return t(key, lang) if has(key) else status


def rule_label(rule: str, lang: str) -> str:
    """A ledger rule (a key of the catalogue, ``rule_...``) in words."""
    return t(rule, lang) if has(rule) else rule


def provenance_label(provenance: str, lang: str) -> str:
    key = f"prov_{provenance}"
    return t(key, lang) if has(key) else str(provenance)


def kind_label(kind: str, lang: str) -> str:
    key = f"kind_{kind}"
    return t(key, lang) if has(key) else str(kind)


def category_label(category: str | None, lang: str) -> str:
    if not category:
        return t("all_categories", lang)
    key = f"cat_{category}"
    return t(key, lang) if has(key) else category


def level_label(level: str, lang: str) -> str:
    key = f"level_{level}"
    return t(key, lang) if has(key) else level


def name(row: object, prefix: str, lang: str) -> str:
    """``row[prefix + '_en']`` in English (Chinese if it is empty), ``row[prefix + '_zh']`` otherwise.

    ``row`` is a mapping or a pandas row; ``prefix`` is ``region`` / ``indicator`` for tidy rows
    or ``name`` for rows of the regions and indicators lists."""
    getter = row.get if hasattr(row, "get") else (lambda key, default=None: getattr(row, key, default))
    zh = text_of(getter(f"{prefix}_zh", ""))
    en = text_of(getter(f"{prefix}_en", ""))
    if lang == "en" and en:
        return en
    return zh or en


def text_of(value: object) -> str:
    """A text field as text: "" for a missing one (pandas gives NaN for it, which is truthy)."""
    return value if isinstance(value, str) else ""


def language_name(lang: str) -> str:
    return {"zh": "中文", "en": "English"}.get(lang, lang)


def source_date(source: object, lang: str | None = None) -> str:
    """A source's date (``values.source_date``) as text, ``YYYY-MM-DD``; when only the portal's
    date is known, marked as such if ``lang`` is given. Empty when the source has no date."""
    value = values.source_date(source)
    if value is None:
        return ""
    text = str(value)[:10]
    if lang is None or values.source_date(source, posted=False) is not None:
        return text
    return f"{text} ({t('posted', lang)})" if lang == "en" else f"{text}({t('posted', lang)})"
