"""A region's figure in context: against the regions above it (the city, the province, the nation)
and among its peer cities — the comparison every briefing makes ("高于全省0.4个百分点").

Only like with like: the same indicator (so the same caliber: real growth with real growth), the
same year and period, the region's own figure exact (never a bound, never a value computed here).
The region above may have given only a figure "左右" (a province's work report before its bulletin:
浙江 2025 "增长5.5%左右"); then the difference is approximate and said so ("约"). The difference is
computed here and always labelled so. Language enters only in ``metrics.text.render``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metrics.figures import figure
from metrics.figures.figure import Figure
from metrics.frames.dataframes import DataFrames
from metrics.load.schema import Region


@dataclass(frozen=True)
class Against:
    """The region's figure beside one region above it."""

    region: Region
    figure: Figure
    difference: float
    """The region's value minus the other's, in the indicator's unit (percentage points for a rate)."""
    sources: tuple[str, ...]
    approximate: bool = False
    """The other region gave only a figure 左右 (about): the difference is about this much."""


def ancestors(frames: DataFrames, region_id: str) -> list[Region]:
    """The regions above one, nearest first (Yuyao: Ningbo, Zhejiang, China); no region twice."""
    by_id = frames.dataset.region_by_id
    found: list[Region] = []
    current = by_id.get(region_id)
    while current is not None and current.parent and current.parent not in {r.id for r in found}:
        parent = by_id.get(current.parent)
        if parent is None:
            break
        found.append(parent)
        current = parent
    return found


def _exact(facts: pd.DataFrame, indicator_id: str, year: int, comparator: str | None = None) -> pd.DataFrame:
    wanted = facts["comparator"].isna() if comparator is None else facts["comparator"].eq(comparator)
    return facts[facts["indicator_id"].eq(indicator_id) & facts["year"].eq(year) & facts["period"].eq("annual")
                 & facts["kind"].eq("actual") & facts["value_std"].notna() & wanted
                 & ~facts["derived"].astype(bool) & ~facts["conflict"].astype(bool)]


def against_above(frames: DataFrames, region_id: str, indicator_id: str, year: int) -> tuple[Figure | None, list[Against]]:
    """The region's exact figure of the year, and it against each region above it that has one."""
    facts = frames.facts
    if facts.empty:
        return None, []
    rows = _exact(facts, indicator_id, year)
    own = rows[rows["region_id"].eq(region_id)]
    if own.empty:
        return None, []
    value = float(own.iloc[0]["value_std"])
    about = _exact(facts, indicator_id, year, "about")
    found = []
    for region in ancestors(frames, region_id):
        theirs = rows[rows["region_id"].eq(region.id)]
        approximate = theirs.empty
        if approximate:
            theirs = about[about["region_id"].eq(region.id)]
        if theirs.empty:
            continue
        row = theirs.iloc[0].to_dict()
        fig = figure.of_fact(row)
        found.append(Against(region, fig, value - float(row["value_std"]), fig.sources, approximate))
    return figure.of_fact(own.iloc[0].to_dict()), found


def peer_ids(frames: DataFrames, region_id: str, group: str | None = None) -> list[str]:
    """The city and its peer cities (``Region.groups``; of one group when given), the city first."""
    peers = [r.id for r in frames.dataset.regions
             if r.id != region_id and r.groups and (group is None or group in r.groups)]
    return [region_id, *peers] if peers else []


def peer_groups(frames: DataFrames) -> list[str]:
    """The peer groups the data holds, in the schema's order."""
    from metrics.load.schema import PEER_GROUPS
    present = {g for r in frames.dataset.regions for g in (r.groups or ())}
    return [g for g in PEER_GROUPS if g in present]


def home_city(frames: DataFrames) -> str | None:
    """The city the dashboard is about: the city-level region that is not context."""
    return next((r.id for r in frames.dataset.regions if r.level == "city" and not r.is_context), None)
