"""Tables for Excel: CSV that a Chinese-locale Excel opens without garbling, and XLSX with a
second sheet naming every row's sources and quotes."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterator
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from metrics.export import labels
from metrics.export.sheets import sheet_frame
from metrics.frames.missing import source_date, split_ids
from metrics.text import i18n
from metrics.text.citation import title_as_published

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_REFERENCES = (
    # (column with source ids, column with the quote, column with the provenance, role)
    ("sources", "quote", "provenance", "role_value"),
    ("source_id", "quote", "provenance", "role_value"),
    ("target_source", "target_quote", None, "role_target"),
    ("actual_sources", "actual_quote", "actual_provenance", "role_actual"),
)
"""Where a row of each dataset table names its sources. ``sources`` (every agreeing source of a
fact) takes precedence over ``source_id`` (the one kept)."""


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: Any) -> Any:
    """Text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def table_csv(raw: pd.DataFrame, kind: str, lang: str = "zh", sources: pd.DataFrame | None = None) -> bytes:
    """CSV in UTF-8 with a byte-order mark (what Excel needs to read UTF-8) of a page's raw rows
    (``sheets.sheet_frame``: names, numbers, units, source titles).

    Text cells that Excel would evaluate as a formula are prefixed with an apostrophe; numbers
    are untouched.
    """
    safe, _ = sheet_frame(raw, kind, lang, sources)
    for column in safe.columns:
        # a list, not Series.map, which would infer float64 for a column of ints and blanks (2025.0)
        safe[column] = pd.Series([_defuse(value) for value in safe[column]], index=safe.index, dtype=object)
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _cell(value: Any) -> Any:
    """A value openpyxl writes as Excel expects: no NaN/NA, plain Python numbers, text otherwise."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, dict)):
        return "; ".join(map(str, value)) if not isinstance(value, dict) else str(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return str(value)
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (bool, int, str, dt.date, dt.datetime)):
        return value
    if isinstance(value, float):
        return None if math.isinf(value) else value
    return str(value)


def _catalogue(frame: pd.DataFrame, sources: pd.DataFrame | None) -> dict[str, dict]:
    """Source id -> its record, from the dataset's sources and else from the table's own columns."""
    catalogue: dict[str, dict] = {}
    if {"source_id", "source_title"} <= set(frame.columns):
        for row in frame.drop_duplicates("source_id").to_dict("records"):
            for source_id in split_ids(row.get("source_id")):
                catalogue.setdefault(source_id, {
                    "id": source_id, "provenance": row.get("provenance"), "title": row.get("source_title"),
                    "publisher": row.get("source_publisher"), "date": row.get("source_date"),
                    "url": row.get("source_url")})
    if sources is not None and not sources.empty:
        for record in sources.to_dict("records"):
            catalogue[record["id"]] = {**record, "date": source_date(record)}
    return catalogue


def source_rows(frame: pd.DataFrame, sources: pd.DataFrame | None, lang: str) -> Iterator[dict]:
    """One row per (data row, source it uses), with the source's title, publisher, date, URL, quote."""
    catalogue = _catalogue(frame, sources)
    used = [ref for ref in _REFERENCES if ref[0] in frame.columns]
    if "sources" in frame.columns:
        used = [ref for ref in used if ref[0] != "source_id"]
    for number, row in enumerate(frame.to_dict("records"), start=1):
        for ids_column, quote_column, provenance_column, role in used:
            ids = split_ids(row.get(ids_column))
            quoted_id = str(row.get("source_id")) if ids_column == "sources" else (ids[0] if ids else None)
            derived = bool(row.get("derived")) if "derived" in row and not pd.isna(row.get("derived")) else False
            for source_id in ids:
                source = catalogue.get(source_id, {})
                provenance = row.get(provenance_column) if provenance_column and source_id == quoted_id else None
                if derived:
                    provenance = "derived"
                elif _cell(provenance) is None:
                    provenance = source.get("provenance")
                yield {
                    "row": number,
                    "role": labels.text(role, lang),
                    "source_id": source_id,
                    "provenance": i18n.provenance_label(str(provenance), lang) if _cell(provenance) is not None else None,
                    "title": title_as_published(source) or None,
                    "publisher": _cell(source.get("publisher")),
                    "date": _cell(source.get("date")),
                    "url": _cell(source.get("url")),
                    "quote": _cell(row.get(quote_column)) if source_id == quoted_id and quote_column in row else None,
                    "note": _cell(row.get("derivation")) if derived else None,
                }


def _number_format(value: float) -> str:
    """Excel's format for a number with the decimals it was written with: 14594.9 -> #,##0.0."""
    text = repr(float(value))
    places = 0 if "e" in text or text.endswith(".0") else len(text.partition(".")[2])
    return "#,##0" + ("." + "0" * places if places else "")


def _write_sheet(sheet: Worksheet, headers: list[str], rows: Iterator[list[Any]], numeric: list[bool] | None = None) -> None:
    """Header in bold, frozen; columns as wide as their text (up to a limit); numbers with the
    decimals they were written with; text that starts with ``=`` stays text (openpyxl would
    otherwise store it as a formula)."""
    sheet.append(headers)
    numeric = numeric or [False] * len(headers)
    widths = [min(max(len(str(h)) * 2, 8), 60) for h in headers]
    for row in rows:
        sheet.append(row)
        for index, value in enumerate(row):
            if value is None:
                continue
            widths[index] = min(max(widths[index], len(str(value)) + 2), 60)
            cell = sheet.cell(sheet.max_row, index + 1)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            elif numeric[index] and isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = _number_format(value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def table_xlsx(raw: pd.DataFrame, kind: str, lang: str = "zh", sources: pd.DataFrame | None = None) -> bytes:
    """An XLSX workbook of a page's raw rows: sheet 1 the table (``sheets.sheet_frame``: names,
    numbers as numbers with their decimals, units in their own column, source titles), sheet 2
    ``来源 Sources`` with one line per data row and source it uses, quote or citation included.
    ``sources`` is the dataset's sources table (``frames.sources``)."""
    book = Workbook()
    data = book.active
    data.title = i18n.t("sheet_data", lang)
    frame, numeric = sheet_frame(raw, kind, lang, sources)
    _write_sheet(data, list(frame.columns), ([_cell(v) for v in row] for row in frame.itertuples(index=False)), numeric)
    if kind != "sources":
        sheet = book.create_sheet(labels.SOURCES_SHEET)
        keys = list(labels.SOURCE_COLUMNS)
        headers = [labels.column(key, lang) for key in keys]
        _write_sheet(sheet, headers, ([row[key] for key in keys] for row in source_rows(raw, sources, lang)))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
