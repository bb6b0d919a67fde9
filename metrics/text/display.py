"""Rows as the pages and tables show them: targets, actuals, gaps and values in words, the ledger, scorecard, data and source tables.

Every function takes ``DataFrames`` (``metrics.frames.dataframes``) and plain ids; none needs Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from metrics.figures import figure
from metrics.frames.dataframes import DataFrames
from metrics.frames.missing import split_ids
from metrics.text import citation, i18n, render


def _decimals_of(*values: object) -> int:
    places = 0
    for value in values:
        if i18n.is_missing(value):
            continue
        text = repr(float(value))  # type: ignore[arg-type]
        if "e" not in text and "." in text:
            places = max(places, len(text.split(".")[1].rstrip("0")))
    return min(places, 2)


def gap_decimals(row: dict) -> int:
    """Decimal places for a ledger gap: as many as the figures had (percentage points), 1 for percent."""
    if row.get("gap_unit") == "%":
        return 1
    return _decimals_of(row.get("target_std"), row.get("actual_std"))


def target_text(row: dict, lang: str) -> str:
    """A target as worded: 7%左右, 突破1万亿元; a qualitative target gives its quote or note."""
    return render.target(figure.target_of(row), lang)


def actual_text(row: dict, lang: str) -> str:
    """A ledger row's actual as written, with its bound, marks and first release."""
    actual = figure.actual_of(row)
    return "" if actual is None else render.with_revision(actual, lang)


def gap_text(row: dict, lang: str) -> str:
    if i18n.is_missing(row.get("gap")):
        return ""
    return i18n.fmt_signed(float(row["gap"]), str(row["gap_unit"]), lang, gap_decimals(row))


def cited_ids(ids: object, catalogue: Mapping[str, Mapping] | None, lang: str) -> str:
    """Source ids (one, or several joined by ';') as their publications are cited, never as ids."""
    parts = []
    for value in ids if isinstance(ids, (list, tuple)) else [ids]:
        parts += split_ids(value)
    return i18n.t("sep_items", lang).join(
        citation.cite(catalogue[sid], lang) if catalogue and sid in catalogue else sid for sid in dict.fromkeys(parts))


def ledger_table(ledger: pd.DataFrame, lang: str, catalogue: Mapping[str, Mapping] | None = None) -> pd.DataFrame:
    """The ledger as the page shows it: words and formatted numbers, the status as text, the
    sources as their publications are cited."""
    rows = []
    for row in ledger.to_dict("records"):
        rows.append({
            i18n.t("col_indicator", lang): i18n.name(row, "indicator", lang),
            i18n.t("col_period", lang): i18n.period_label(row["period"], row["year"], row["start_year"], lang),
            i18n.t("col_target", lang): target_text(row, lang),
            i18n.t("col_actual", lang): actual_text(row, lang),
            i18n.t("col_gap", lang): gap_text(row, lang),
            i18n.t("col_status", lang): i18n.status_label(row["status"], lang),
            i18n.t("col_rule", lang): i18n.rule_label(str(row["rule"]), lang),
            i18n.t("col_sources", lang): cited_ids([row["target_source"], row.get("actual_sources")], catalogue, lang),
        })
    return pd.DataFrame(rows)


