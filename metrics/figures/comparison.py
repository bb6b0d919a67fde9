"""One indicator across the districts, county-level cities and counties for one year: the ranking and what it leaves out.

Every function takes ``DataFrames`` (``metrics.frames.dataframes``) and plain ids; none needs Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from metrics.figures.names import RANKED_LEVELS, headline_order, ranked_region_ids, region_name
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n, render
from metrics.text.display import value_text


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
    total: int = 0
    """How many regions are ranked; ``ranked`` holds fewer when the ranking is cut (``RANK_LIMIT``)."""

    @property
    def cut(self) -> bool:
        return self.total > len(self.ranked)


RANK_LIMIT = 15
"""A ranking of more than twice this many regions (besides the chosen ones) keeps its top and bottom
this many, and the chosen regions wherever they stand: the county scale's thousands, never the districts."""
LISTED_LIMIT = 20
"""At most this many regions named in a note (regions without data, other years); the rest counted."""
GRID_LIMIT = 40
"""A heatmap or coverage grid of more regions than this shows only the chosen regions' own family
(their districts and counties, or those of their parent), else the top and bottom ``RANK_LIMIT``,
and says how many are left out: the county scale's thousands, never the shipped districts (10)."""


@dataclass(frozen=True)
class GridRows:
    """The regions a grid draws, in order, and how many it leaves out (0: none)."""

    region_ids: tuple[str, ...]
    total: int
    basis: str
    """"all", "family" (the chosen regions' own and their parent's), "ends" (top and bottom) or
    "first" (the first of the candidates, when there is no order to take ends of)."""

    @property
    def left_out(self) -> int:
        return self.total - len(self.region_ids)


def family_ids(frames: DataFrames, candidates: Sequence[str], selected: Sequence[str]) -> list[str]:
    """Of ``candidates``, the chosen regions, their children and their siblings (same parent), in
    the candidates' order."""
    by_id = frames.dataset.region_by_id
    chosen = [r for r in selected if r in by_id]
    parents = {by_id[r].parent for r in chosen if by_id[r].parent} | set(chosen)
    return [r for r in candidates if r in chosen or (by_id[r].parent in parents if r in by_id else False)]


def ranking_order(frames: DataFrames, indicator_id: str) -> tuple[str, ...]:
    """Ranked-level regions with a value of the indicator in its latest year, highest first: what
    depends only on the data version (the dashboard memoises it)."""
    facts = frames.facts
    if facts.empty:
        return ()
    rows = facts[facts["indicator_id"].eq(indicator_id) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["value_std"].notna() & facts["year"].notna()]
    if rows.empty:
        return ()
    latest = rows[rows["year"].eq(rows["year"].max())]
    ranked = set(ranked_region_ids(frames))
    latest = latest[latest["region_id"].isin(ranked)].sort_values("value_std", ascending=False, kind="stable")
    return tuple(dict.fromkeys(str(r) for r in latest["region_id"]))


def grid_rows(candidates: Sequence[str], selected: Sequence[str], family: Sequence[str], order: Sequence[str] | None,
              limit: int, ends: int) -> GridRows:
    """Which of ``candidates`` a grid draws: all of them up to ``limit``; beyond it the ``family``
    (``family_ids``) when it has any and fits, else the top and bottom ``ends`` of ``order`` and
    the chosen regions, or (no ``order``) the first ``limit`` candidates."""
    total = len(candidates)
    if total <= limit:
        return GridRows(tuple(candidates), total, "all")
    if family and len(family) <= limit:
        return GridRows(tuple(family), total, "family")
    if order is None:
        return GridRows(tuple(candidates[:limit]), total, "first")
    known = set(candidates)
    keep = set(order[:ends]) | set(order[-ends:] if len(order) > ends else ()) | set(selected)
    shown = [r for r in order if r in keep and r in known]
    shown += [r for r in selected if r in known and r not in shown]
    return GridRows(tuple(shown), total, "ends")


