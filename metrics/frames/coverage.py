"""What the dataset holds, region by year: how many headline families have an actual figure.

A family is a headline indicator with its growth folded in (GDP or GDP growth counts for GDP):
the overview's cards. The grid answers "is this year published yet for this region?", which
sets the default year, marks empty years in the year selector, and is printed by
``python -m metrics coverage`` and shown on the data page.
"""

from __future__ import annotations

import math
from typing import Protocol

import pandas as pd

from metrics.frames import indicators as series
from metrics.load.dataset import Dataset


class DataFrames(Protocol):
    """What the grid reads of ``metrics.frames.dataframes.DataFrames``: the facts and the dataset they came
    from (a protocol, so the frames can ask the grid for their defaults without a cycle)."""

    @property
    def dataset(self) -> Dataset: ...

    @property
    def facts(self) -> pd.DataFrame: ...

FULL_SHARE = 0.5
"""A year is "mostly published" for a region when at least this share of the headline families
that the region ever publishes has an actual figure for it."""


def families(frames: DataFrames) -> dict[str, str]:
    """Indicator id -> the headline family it belongs to (a level and its growth share one)."""
    indicators = frames.dataset.indicator_by_id
    mapping: dict[str, str] = {}
    for level in series.headline(indicators):
        mapping[level] = level
        growth = series.growth_of(indicators, level)
        if growth:
            mapping[growth] = level
    return mapping


def family_years(frames: DataFrames) -> pd.DataFrame:
    """One row per (region, year, family) with an annual actual figure: region_id, year, family."""
    facts = frames.facts
    mapping = families(frames)
    if facts.empty:
        return pd.DataFrame(columns=["region_id", "year", "family"])
    rows = facts[facts["kind"].eq("actual") & facts["period"].eq("annual") & facts["year"].notna()
                 & facts["value"].notna() & facts["indicator_id"].isin(list(mapping))]
    out = pd.DataFrame({"region_id": rows["region_id"], "year": rows["year"].astype(int),
                        "family": rows["indicator_id"].map(mapping)})
    return out.drop_duplicates().reset_index(drop=True)


def grid(frames: DataFrames, years: list[int] | None = None, family: str | None = None) -> pd.DataFrame:
    """Regions (rows, in the dataset's order) × years (columns): the number of headline families
    with data, or with ``family`` given, 1 where that family has data and 0 where not."""
    present = family_years(frames)
    if family is not None:
        present = present[present["family"].eq(family)]
    counts = present.groupby(["region_id", "year"]).size()
    region_ids = [r.id for r in frames.dataset.regions]
    if years is None:
        years = list(range(int(present["year"].min()), int(present["year"].max()) + 1)) if not present.empty else []
    table = pd.DataFrame(0, index=region_ids, columns=years, dtype=int)
    for (region, year), n in counts.items():
        if region in table.index and year in table.columns:
            table.loc[region, year] = int(n)
    return table


def years_with_data(frames: DataFrames, region_ids: list[str] | tuple[str, ...]) -> set[int]:
    """Years in which any of the regions has any actual or target figure."""
    facts = frames.facts
    if facts.empty or not region_ids:
        return set()
    rows = facts[facts["region_id"].isin(list(region_ids)) & facts["year"].notna() & facts["value"].notna()]
    return {int(y) for y in rows["year"].unique()}


def latest_full_year(frames: DataFrames, region_id: str) -> int | None:
    """The latest year whose headline figures are mostly published for the region; for a region
    that never reaches the share, its best covered year (the latest among equals)."""
    present = family_years(frames)
    return _latest_full(present[present["region_id"].eq(region_id)])


def latest_full_years(frames: DataFrames) -> dict[str, int]:
    """Region id -> its latest mostly published year (regions with no headline figure left out)."""
    present = family_years(frames)
    years = {str(region): _latest_full(rows) for region, rows in present.groupby("region_id")}
    return {region: year for region, year in years.items() if year is not None}


def _latest_full(present: pd.DataFrame) -> int | None:
    """``latest_full_year`` of one region's rows of ``family_years``."""
    if present.empty:
        return None
    per_year = present.groupby("year").size()
    needed = max(1, math.ceil(FULL_SHARE * present["family"].nunique()))
    full = [int(y) for y, n in per_year.items() if n >= needed]
    if full:
        return max(full)
    best = int(per_year.max())
    return max(int(y) for y, n in per_year.items() if n == best)


def newer_figures(frames: DataFrames, region_id: str, year: int) -> dict[int, list[str]]:
    """Headline families with an actual for the region in a year after ``year``, by year."""
    present = family_years(frames)
    present = present[present["region_id"].eq(region_id) & present["year"].gt(year)]
    return {int(y): sorted(group["family"], key=_order(frames)) for y, group in present.groupby("year")}


def _order(frames: DataFrames):
    order = {ind: n for n, ind in enumerate(series.headline(frames.dataset.indicator_by_id))}
    return lambda family: order.get(family, len(order))


def cell_families(frames: DataFrames) -> dict[tuple[str, int], list[str]]:
    """(region, year) -> the headline families with data, in headline order (the grid's cells, named)."""
    present = family_years(frames)
    order = _order(frames)
    return {(str(region), int(year)): sorted(group["family"], key=order)
            for (region, year), group in present.groupby(["region_id", "year"])}
