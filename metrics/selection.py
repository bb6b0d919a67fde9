"""The slices of the data each page shows, chosen here so that pages only render.

Every function takes ``DataFrames`` (``metrics.views``) and plain ids; none needs Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from metrics import i18n, series
from metrics.ledger import STATUSES
from metrics.query_state import Options
from metrics.values import join_ids, split_ids
from metrics.views import DataFrames

RANKED_LEVELS = ("district", "county_level_city", "county")
"""Region levels compared with each other on the regions page; the city and the port are shown apart."""
DRAWN_PERIODS = ("annual", "average")
"""Periods a time axis can show: a year, or an average over a span drawn across that span."""


# names and choices ---------------------------------------------------------------------------

def region_name(frames: DataFrames, region_id: str, lang: str) -> str:
    region = frames.dataset.region_by_id.get(region_id)
    return i18n.name(region, "name", lang) if region else region_id


def indicator_name(frames: DataFrames, indicator_id: str, lang: str) -> str:
    indicator = frames.dataset.indicator_by_id.get(indicator_id)
    return i18n.name(indicator, "name", lang) if indicator else indicator_id


def indicator_unit(frames: DataFrames, indicator_id: str) -> str:
    indicator = frames.dataset.indicator_by_id.get(indicator_id)
    return str(indicator["unit"]) if indicator else ""


def region_ids(frames: DataFrames) -> list[str]:
    return [str(r["id"]) for r in frames.dataset.regions]


def categories(frames: DataFrames) -> list[str]:
    """The dataset's indicator categories, in the format's order (``schema.CATEGORIES``)."""
    return list(frames.options.categories)


def indicator_ids(frames: DataFrames, category: str | None = None, keep: Iterable[str] = ()) -> list[str]:
    """Indicator ids of ``category`` (all when None) in category order, plus ``keep`` (never dropped)."""
    rank = {c: n for n, c in enumerate(categories(frames))}
    chosen = [i for i in frames.dataset.indicators if category is None or i["category"] == category]
    ordered = [str(i["id"]) for i in sorted(chosen, key=lambda i: rank.get(i["category"], len(rank)))]
    known = set(frames.dataset.indicator_by_id)
    return ordered + [k for k in keep if k not in ordered and k in known]


def view_options(frames: DataFrames) -> Options:
    """What a view of this data may hold (computed once per dataset, see ``DataFrames.options``)."""
    return frames.options


def growth_of(frames: DataFrames, indicator_id: str) -> str | None:
    """The growth indicator that goes with a level (gdp -> gdp_growth), as the data pairs them."""
    return series.growth_of(frames.dataset.indicator_by_id, indicator_id)


def headline_order(frames: DataFrames) -> dict[str, int]:
    """Indicator -> its place among the headline indicators (each level, then its growth)."""
    return {ind: n for n, ind in enumerate(series.headline_with_growth(frames.dataset.indicator_by_id))}


# single facts --------------------------------------------------------------------------------

def narrow(frames: DataFrames, region_id: str, years: Iterable[int]) -> DataFrames:
    """The frames cut to one region and a few years: lookups over many indicators (a card grid,
    a briefing) then filter a few rows instead of the whole table each time."""
    wanted = list(years)

    def cut(frame: pd.DataFrame) -> pd.DataFrame:
        if frame.empty:
            return frame
        return frame[frame["region_id"].eq(region_id) & frame["year"].isin(wanted)]

    return replace(frames, table=cut(frames.table), facts=cut(frames.facts), ledger=cut(frames.ledger))


def annual_facts(frames: DataFrames, region_id: str, indicator_id: str, year: int, kind: str = "actual",
                 include_derived: bool = True) -> pd.DataFrame:
    """The facts of one region, indicator and year (annual), reported first, derived last."""
    facts = frames.facts
    if facts.empty:
        return facts
    rows = facts[facts["region_id"].eq(region_id) & facts["indicator_id"].eq(indicator_id) & facts["year"].eq(year)
                 & facts["period"].eq("annual") & facts["kind"].eq(kind)]
    if not include_derived:
        rows = rows[~rows["derived"].astype(bool)]
    return rows.sort_values("derived", kind="stable")


def ledger_row(frames: DataFrames, region_id: str, indicator_id: str, year: int) -> dict | None:
    """The ledger row of the annual target of one region, indicator and year, as a dict."""
    ledger = frames.ledger
    if ledger.empty:
        return None
    rows = ledger[ledger["region_id"].eq(region_id) & ledger["indicator_id"].eq(indicator_id) & ledger["year"].eq(year)
                  & ledger["period"].eq("annual")]
    return rows.iloc[0].to_dict() if not rows.empty else None


def records_of_fact(frames: DataFrames, fact: dict) -> pd.DataFrame:
    """Every record (one per source) behind a fact of ``frames.facts``."""
    table = frames.table
    same = (table["region_id"].eq(fact["region_id"]) & table["indicator_id"].eq(fact["indicator_id"])
            & table["period"].eq(fact["period"]) & table["kind"].eq(fact["kind"]))
    for column in ("year", "start_year"):
        same &= table[column].isna() if pd.isna(fact[column]) else table[column].eq(fact[column])
    rows = table[same]
    derived = rows["derived"].astype(bool)
    if fact.get("derived"):
        return rows[derived]
    ids = set(str(fact.get("sources") or fact["source_id"]).split("; "))
    return rows[~derived & rows["source_id"].isin(ids)]


# targets page --------------------------------------------------------------------------------

def ledger_for(frames: DataFrames, region_id: str, year: int, category: str | None = None,
               statuses: Sequence[str] = ()) -> pd.DataFrame:
    """The targets of a region for a year (annual and spans ending that year), judged ones first
    (in the order of ``ledger.STATUSES``), only those of ``statuses`` if given."""
    ledger = frames.ledger
    if ledger.empty:
        return ledger
    rows = ledger[ledger["region_id"].eq(region_id) & ledger["year"].eq(year)]
    if category:
        rows = rows[rows["category"].eq(category)]
    if statuses:
        rows = rows[rows["status"].isin(list(statuses))]
    rank = {status: n for n, status in enumerate(STATUSES)}
    return rows.sort_values("status", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)


def progress_for(frames: DataFrames, region_id: str, category: str | None = None) -> pd.DataFrame:
    """The 十四五 scorecard of a region: every numeric 2025 target, judged or in progress."""
    progress = frames.progress
    if progress.empty:
        return progress
    rows = progress[progress["region_id"].eq(region_id)]
    if category:
        cats = {i["id"]: i["category"] for i in frames.dataset.indicators}
        rows = rows[rows["indicator_id"].map(cats).eq(category)]
    rows = rows.reset_index(drop=True)
    sources = _reported_sources(frames.facts, region_id)
    rows["actual_sources"] = [_actual_sources(sources, row) for row in rows.to_dict("records")]
    return rows


def _reported_sources(facts: pd.DataFrame, region_id: str) -> dict[str, list[tuple[int, str]]]:
    """The (year, sources) of a region's reported annual actuals, by indicator, in table order."""
    if facts.empty:
        return {}
    rows = facts.loc[facts["region_id"].eq(region_id) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                     & ~facts["derived"].astype(bool) & facts["year"].notna(), ["indicator_id", "year", "sources"]]
    found: dict[str, list[tuple[int, str]]] = {}
    for indicator_id, year, value in rows.itertuples(index=False):
        found.setdefault(str(indicator_id), []).append((int(year), str(value)))
    return found


