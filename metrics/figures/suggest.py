"""Selections that have data, offered when the chosen one is empty.

Sparse data is the normal case, so an empty page always says where data is: the same regions
in the nearest years first, then other regions in the same year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Suggestion:
    region_id: str
    year: int
    count: int
    """How many facts the suggested selection has."""


def suggest(facts: pd.DataFrame, regions: Sequence[str], year: int, *, indicators: Iterable[str] | None = None,
            kinds: Iterable[str] | None = ("actual", "target"), periods: Iterable[str] = ("annual",),
            category: str | None = None, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Up to ``limit`` (region, year) pairs with data: the chosen regions in the nearest years,
    then one other region. ``facts`` is any frame with region_id, year and period (and kind,
    category, indicator_id when those filters are given)."""
    if facts.empty:
        return []
    rows = facts[facts["year"].notna() & facts["period"].isin(list(periods))]
    if kinds is not None:
        rows = rows[rows["kind"].isin(list(kinds))]
    if indicators is not None:
        rows = rows[rows["indicator_id"].isin(list(indicators))]
    if category:
        rows = rows[rows["category"].eq(category)]
    if rows.empty:
        return []
    counts = rows.groupby(["region_id", "year"]).size()
    chosen = set(regions)
    candidates = [Suggestion(str(region), int(y), int(n)) for (region, y), n in counts.items()
                  if not (region in chosen and int(y) == year)]
    candidates.sort(key=lambda s: (abs(s.year - year), -s.count, s.year, s.region_id))
    same = [s for s in candidates if s.region_id in chosen]
    other = [s for s in candidates if s.region_id not in chosen]
    picked = same[: max(limit - 1, 1)] + other[:1]
    rest = [s for s in same + other if s not in picked]
    return (picked + rest)[:limit]


def years_with_data(facts: pd.DataFrame, year: int, *, regions: Iterable[str], indicator: str,
                    limit: int = MAX_SUGGESTIONS) -> list[int]:
    """Years, nearest first, in which any of ``regions`` has an annual actual of ``indicator``."""
    if facts.empty:
        return []
    rows = facts[facts["indicator_id"].eq(indicator) & facts["region_id"].isin(list(regions)) & facts["year"].notna()
                 & facts["period"].eq("annual") & facts["kind"].eq("actual") & facts["year"].ne(year)]
    years = sorted({int(y) for y in rows["year"]}, key=lambda y: (abs(y - year), -y))
    return years[:limit]