def comparison(frames: DataFrames, indicator_id: str, year: int, selected: Sequence[str] = ()) -> Comparison:
    facts = frames.facts
    levels = {r.id: r.level for r in frames.dataset.regions}
    ranked_ids = [r for r, level in levels.items() if level in RANKED_LEVELS]
    if facts.empty:
        return Comparison(indicator_id, year, facts, ranked_ids)
    rows = facts[facts["indicator_id"].eq(indicator_id) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["value_std"].notna()]
    this_year = rows[rows["year"].eq(year)]
    ranked = this_year[this_year["region_id"].isin(ranked_ids)].sort_values(
        ["derived", "value_std"], ascending=[True, False], kind="stable").drop_duplicates("region_id")
    ranked = ranked.sort_values("value_std", ascending=False, kind="stable").reset_index(drop=True)
    total = len(ranked)
    ranked = ranked.assign(rank=range(1, total + 1))
    missing = [r for r in ranked_ids if r not in set(ranked["region_id"])]
    if total > 2 * RANK_LIMIT + len(selected):
        ranked = ranked[ranked["rank"].le(RANK_LIMIT) | ranked["rank"].gt(total - RANK_LIMIT)
                        | ranked["region_id"].isin(selected)].reset_index(drop=True)
    others = rows[rows["region_id"].isin(missing) & rows["year"].notna() & ~rows["derived"].astype(bool)].copy()
    if not others.empty:
        others["distance"] = (others["year"].astype(int) - year).abs()
        others = others.sort_values(["distance", "year"], ascending=[True, False]).drop_duplicates("region_id")
        others = others.drop(columns="distance").reset_index(drop=True)
    home = {r.id for r in frames.dataset.regions if r.level == "city" and not r.is_context}
    city = this_year[this_year["region_id"].isin(home)].reset_index(drop=True)
    port = this_year[this_year["region_id"].map(levels).eq("port")].reset_index(drop=True)
    return Comparison(indicator_id, year, ranked, missing, others, city, port, total)


def default_compare_indicator(frames: DataFrames, year: int, category: str | None) -> str | None:
    """The indicator most districts have for the year (GDP first on a tie); None when none has any."""
    facts = frames.facts
    if facts.empty:
        return None
    levels = {r.id: r.level for r in frames.dataset.regions}
    rows = facts[facts["year"].eq(year) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["region_id"].map(levels).isin(RANKED_LEVELS) & facts["value_std"].notna()]
    if category:
        rows = rows[rows["category"].eq(category)]
    if rows.empty:
        return None
    counts = rows.groupby("indicator_id")["region_id"].nunique()
    order = headline_order(frames)
    return str(min(counts.index, key=lambda ind: (-int(counts[ind]), order.get(ind, len(order)), ind)))


MIN_COMPARED = 3
"""Regions a briefing's comparison needs: with fewer, a ranking says little."""


def briefing_compare_indicator(frames: DataFrames, year: int) -> str | None:
    """The indicator a briefing compares the districts on: the first headline indicator in the
    data's headline order (GDP first, each level before its growth) that at least
    ``MIN_COMPARED`` districts have for the year; else the one most districts have."""
    facts = frames.facts
    if facts.empty:
        return None
    levels = {r.id: r.level for r in frames.dataset.regions}
    rows = facts[facts["year"].eq(year) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["region_id"].map(levels).isin(RANKED_LEVELS) & facts["value_std"].notna()]
    counts = rows.groupby("indicator_id")["region_id"].nunique()
    order = headline_order(frames)
    for indicator in sorted(order, key=order.__getitem__):
        if int(counts.get(indicator, 0)) >= MIN_COMPARED:
            return indicator
    return default_compare_indicator(frames, year, None)


