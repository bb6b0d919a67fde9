"""Tables: CSV that Excel on a Chinese Windows machine opens (UTF-8 with BOM) and that
round-trips; XLSX with the data and a sheet of every row's sources."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from metrics.export import table_csv, table_xlsx
from metrics.export.labels import SOURCES_SHEET
from metrics.export.tables import localise

BOM = b"\xef\xbb\xbf"


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")


def sheet_rows(data: bytes, name: str) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [tuple(row) for row in book[name].iter_rows(values_only=True)]


def test_csv_starts_with_the_bom_and_round_trips(sample_frames):
    table = sample_frames.facts
    data = table_csv(table, "zh")
    assert data.startswith(BOM)
    assert data[len(BOM):].decode("utf-8").count("\r\n") == len(table) + 1
    back = read_csv(data)
    assert list(back.columns) == list(localise(table, "zh").columns)
    assert back["地区"].tolist() == table["region_zh"].tolist()
    assert back["指标"].tolist() == table["indicator_zh"].tolist()
    assert back["数值"].tolist() == table["value"].tolist()
    assert back["原文"].fillna("").tolist() == table["quote"].fillna("").tolist()
    assert table_csv(back.set_axis(list(table.columns), axis=1), "zh") == data


def test_csv_in_english_has_english_headers(sample_frames):
    back = read_csv(table_csv(sample_frames.ledger, "en"))
    assert {"Region", "Indicator", "Target", "Actual", "Status"} <= set(back.columns)


def test_repeated_headers_stay_apart():
    frame = pd.DataFrame({"note": ["a"], "description_zh": ["b"]})
    assert list(localise(frame, "zh").columns) == ["说明", "说明 (description_zh)"]


def test_xlsx_has_the_data_and_a_sources_sheet(sample_frames):
    table = sample_frames.facts
    data = table_xlsx(table, "zh", sample_frames.sources)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["数据", SOURCES_SHEET]
    rows = sheet_rows(data, "数据")
    assert len(rows) == len(table) + 1
    assert rows[0][:3] == ("地区编号", "地区", "地区(英文)")
    assert [row[1] for row in rows[1:]] == table["region_zh"].tolist()
    sources = sheet_rows(data, SOURCES_SHEET)
    header, body = sources[0], sources[1:]
    assert header == ("数据行", "用途", "来源编号", "来源性质", "标题", "发布单位", "日期", "链接", "原文", "说明")
    assert sorted({row[0] for row in body}) == list(range(1, len(table) + 1))
    by_row = {row[0]: row for row in body}
    for number, record in enumerate(table.to_dict("records"), start=1):
        line = by_row[number]
        assert line[2] == record["source_id"] and line[3] == record["provenance"]
        if record["provenance"] == "quoted":
            assert line[8] == record["quote"] and line[4] == "示例市政府工作报告"
        else:
            assert line[7] == "https://example.org/bulletin-2021" and line[5] == "示例市统计局"


def test_xlsx_of_the_ledger_lists_target_and_actual_sources(sample_frames):
    ledger = sample_frames.ledger
    body = sheet_rows(table_xlsx(ledger, "en", sample_frames.sources), SOURCES_SHEET)[1:]
    roles = {(row[0], row[1]) for row in body}
    assert {(n, "target") for n in range(1, len(ledger) + 1)} <= roles
    with_actual = [n for n, value in enumerate(ledger["actual_sources"], start=1) if isinstance(value, str)]
    assert with_actual and {(n, "actual") for n in with_actual} <= roles
    quotes = {row[8] for row in body if row[1] == "target"}
    assert "地区生产总值增长7%左右" in quotes


def test_xlsx_marks_derived_rows_and_splits_their_sources(sample_frames):
    derived = sample_frames.table.head(1).copy()
    derived[["derived", "provenance", "source_id", "quote"]] = [True, "derived", "sample-report; sample-bulletin", None]
    derived["derivation"] = "(1.1万亿元 ÷ 1000.5亿元 − 1) × 100"
    body = sheet_rows(table_xlsx(derived, "zh", sample_frames.sources), SOURCES_SHEET)[1:]
    assert [row[2] for row in body] == ["sample-report", "sample-bulletin"]
    assert all(row[3] == "derived" and row[9].startswith("(1.1万亿元") and row[4] for row in body)


def test_xlsx_without_the_sources_table_uses_the_rows_own_columns(sample_frames):
    body = sheet_rows(table_xlsx(sample_frames.table, "zh"), SOURCES_SHEET)[1:]
    assert {row[4] for row in body} == {"示例市政府工作报告", "示例市2021年统计公报"}


def test_empty_table_still_makes_both_sheets():
    data = table_xlsx(pd.DataFrame({"region_id": pd.Series(dtype=object)}), "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", SOURCES_SHEET]
    assert read_csv(table_csv(pd.DataFrame({"year": pd.Series(dtype="Int64")}), "en")).columns.tolist() == ["Year"]


def test_text_that_looks_like_a_formula_stays_text():
    data = table_xlsx(pd.DataFrame({"note": ["=1+1", "plain"]}), "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    cell = book["Data"]["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_csv_never_carries_a_live_formula():
    from metrics.export.tables import table_csv

    frame = pd.DataFrame({"note": ["=HYPERLINK(\"http://x\")", "plain", "-3 points"], "value": [-1.5, 2.0, 3.0]})
    text = table_csv(frame, "en").decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text))
    assert list(back.iloc[:, 0]) == ["'=HYPERLINK(\"http://x\")", "plain", "'-3 points"]
    assert list(back.iloc[:, 1]) == [-1.5, 2.0, 3.0]
