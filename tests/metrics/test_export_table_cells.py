"""The cells of the CSV and XLSX downloads of the real dataset, as a reader of the sheet sees them:
years and values as written (2025, 6000, 1.87 — never 2025.0), units in the table's language,
no internal ids or codes in the columns a person reads, no "None"/"nan", notes not glued."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest

from metrics.export import table_csv, table_xlsx
from metrics.export.labels import SOURCES_SHEET
from metrics.export.labels import column as header_of
from metrics.export.sheets import note_text

KINDS = ("facts", "ledger", "progress", "sources")
CODES = {"cited", "quoted", "derived", "news_article", "statistical_bulletin", "government_work_report", "plan_report",
         "government_release", "at_least", "at_most", "not_met", "provisionally_met", "no_actual"}
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def raw(frames, kind: str) -> pd.DataFrame:
    return {"facts": frames.facts, "ledger": frames.ledger, "progress": frames.progress, "sources": frames.sources}[kind]


def csv_cells(frames, kind: str, lang: str) -> pd.DataFrame:
    data = table_csv(raw(frames, kind), kind, lang, frames.sources)
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_float_noise_none_or_codes_in_the_csv(real_frames, kind, lang):
    table = csv_cells(real_frames, kind, lang)
    source_ids = set(real_frames.sources["id"])
    for column in table.columns:
        cells = [cell for cell in table[column] if cell]
        assert not [c for c in cells if re.fullmatch(r"-?\d+\.0", c)], (column, "written as 2025.0 / 6000.0")
        assert not [c for c in cells if c in ("None", "nan", "NaN", "<NA>")], column
        assert not [c for c in cells if c in CODES], (column, "an internal code")
        assert not [c for c in cells if any(part.strip() in source_ids for part in c.split(";"))], (column, "a source id")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_years_and_values_as_written(real_frames, lang):
    table = csv_cells(real_frames, "facts", lang)
    year, value, unit = table.columns[2], table.columns[6], table.columns[7]
    assert all(re.fullmatch(r"\d{4}", y) for y in table[year] if y)
    indicator, region = table.columns[1], table.columns[0]
    gdp = table[(table[indicator] == ("地区生产总值" if lang == "zh" else "GDP"))
                & (table[region] == ("宁波市" if lang == "zh" else "Ningbo")) & (table[year] == "2025")]
    assert ("1.87", "万亿元" if lang == "zh" else "CNY trillion") in set(zip(gdp[value], gdp[unit], strict=True))


@pytest.mark.parametrize("kind", ["facts", "ledger", "progress"])
def test_units_in_the_tables_language(real_frames, kind):
    for lang, other in (("zh", _LATIN), ("en", _CJK)):
        table = csv_cells(real_frames, kind, lang)
        units = {cell for column in table.columns if column.endswith(("单位", "unit", "Unit")) for cell in table[column] if cell}
        assert units and not [u for u in units if other.search(u)], (kind, lang, sorted(units))


def test_a_note_in_the_other_language_is_set_off_not_glued():
    assert note_text("英文原文more than 5.5 percent") == "英文原文: more than 5.5 percent"
    assert note_text("截至2016年末") == "截至2016年末" and note_text(None) is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_notes_are_not_glued(real_frames, lang):
    notes = csv_cells(real_frames, "facts", lang).iloc[:, -1]
    glued = [n for n in notes if re.search(r"[\u3400-\u9fff][A-Za-z]{2,}\s+[A-Za-z]", n)]
    assert not glued, glued[:3]


def test_the_sources_sheet_reads_words_and_keeps_the_id_last_for_machines(real_frames):
    for lang in ("zh", "en"):
        data = table_xlsx(raw(real_frames, "facts").head(40), "facts", lang, real_frames.sources)
        rows = list(openpyxl.load_workbook(io.BytesIO(data))[SOURCES_SHEET].iter_rows(values_only=True))
        header = rows[0]
        assert header[-1] == header_of("source_id", lang)
        assert ("程序" if lang == "zh" else "machines") in header[-1]
        for row in rows[1:]:
            assert row[header.index(header_of("provenance", lang))] not in CODES
            assert not str(row[header.index(header_of("title", lang))]).startswith("【")