def compare_indicators_with_data(frames: DataFrames, year: int, category: str | None, limit: int = 5) -> list[str]:
    facts = frames.facts
    if facts.empty:
        return []
    levels = {r.id: r.level for r in frames.dataset.regions}
    rows = facts[facts["year"].eq(year) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["region_id"].map(levels).isin(RANKED_LEVELS)]
    if category:
        rows = rows[rows["category"].eq(category)]
    counts = rows.groupby("indicator_id")["region_id"].nunique().sort_values(ascending=False, kind="stable")
    return [str(i) for i in counts.index[:limit]]


def comparison_notes(frames: DataFrames, comp: Comparison, lang: str, selected: Sequence[str] = ()) -> list[str]:
    """What the ranking leaves out, said in words: a cut ranking and where the chosen regions stand,
    regions without data, other years, the city, the port."""
    notes = []
    if comp.cut:
        notes.append(i18n.t("regions_cut", lang, total=comp.total, n=RANK_LIMIT))
        standing = comp.ranked[comp.ranked["region_id"].isin(selected)]
        for row in standing.to_dict("records"):
            notes.append(i18n.t("regions_standing", lang, name=region_name(frames, str(row["region_id"]), lang),
                                rank=int(row["rank"]), total=comp.total, value=value_text(row, lang)))
    other = {str(r["region_id"]): r for r in comp.other_years.to_dict("records")} if not comp.other_years.empty else {}
    no_data = [r for r in comp.missing if r not in other]
    if no_data:
        notes.append(i18n.t("regions_missing", lang, year=comp.year, names=_listed(frames, no_data, lang)))
    if other:
        items = [f"{region_name(frames, r, lang)} {i18n.year_label(int(row['year']), lang)}: {value_text(row, lang)}"
                 for r, row in list(other.items())[:LISTED_LIMIT]]
        if len(other) > LISTED_LIMIT:
            items.append(i18n.t("regions_and_more", lang, count=len(other) - LISTED_LIMIT))
        notes.append(i18n.t("regions_other_year", lang, items=render.clauses(items, lang)))
    for row in comp.city.to_dict("records"):
        notes.append(i18n.t("regions_city", lang, value=f"{i18n.name(row, 'region', lang)} {value_text(row, lang)}"))
    for row in comp.port.to_dict("records"):
        notes.append(i18n.t("regions_port", lang, name=i18n.name(row, "region", lang), value=value_text(row, lang)))
    return notes


def peer_comparison(frames: DataFrames, indicator_id: str, year: int, group: str | None = None) -> Comparison:
    """The home city among its peer cities (``context.peer_ids``) for one indicator and year:
    exact and bound figures of that year, highest first; peers without one are ``missing``.
    Context regions are ranked here and only here, never among the districts."""
    from metrics.figures.context import home_city, peer_ids
    city = home_city(frames)
    ids = peer_ids(frames, city, group) if city else []
    facts = frames.facts
    if facts.empty or not ids:
        return Comparison(indicator_id, year, facts.iloc[0:0], ids)
    rows = facts[facts["indicator_id"].eq(indicator_id) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["value_std"].notna() & facts["year"].eq(year) & facts["region_id"].isin(ids)]
    ranked = rows.sort_values(["derived", "conflict", "value_std"], ascending=[True, True, False], kind="stable")
    ranked = ranked.drop_duplicates("region_id").sort_values("value_std", ascending=False, kind="stable").reset_index(drop=True)
    return Comparison(indicator_id, year, ranked, [r for r in ids if r not in set(ranked["region_id"])])


def _listed(frames: DataFrames, region_ids: list[str], lang: str) -> str:
    """Region names joined, the first ``LISTED_LIMIT`` of them and how many more."""
    names = [region_name(frames, r, lang) for r in region_ids[:LISTED_LIMIT]]
    if len(region_ids) > LISTED_LIMIT:
        names.append(i18n.t("regions_and_more", lang, count=len(region_ids) - LISTED_LIMIT))
    return render.join(names, lang)
