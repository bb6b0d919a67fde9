"""The rows each page shows, chosen from the frames so that pages only render: facts, targets, trends, the data table.

Every function takes ``DataFrames`` (``metrics.frames.dataframes``) and plain ids; none needs Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import pandas as pd

from metrics.figures.names import headline_order
from metrics.frames.dataframes import DataFrames
from metrics.frames.ledger import STATUSES
from metrics.frames.missing import join_ids, split_ids
from metrics.load import plans
from metrics.text import i18n

DRAWN_PERIODS = ("annual", "average")
"""Periods a time axis can show: a year, or an average over a span drawn across that span."""


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
    ids = set(split_ids(fact.get("sources") or fact["source_id"]))
    return rows[~derived & rows["source_id"].isin(ids)]


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


def scorecard_plan(frames: DataFrames, region_id: str) -> plans.Plan | None:
    """The plan a region's scorecard is about: the latest plan (``data/plans.yaml``) with targets
    of its last year for the region; None when it has none."""
    progress = frames.progress
    if progress.empty:
        return None
    found = set(progress.loc[progress["region_id"].eq(region_id), "plan_id"])
    return next((plan for plan in reversed(plans.PLANS) if plan.id in found), None)


def progress_for(frames: DataFrames, region_id: str, category: str | None = None) -> pd.DataFrame:
    """A region's scorecard (of ``scorecard_plan``): every numeric target of the plan's last
    year, judged or in progress."""
    progress = frames.progress
    plan = scorecard_plan(frames, region_id)
    if progress.empty or plan is None:
        return progress.iloc[0:0]
    rows = progress[progress["region_id"].eq(region_id) & progress["plan_id"].eq(plan.id)]
    if category:
        cats = {i.id: i.category for i in frames.dataset.indicators}
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
        {int(row["base_year"])} if not i18n.is_missing(row.get("base_std")) else set())
    values = [value for year, value in sources.get(str(row["indicator_id"]), []) if year in years]
    return join_ids(part for value in values for part in split_ids(value))


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


LEDGER_PERIODS = ("annual", "average", "total", "change")


def ledger_with_actuals(frames: DataFrames, category: str | None = None) -> pd.DataFrame:
    """Ledger rows that have an actual (any status but no_actual), for suggestions."""
    ledger = frames.ledger
    if ledger.empty:
        return ledger
    rows = ledger[ledger["status"].ne("no_actual")]
    return rows[rows["category"].eq(category)] if category else rows
