"""Tables: CSV that Excel on a Chinese Windows machine opens (UTF-8 with BOM), XLSX with the
data as numbers and a sheet of every row's sources; both built from a page's raw rows."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from metrics.export import table_csv, table_xlsx
from metrics.export.labels import SOURCES_SHEET
from metrics.export.sheets import SHEET_COLUMNS
from metrics.text import i18n

BOM = b"\xef\xbb\xbf"


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")


def sheet_rows(data: bytes, name: str) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [tuple(row) for row in book[name].iter_rows(values_only=True)]


def test_csv_starts_with_the_bom_and_holds_names_numbers_and_units(sample_frames):
    table = sample_frames.facts
    data = table_csv(table, "facts", "zh", sample_frames.sources)
    assert data.startswith(BOM)
    assert data[len(BOM):].decode("utf-8").count("\r\n") == len(table) + 1
    back = read_csv(data)
    assert list(back.columns) == [c.header[0] for c in SHEET_COLUMNS["facts"]]
    assert back["地区"].tolist() == table["region_zh"].tolist()
    assert back["指标"].tolist() == table["indicator_zh"].tolist()
    assert back["数值"].tolist() == table["value"].tolist()
    assert set(back["单位"]) <= {"亿元", "%", "万亿元"}
    assert "示例市2021年统计公报" in set(back["来源"]) and "sample-bulletin" not in set(back["来源"])


def test_csv_in_english_has_english_headers_and_units(sample_frames):
    back = read_csv(table_csv(sample_frames.ledger, "ledger", "en", sample_frames.sources))
    assert {"Region", "Indicator", "Target", "Actual", "Status", "Target unit"} <= set(back.columns)
    assert set(back["Region"]) == {"Sample City"}
    assert not any("一" <= ch <= "鿿" for value in back["Status"] for ch in str(value))


def test_xlsx_stores_numbers_as_numbers_with_their_decimals(sample_frames):
    table = sample_frames.facts
    data = table_xlsx(table, "facts", "zh", sample_frames.sources)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["数据", SOURCES_SHEET]
    sheet = book["数据"]
    headers = [c.value for c in sheet[1]]
    value_column = headers.index("数值") + 1
    cells = [sheet.cell(row, value_column) for row in range(2, len(table) + 2)]
    assert all(isinstance(c.value, (int, float)) for c in cells if c.value is not None)
    written = {c.value: c.number_format for c in cells if c.value is not None}
    assert written[8.2] == "#,##0.0"


def test_xlsx_sources_sheet_lists_every_row(sample_frames):
    table = sample_frames.facts
    data = table_xlsx(table, "facts", "zh", sample_frames.sources)
    sources = sheet_rows(data, SOURCES_SHEET)
    header, body = sources[0], sources[1:]
    assert header == ("数据行", "用途", "来源性质", "标题", "发布单位", "日期", "链接", "原文", "说明", "来源编号（供程序使用）")
    assert sorted({row[0] for row in body}) == list(range(1, len(table) + 1))
    by_row = {row[0]: row for row in body}
    for number, record in enumerate(table.to_dict("records"), start=1):
        line = by_row[number]
        assert line[2] == i18n.provenance_label(record["provenance"], "zh")
        if record["provenance"] == "quoted":
            assert line[7] == record["quote"] and line[3] == "示例市政府工作报告"
        else:
            assert line[6] == "https://example.org/bulletin-2021" and line[4] == "示例市统计局"


def test_xlsx_of_the_ledger_lists_target_and_actual_sources(sample_frames):
    ledger = sample_frames.ledger
    body = sheet_rows(table_xlsx(ledger, "ledger", "en", sample_frames.sources), SOURCES_SHEET)[1:]
    roles = {(row[0], row[1]) for row in body}
    assert {(n, "target") for n in range(1, len(ledger) + 1)} <= roles
    with_actual = [n for n, value in enumerate(ledger["actual_sources"], start=1) if isinstance(value, str)]
    assert with_actual and {(n, "actual") for n in with_actual} <= roles
    quotes = {row[7] for row in body if row[1] == "target"}
    assert "地区生产总值增长7%左右" in quotes


def test_xlsx_marks_derived_rows_and_splits_their_sources(sample_frames):
    derived = sample_frames.table.head(1).copy()
    derived[["derived", "provenance", "source_id", "quote"]] = [True, "derived", "sample-report; sample-bulletin", None]
    derived["derivation"] = "(1.1万亿元 ÷ 1000.5亿元 − 1) × 100"
    body = sheet_rows(table_xlsx(derived, "facts", "zh", sample_frames.sources), SOURCES_SHEET)[1:]
    assert [row[9] for row in body] == ["sample-report", "sample-bulletin"]
    assert all(row[2] == "本站推算" and row[8].startswith("(1.1万亿元") and row[3] for row in body)


def test_the_sources_table_is_one_sheet_of_citations(sample_frames):
    data = table_xlsx(sample_frames.sources, "sources", "en", sample_frames.sources)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data"]
    rows = sheet_rows(data, "Data")
    assert rows[0][:3] == ("Title", "Publisher", "Type")
    assert {row[0] for row in rows[1:]} == {"示例市政府工作报告", "示例市2021年统计公报"}


def test_empty_table_still_makes_both_sheets(sample_frames):
    data = table_xlsx(sample_frames.facts.head(0), "facts", "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", SOURCES_SHEET]
    assert read_csv(table_csv(sample_frames.facts.head(0), "facts", "en")).columns.tolist()[:2] == ["Region", "Indicator"]


def test_text_that_looks_like_a_formula_stays_text(sample_frames):
    rows = sample_frames.facts.head(2).copy()
    rows["note"] = ["=1+1", "-3 points"]
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(rows, "facts", "en")))
    headers = [c.value for c in book["Data"][1]]
    cell = book["Data"].cell(2, headers.index("Note") + 1)
    assert cell.value == "=1+1" and cell.data_type == "s"
    back = read_csv(table_csv(rows, "facts", "en"))
    assert list(back["Note"]) == ["'=1+1", "'-3 points"]


def test_computed_numbers_in_a_sheet_are_rounded_as_the_page_shows_them(real_frames):
    import io

    import openpyxl

    from metrics.export.tables import table_xlsx
    from metrics.figures import queries

    ledger = queries.ledger_for(real_frames, "ningbo", 2025)
    sheet = openpyxl.load_workbook(io.BytesIO(table_xlsx(ledger, "ledger", "zh", real_frames.sources))).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    gaps = [row[header.index("差距")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    numbers = [g for g in gaps if isinstance(g, (int, float))]
    assert numbers and all(round(g, 2) == g for g in numbers), numbers
    assert 10.0 in numbers, "GDP 1.87万亿 against 1.7万亿: 10.0%, not 10.00000000000001"
