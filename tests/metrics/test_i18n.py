"""Strings in both languages, numbers as each language writes them, period labels."""

from __future__ import annotations

import string

import pytest

from metrics.frames.ledger import STATUSES
from metrics.load.schema import CATEGORIES as CATEGORY_ORDER
from metrics.text import i18n


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_both_languages_with_the_same_placeholders():
    for key, entry in i18n._STRINGS.items():
        assert set(entry) - {"en_one"} == {"zh", "en"}, key
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert _fields(entry["zh"]) == _fields(entry["en"]) == _fields(entry.get("en_one", entry["en"])), key
        assert "en_one" not in entry or "n" in _fields(entry["en"]), f"{key}: a singular form needs a count n"


def test_a_count_of_one_reads_in_the_singular_in_english():
    assert i18n.t("problems_count", "en", n=1) == "1 problem"
    assert i18n.t("problems_count", "en", n=2) == "2 problems"
    assert i18n.t("problems_count", "en", n=0) == "0 problems"
    assert i18n.t("problems_count", "zh", n=1) == "共 1 处问题"
    assert i18n.t("data_rows", "en", n=1) == "1 record"
    assert "(s)" not in "".join(entry["en"] for entry in i18n._STRINGS.values()), "a count's plural is chosen, not hedged"


def test_every_ledger_rule_has_its_words_in_the_catalogue():
    import ast
    import inspect

    from metrics.frames import ledger

    keys = {node.value for node in ast.walk(ast.parse(inspect.getsource(ledger)))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("rule_")}
    assert len(keys) >= 15
    assert all(i18n.has(key) for key in keys), sorted(k for k in keys if not i18n.has(k))
    assert i18n.rule_label("rule_about_within", "zh") == "在“左右”的容差内"


def test_an_unknown_language_or_a_missing_translation_falls_back_to_chinese(monkeypatch):
    assert i18n.t("page_overview", "fr") == "概览"
    monkeypatch.setitem(i18n._STRINGS, "only_zh", {"zh": "只有中文"})
    assert i18n.t("only_zh", "en") == "只有中文"


@pytest.mark.parametrize(("value", "zh", "en"), [
    (14594.9, "14594.9", "14,594.9"),
    (73869.0, "73869", "73,869"),
    (2.22, "2.22", "2.22"),
    (-7.0, "-7", "-7"),
    (0.0, "0", "0"),
    (1234567, "1234567", "1,234,567"),
    (323.333333333, "323.3333", "323.3333"),
])
def test_numbers_keep_the_digits_as_written(value, zh, en):
    assert i18n.fmt_number(value, "zh") == zh
    assert i18n.fmt_number(value, "en") == en


def test_fixed_decimals_round_half_up_and_never_show_minus_zero():
    assert i18n.fmt_number(1.25, "zh", 1) == "1.3"
    assert i18n.fmt_number(-0.01, "en", 1) == "0.0"
    assert i18n.fmt_number(float("nan"), "zh") == "–"


@pytest.mark.parametrize(("value", "unit", "zh", "en"), [
    (14594.9, "亿元", "14594.9亿元", "CNY 1,459.49 billion"),
    (1.7, "万亿元", "1.7万亿元", "CNY 1.7 trillion"),
    (5.5, "万元", "5.5万元", "CNY 55,000"),
    (73869, "元", "73869元", "CNY 73,869"),
    (2.5, "亿美元", "2.5亿美元", "USD 0.25 billion"),
    (16, "万人", "16万人", "160,000 persons"),
    (8.2, "%", "8.2%", "8.2%"),
    (1.19, "百分点", "1.19个百分点", "1.19 percentage points"),
    (18, "家", "18家", "18 firms"),
    (1, "百分点", "1个百分点", "1 percentage point"),
    (1, "家", "1家", "1 firm"),
    (1.0, "个", "1个", "1 unit"),
    (-1, "人", "-1人", "-1 person"),
    (1.5, "天", "1.5天", "1.5 days"),
    (11, "项", "11项", "11 projects"),
])
def test_values_with_units(value, unit, zh, en):
    assert i18n.fmt_value(value, unit, "zh") == zh
    assert i18n.fmt_value(value, unit, "en") == en