def _actual_sources(sources: dict[str, list[tuple[int, str]]], row: dict) -> str:
    """The sources of the actuals a progress row was computed from (the latest year and 2020)."""
    years = (set() if i18n.is_missing(row.get("latest_year")) else {int(row["latest_year"])}) | (
        {2020} if not i18n.is_missing(row.get("base_std")) else set())
    values = [value for year, value in sources.get(str(row["indicator_id"]), []) if year in years]
    return join_ids(part for value in values for part in split_ids(value))


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
    if row.get("comparator") == "qualitative" or i18n.is_missing(row.get("target_value")):
        return i18n.text_of(row.get("target_quote")) or i18n.text_of(row.get("target_note"))
    value = i18n.fmt_value(row["target_value"], str(row["target_unit"]), lang)
    return i18n.comparator_phrase(row.get("comparator"), value, lang)


def actual_text(row: dict, lang: str) -> str:
    if i18n.is_missing(row.get("actual_value")):
        return ""
    text = i18n.fmt_value(row["actual_value"], str(row["actual_unit"]), lang)
    if row.get("actual_bound"):
        text = i18n.comparator_phrase(row["actual_bound"], text, lang)
    if row.get("actual_provisional"):
        text += f" ({i18n.t('provisional', lang)})" if lang == "en" else f"({i18n.t('provisional', lang)})"
    if not i18n.is_missing(row.get("actual_first_value")):
        first = i18n.fmt_value(float(row["actual_first_value"]), str(row["actual_first_unit"]), lang)
        text += ("; " if lang == "en" else ";") + i18n.t("chart_revised_from", lang, value=first, date=row.get("actual_first_date") or "?")
    return text


