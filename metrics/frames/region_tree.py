"""The regions as a tree (nation -> province -> prefecture city -> district/county) for the sidebar's picker.

With a few dozen regions the picker is one multiselect of them all (Streamlit's multiselect searches
as one types). At county scale (thousands of regions, many sharing a name: there are several 鼓楼区)
the picker first narrows to one parent ("within"), and each option names its parent where its own
name is not unique. Every function takes ``DataFrames`` and plain ids; none needs Streamlit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from metrics.frames.dataframes import DataFrames
from metrics.text import i18n

GROUPED_ABOVE = 60
"""More regions than this: the picker narrows to one parent first."""
LEVEL_ORDER = ("nation", "province", "city", "district", "county_level_city", "county", "port")


@dataclass(frozen=True)
class Tree:
    """Children of each region (ids, in the data's order), and the parents that have any."""

    children: dict[str | None, tuple[str, ...]]
    parents: tuple[str, ...]
    """Regions with children, top down (nation, provinces, cities), in the data's order within a level."""
    ambiguous: frozenset[str]
    """Regions whose Chinese or English name another region has too."""


def tree(frames: DataFrames) -> Tree:
    regions = frames.dataset.regions
    children: dict[str | None, list[str]] = defaultdict(list)
    for region in regions:
        children[region.parent].append(region.id)
    level = {r.id: LEVEL_ORDER.index(r.level) if r.level in LEVEL_ORDER else len(LEVEL_ORDER) for r in regions}
    parents = sorted((r.id for r in regions if children.get(r.id)), key=lambda r: level[r])
    names = Counter(n for r in regions for n in {r.name_zh, r.name_en})
    ambiguous = frozenset(r.id for r in regions if names[r.name_zh] > 1 or names[r.name_en] > 1)
    return Tree({k: tuple(v) for k, v in children.items()}, tuple(parents), ambiguous)


def grouped(frames: DataFrames) -> bool:
    """Whether the picker narrows to a parent first (more than ``GROUPED_ABOVE`` regions)."""
    return len(frames.dataset.regions) > GROUPED_ABOVE


def label(frames: DataFrames, shape: Tree, region_id: str, lang: str) -> str:
    """A region's name in the picker, with its parent's where the name alone is not unique."""
    by_id = frames.dataset.region_by_id
    region = by_id.get(region_id)
    if region is None:
        return region_id
    own = i18n.name(region, "name", lang)
    parent = by_id.get(region.parent) if region.parent else None
    if region_id in shape.ambiguous and parent is not None:
        return f"{own} · {i18n.name(parent, 'name', lang)}"
    return own


def group_label(frames: DataFrames, shape: Tree, parent_id: str, lang: str) -> str:
    """A parent in the "within" box: its name (and its own parent's where needed), and how many it holds."""
    return f"{label(frames, shape, parent_id, lang)} ({len(shape.children.get(parent_id, ()))})"


def default_group(frames: DataFrames, shape: Tree, chosen: Sequence[str]) -> str | None:
    """The parent the picker opens on: the first chosen region's parent (or itself when it has
    children, as Ningbo has its districts), else the top of the tree."""
    by_id = frames.dataset.region_by_id
    for region_id in chosen:
        if shape.children.get(region_id):
            return region_id
        region = by_id.get(region_id)
        if region is not None and region.parent in by_id:
            return region.parent
    return shape.parents[0] if shape.parents else None


def options_within(shape: Tree, group: str | None, chosen: Iterable[str]) -> list[str]:
    """The picker's options: the group itself and its children, after the chosen regions (which
    stay listed, so narrowing never drops a choice)."""
    kept = list(dict.fromkeys(chosen))
    inside = [] if group is None else [group, *shape.children.get(group, ())]
    return kept + [r for r in inside if r not in kept]