def test_the_english_unit_after_exactly_one_is_singular_and_after_any_other_number_plural():
    """The sentence "1 percentage points below the target" read wrong; "1.0" keeps the plural, as written."""
    from metrics.load import units

    assert i18n.fmt_signed(-1, "家", "en") == "-1 firm"
    assert i18n.fmt_value(1, "百分点", "en", 1) == "1.0 percentage points"
    assert i18n.display_unit("家", "en") == "firms", "an axis names the unit in the plural"
    for unit in units.UNITS.values():  # a singular is given only where the label is a plural that differs from it
        assert unit.label_en_one is None or unit.label_en_one != unit.label_en, unit.symbol
    plural = [u.symbol for u in units.UNITS.values() if u.count and u.label_en.endswith("s") and not u.label_en[0].isdigit()
              and u.label_en_one is None]
    assert not plural, f"counted units with a plural English label and no label_en_one in data/units.yaml: {plural}"


def test_display_value_matches_the_formatted_value_and_labels_the_axis():
    assert i18n.display_value(14594.9, "亿元", "en") == (1459.49, "CNY billion")
    assert i18n.display_value(14594.9, "亿元", "zh") == (14594.9, "亿元")
    assert i18n.display_unit("%", "en") == "%"
    assert i18n.display_unit("百分点", "en") == "percentage points"


def test_signed_changes():
    assert i18n.fmt_signed(1.2, "百分点", "zh", 1) == "+1.2个百分点"
    assert i18n.fmt_signed(1.2, "百分点", "en", 1) == "+1.2 pp"
    assert i18n.fmt_signed(-3.14, "%", "en", 1) == "-3.1%"
    assert i18n.fmt_signed(0.0, "%", "zh", 1) == "0.0%"


@pytest.mark.parametrize(("period", "year", "start", "zh", "en"), [
    ("annual", 2021, None, "2021年", "2021"),
    ("average", 2020, 2016, "2016-2020年均", "2016–2020 avg"),
    ("total", 2025, 2021, "2021-2025累计", "2021–2025 total"),
    ("change", 2020, 2016, "2016-2020累计变化", "2016–2020 change"),
    ("Q1", 2020, None, "2020年一季度", "Q1 2020"),
    ("Q1-Q3", 2021, None, "2021年前三季度", "Q1–Q3 2021"),
    ("annual", None, None, "年份未注明", "year not stated"),
])
def test_period_labels(period, year, start, zh, en):
    assert i18n.period_label(period, year, start, "zh") == zh
    assert i18n.period_label(period, year, start, "en") == en


def test_comparator_phrases():
    assert i18n.comparator_phrase("about", "7%", "zh") == "7%左右"
    assert i18n.comparator_phrase("above", "CNY 1 trillion", "en") == "over CNY 1 trillion"
    assert i18n.comparator_phrase("at_most", "3.5%", "zh") == "3.5%以内"
    assert i18n.comparator_phrase(None, "3%", "en") == "3%"


def test_every_status_provenance_kind_and_category_has_words():
    for status in STATUSES:
        assert i18n.has(f"status_{status}")
        assert "_" not in i18n.status_label(status, "en")
    for provenance in ("quoted", "cited", "derived"):
        assert i18n.provenance_label(provenance, "zh") != provenance
    for category in CATEGORY_ORDER:
        assert i18n.category_label(category, "en") != category
    assert i18n.category_label(None, "zh") == "全部类别"


def test_names_fall_back_to_chinese_and_ignore_missing_values():
    row = {"region_zh": "宁波市", "region_en": float("nan")}
    assert i18n.name(row, "region", "en") == "宁波市"
    assert i18n.name({"name_zh": "余姚市", "name_en": "Yuyao"}, "name", "en") == "Yuyao"