def gap_text(row: dict, lang: str) -> str:
    if i18n.is_missing(row.get("gap")):
        return ""
    return i18n.fmt_signed(float(row["gap"]), str(row["gap_unit"]), lang, gap_decimals(row))


def ledger_table(ledger: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The ledger as the page shows it: words and formatted numbers, the status as text."""
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
            i18n.t("col_sources", lang): "; ".join(part for part in (row["target_source"], row.get("actual_sources"))
                                                   if isinstance(part, str) and part),
        })
    return pd.DataFrame(rows)


def progress_table(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The scorecard as the page shows it: target, base, latest actual with its year, the verdict
    (or progress, labelled with its year), required and achieved growth a year."""
    rows = []
    for row in progress.to_dict("records"):
        unit = str(row["change_unit"] or "%")
        latest = "" if i18n.is_missing(row["latest_std"]) else (
            f"{i18n.fmt_value(row['latest_std'], row['indicator_unit'], lang)} ({i18n.year_label(int(row['latest_year']), lang)})")
        target = i18n.comparator_phrase(row["comparator"], i18n.fmt_value(row["target_value"], row["target_unit"], lang), lang)
        rows.append({
            i18n.t("col_indicator", lang): i18n.name(row, "indicator", lang),
            i18n.t("col_target_2025", lang): target,
            i18n.t("col_base_2020", lang): "" if i18n.is_missing(row["base_std"]) else i18n.fmt_value(row["base_std"], row["indicator_unit"], lang),
            i18n.t("col_latest", lang): latest,
            i18n.t("col_verdict", lang): score_status(row, lang),
            i18n.t("col_gap", lang): "" if i18n.is_missing(row.get("gap")) else i18n.fmt_signed(float(row["gap"]), str(row["gap_unit"]), lang, 1),
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


def _per_year_text(value: object, unit: str, lang: str) -> str:
    if i18n.is_missing(value):
        return "–"
    return i18n.fmt_signed(float(value), unit, lang, 2 if unit == "百分点" else 1)  # type: ignore[arg-type]


# trends page ---------------------------------------------------------------------------------

def trend_rows(frames: DataFrames, regions: Sequence[str], indicators: Sequence[str]) -> pd.DataFrame:
    """Facts a time axis can show: annual values and span averages with a year, for the regions."""
    facts = frames.facts
    if facts.empty or not regions or not indicators:
        return facts.iloc[0:0]
    rows = facts[facts["region_id"].isin(list(regions)) & facts["indicator_id"].isin(list(indicators))
                 & facts["year"].notna() & facts["period"].isin(DRAWN_PERIODS) & facts["value_std"].notna()]
    return rows.reset_index(drop=True)


def not_drawn_count(frames: DataFrames, regions: Sequence[str], indicators: Sequence[str]) -> int:
    """Records of the selection a time axis cannot show (quarters, totals, changes, no year)."""
    facts = frames.facts
    if facts.empty or not regions or not indicators:
        return 0
    rows = facts[facts["region_id"].isin(list(regions)) & facts["indicator_id"].isin(list(indicators))]
    return int(len(rows) - len(trend_rows(frames, regions, indicators)))


def indicators_with_data(frames: DataFrames, regions: Sequence[str], category: str | None = None,
                         limit: int = 5) -> list[str]:
    """Indicators with the most drawable points for the regions, headline indicators first on a tie."""
    facts = frames.facts
    if facts.empty or not regions:
        return []
    rows = facts[facts["region_id"].isin(list(regions)) & facts["year"].notna() & facts["period"].isin(DRAWN_PERIODS)
                 & facts["value_std"].notna()]
    if category:
        rows = rows[rows["category"].eq(category)]
    counts = rows.groupby("indicator_id").size()
    order = headline_order(frames)
    ranked = sorted(counts.index, key=lambda ind: (-int(counts[ind]), order.get(ind, len(order)), ind))
    return [str(i) for i in ranked[:limit]]


def default_trend_indicators(frames: DataFrames, regions: Sequence[str], category: str | None) -> tuple[str, ...]:
    """What the trends page shows before a choice: GDP growth and GDP when they have data, else the best covered."""
    with_data = indicators_with_data(frames, regions, category, limit=50)
    preferred = [i for i in ("gdp_growth", "gdp") if i in with_data]
    return tuple(preferred or with_data[:2])


# regions page --------------------------------------------------------------------------------

@dataclass
class Comparison:
    """One indicator across regions for one year."""

    indicator_id: str
    year: int
    ranked: pd.DataFrame
    """Districts, county-level cities and counties with a value for the year, highest first."""
    missing: list[str] = field(default_factory=list)
    """Ranked-level regions with no value for the year (ids)."""
    other_years: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Their nearest value of another year: listed, never ranked."""
    city: pd.DataFrame = field(default_factory=pd.DataFrame)
    port: pd.DataFrame = field(default_factory=pd.DataFrame)


def comparison(frames: DataFrames, indicator_id: str, year: int) -> Comparison:
    facts = frames.facts
    levels = {str(r["id"]): r["level"] for r in frames.dataset.regions}
    ranked_ids = [r for r, level in levels.items() if level in RANKED_LEVELS]
    if facts.empty:
        return Comparison(indicator_id, year, facts, ranked_ids)
    rows = facts[facts["indicator_id"].eq(indicator_id) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["value_std"].notna()]
    this_year = rows[rows["year"].eq(year)]
    ranked = this_year[this_year["region_id"].isin(ranked_ids)].sort_values(
        ["derived", "value_std"], ascending=[True, False], kind="stable").drop_duplicates("region_id")
    ranked = ranked.sort_values("value_std", ascending=False, kind="stable").reset_index(drop=True)
    missing = [r for r in ranked_ids if r not in set(ranked["region_id"])]
    others = rows[rows["region_id"].isin(missing) & rows["year"].notna() & ~rows["derived"].astype(bool)].copy()
    if not others.empty:
        others["distance"] = (others["year"].astype(int) - year).abs()
        others = others.sort_values(["distance", "year"], ascending=[True, False]).drop_duplicates("region_id")
        others = others.drop(columns="distance").reset_index(drop=True)
    city = this_year[this_year["region_id"].map(levels).eq("city")].reset_index(drop=True)
    port = this_year[this_year["region_id"].map(levels).eq("port")].reset_index(drop=True)
    return Comparison(indicator_id, year, ranked, missing, others, city, port)


def default_compare_indicator(frames: DataFrames, year: int, category: str | None) -> str | None:
    """The indicator most districts have for the year (GDP first on a tie); None when none has any."""
    facts = frames.facts
    if facts.empty:
        return None
    levels = {str(r["id"]): r["level"] for r in frames.dataset.regions}
    rows = facts[facts["year"].eq(year) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["region_id"].map(levels).isin(RANKED_LEVELS) & facts["value_std"].notna()]
    if category:
        rows = rows[rows["category"].eq(category)]
    if rows.empty:
        return None
    counts = rows.groupby("indicator_id")["region_id"].nunique()
    order = headline_order(frames)
    return str(min(counts.index, key=lambda ind: (-int(counts[ind]), order.get(ind, len(order)), ind)))


def compare_indicators_with_data(frames: DataFrames, year: int, category: str | None, limit: int = 5) -> list[str]:
    facts = frames.facts
    if facts.empty:
        return []
    levels = {str(r["id"]): r["level"] for r in frames.dataset.regions}
    rows = facts[facts["year"].eq(year) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["region_id"].map(levels).isin(RANKED_LEVELS)]
    if category:
        rows = rows[rows["category"].eq(category)]
    counts = rows.groupby("indicator_id")["region_id"].nunique().sort_values(ascending=False, kind="stable")
    return [str(i) for i in counts.index[:limit]]


def value_text(row: dict, lang: str) -> str:
    """A fact's value as written, with its bound (突破) and whether it is provisional or computed."""
    text = i18n.fmt_value(row["value"], str(row["unit"]), lang)
    if isinstance(row.get("comparator"), str) and row["comparator"] and row.get("kind") == "actual":
        text = i18n.comparator_phrase(row["comparator"], text, lang)
    if row.get("provisional"):
        text += f" ({i18n.t('provisional', lang)})" if lang == "en" else f"({i18n.t('provisional', lang)})"
    if row.get("derived"):
        text += i18n.t("chart_derived_suffix", lang)
    return text


# data page -----------------------------------------------------------------------------------

def _evidence(row: dict, lang: str) -> str:
    if row.get("derived"):
        return i18n.text_of(row.get("derivation"))
    if row.get("provenance") == "quoted":
        return i18n.text_of(row.get("quote"))
    parts = [row.get("source_title"), row.get("source_publisher"), row.get("source_date"), row.get("source_url")]
    return ", ".join(str(p) for p in parts if isinstance(p, str) and p)


def table_rows(frames: DataFrames, regions: Sequence[str], year: int | None, category: str | None,
               query: str = "", provenances: Sequence[str] = (), kinds: Sequence[str] = ()) -> pd.DataFrame:
    """Records of the tidy table (one per source, derived included) matching the filters.

    ``year`` None keeps every year, records without a year included; ``query`` matches (case-
    insensitively, as plain text) names, ids, quote, note, source and derivation."""
    table = frames.table
    if table.empty:
        return table
    rows = table[table["region_id"].isin(list(regions))]
    if year is not None:
        rows = rows[rows["year"].eq(year)]
    if category:
        rows = rows[rows["category"].eq(category)]
    if provenances:
        rows = rows[rows["provenance"].isin(list(provenances))]
    if kinds:
        rows = rows[rows["kind"].isin(list(kinds))]
    needle = query.strip().lower()
    if needle:
        columns = ["region_id", "region_zh", "region_en", "indicator_id", "indicator_zh", "indicator_en", "quote",
                   "note", "source_id", "source_title", "source_publisher", "derivation"]
        haystack = rows[columns].astype("string").fillna("").agg(" ".join, axis=1).str.lower()
        rows = rows[haystack.str.contains(needle, regex=False)]
    return rows.reset_index(drop=True)


def no_year_count(frames: DataFrames, regions: Sequence[str], category: str | None) -> int:
    table = frames.table
    if table.empty:
        return 0
    rows = table[table["region_id"].isin(list(regions)) & table["year"].isna()]
    if category:
        rows = rows[rows["category"].eq(category)]
    return len(rows)


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
            i18n.t("col_sources", lang): row["source_id"],
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
            i18n.t("col_id", lang): source["id"],
            i18n.t("col_title", lang): source.get("title", ""),
            i18n.t("col_publisher", lang): source.get("publisher", ""),
            i18n.t("col_provenance", lang): i18n.provenance_label(source.get("provenance", ""), lang),
            i18n.t("col_type", lang): source.get("type", ""),
            i18n.t("col_date", lang): i18n.source_date(source, lang),
            i18n.t("col_url", lang): safe_url(source.get("url")),
            i18n.t("col_records", lang): int(counts.get(source["id"], 0)),
        })
    return pd.DataFrame(rows)


LEDGER_PERIODS = ("annual", "average", "total", "change")


def ledger_with_actuals(frames: DataFrames, category: str | None = None) -> pd.DataFrame:
    """Ledger rows that have an actual (any status but no_actual), for suggestions."""
    ledger = frames.ledger
    if ledger.empty:
        return ledger
    rows = ledger[ledger["status"].ne("no_actual")]
    return rows[rows["category"].eq(category)] if category else rows


def ranked_region_ids(frames: DataFrames) -> list[str]:
    return [str(r["id"]) for r in frames.dataset.regions if r["level"] in RANKED_LEVELS]


def comparison_notes(frames: DataFrames, comp: Comparison, lang: str) -> list[str]:
    """What the ranking leaves out, said in words: regions without data, other years, the city, the port."""
    notes = []
    other = {str(r["region_id"]): r for r in comp.other_years.to_dict("records")} if not comp.other_years.empty else {}
    separator = ", " if lang == "en" else "、"
    no_data = [region_name(frames, r, lang) for r in comp.missing if r not in other]
    if no_data:
        notes.append(i18n.t("regions_missing", lang, year=comp.year, names=separator.join(no_data)))
    if other:
        items = [f"{region_name(frames, r, lang)} {i18n.year_label(int(row['year']), lang)}: {value_text(row, lang)}"
                 for r, row in other.items()]
        notes.append(i18n.t("regions_other_year", lang, items="; ".join(items)))
    for row in comp.city.to_dict("records"):
        notes.append(i18n.t("regions_city", lang, value=f"{i18n.name(row, 'region', lang)} {value_text(row, lang)}"))
    for row in comp.port.to_dict("records"):
        notes.append(i18n.t("regions_port", lang, name=i18n.name(row, "region", lang), value=value_text(row, lang)))
    return notes