def progress_table(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The scorecard as the page shows it: target, base, latest actual with its year, the verdict
    (or progress, labelled with its year), required and achieved growth a year."""
    rows = []
    for row in progress.to_dict("records"):
        unit = str(row["change_unit"] or "%")
        latest_figure = figure.latest_of(row)
        latest = "" if latest_figure is None else (
            f"{render.value(latest_figure, lang)} ({i18n.year_label(int(row['latest_year']), lang)})")
        target = render.target(figure.target_of(row), lang)
        rows.append({
            i18n.t("col_indicator", lang): i18n.name(row, "indicator", lang),
            i18n.t("col_plan_target", lang): target,
            i18n.t("col_base", lang, year=int(row["base_year"])): "" if i18n.is_missing(row["base_std"])
            else i18n.fmt_value(row["base_std"], row["indicator_unit"], lang),
            i18n.t("col_latest", lang): latest,
            i18n.t("col_verdict", lang): score_status(row, lang),
            i18n.t("col_gap", lang): "" if i18n.is_missing(row.get("gap")) else render.signed(float(row["gap"]), str(row["gap_unit"]), lang,
                                                                                             gap_decimals(row)),
            i18n.t("col_required", lang): _per_year_text(row["required_per_year"], unit, lang),
            i18n.t("col_achieved", lang): _per_year_text(row["achieved_per_year"], unit, lang),
        })
    return pd.DataFrame(rows)


def score_status(row: dict, lang: str) -> str:
    """A scorecard row's status in words: the verdict, progress with its year, or no actual."""
    if row.get("verdict"):
        return i18n.status_label(str(row["status"]), lang)
    if i18n.is_missing(row.get("latest_year")):
        return i18n.t("score_no_actual", lang)
    text = i18n.t("score_progress", lang, year=int(row["latest_year"]))
    return text + ("; " + i18n.t("score_break", lang) if row.get("broken") else "")


def per_year_decimals(unit: str) -> int:
    """Decimal places of a scorecard's change a year: 2 for percentage points, 1 for percent."""
    return 2 if unit == "百分点" else 1


def _per_year_text(value: object, unit: str, lang: str) -> str:
    if i18n.is_missing(value):
        return "–"
    return i18n.fmt_signed(float(value), unit, lang, per_year_decimals(unit))  # type: ignore[arg-type]


def value_text(row: dict, lang: str) -> str:
    """A fact's value as written, with its bound (突破) and whether it is provisional or computed."""
    return render.value(figure.of_fact(row), lang)


def _evidence(row: dict, lang: str) -> str:
    if row.get("derived"):
        return i18n.text_of(row.get("derivation"))
    if row.get("provenance") == "quoted":
        return i18n.text_of(row.get("quote"))
    parts = [row.get("source_title"), row.get("source_publisher"), row.get("source_date"), row.get("source_url")]
    return ", ".join(str(p) for p in parts if isinstance(p, str) and p)


def table_display(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The records as the data page shows them: provenance in words beside the quote or citation."""
    out = []
    for row in rows.to_dict("records"):
        out.append({
            i18n.t("col_region", lang): i18n.name(row, "region", lang),
            i18n.t("col_indicator", lang): i18n.name(row, "indicator", lang),
            i18n.t("col_period", lang): i18n.period_label(row["period"], row["year"], row["start_year"], lang),
            i18n.t("col_kind", lang): i18n.kind_label(row["kind"], lang),
            i18n.t("col_value", lang): "" if i18n.is_missing(row["value"]) else value_text(row, lang),
            i18n.t("col_provenance", lang): i18n.provenance_label(row["provenance"], lang),
            i18n.t("col_evidence", lang): _evidence(row, lang),
            i18n.t("col_sources", lang): citation.cite({"title": row.get("source_title"), "publisher": row.get("source_publisher"),
                                                        "date": row.get("source_date")}, lang)
            if row.get("source_title") else "",
            i18n.t("col_note", lang): row["note"] if isinstance(row["note"], str) else "",
            i18n.t("col_line", lang): None if i18n.is_missing(row["line"]) else int(row["line"]),
        })
    return pd.DataFrame(out)


def safe_url(url: object) -> str | None:
    """A URL only if it is http(s): anything else (``javascript:``) is not made a link."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return url
    return None


def source_table(frames: DataFrames, lang: str) -> pd.DataFrame:
    """The source documents with their dates, provenance and how many records each carries."""
    counts = frames.table["source_id"].value_counts() if not frames.table.empty else pd.Series(dtype=int)
    rows = []
    for source in frames.dataset.sources:
        rows.append({
            i18n.t("col_title", lang): source.title,
            i18n.t("col_publisher", lang): source.publisher,
            i18n.t("col_provenance", lang): i18n.provenance_label(source.provenance, lang),
            i18n.t("col_type", lang): i18n.source_type_label(source.type, lang),
            i18n.t("col_date", lang): i18n.source_date(source, lang),
            i18n.t("col_url", lang): safe_url(getattr(source, "url", None)),
            i18n.t("col_records", lang): int(counts.get(source.id, 0)),
        })
    return pd.DataFrame(rows)
