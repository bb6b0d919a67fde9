"""Names and choices of the dataset: region and indicator names, units, ids, categories, the options of a view.

Every function takes ``DataFrames`` (``metrics.frames.dataframes``) and plain ids; none needs Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable

from metrics.frames import indicators as series
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n
from metrics.view_models.query_state import Options

RANKED_LEVELS = ("district", "county_level_city", "county")
"""Region levels compared with each other on the regions page; the city and the port are shown apart."""


def region_name(frames: DataFrames, region_id: str, lang: str) -> str:
    region = frames.dataset.region_by_id.get(region_id)
    return i18n.name(region, "name", lang) if region else region_id


def indicator_name(frames: DataFrames, indicator_id: str, lang: str) -> str:
    indicator = frames.dataset.indicator_by_id.get(indicator_id)
    return i18n.name(indicator, "name", lang) if indicator else indicator_id


def indicator_unit(frames: DataFrames, indicator_id: str) -> str:
    indicator = frames.dataset.indicator_by_id.get(indicator_id)
    return indicator.unit if indicator else ""


def region_ids(frames: DataFrames) -> list[str]:
    return [r.id for r in frames.dataset.regions]


def categories(frames: DataFrames) -> list[str]:
    """The dataset's indicator categories, in the format's order (``schema.CATEGORIES``)."""
    return list(frames.options.categories)


def indicator_ids(frames: DataFrames, category: str | None = None, keep: Iterable[str] = ()) -> list[str]:
    """Indicator ids of ``category`` (all when None) in category order, plus ``keep`` (never dropped)."""
    rank = {c: n for n, c in enumerate(categories(frames))}
    chosen = [i for i in frames.dataset.indicators if category is None or i.category == category]
    ordered = [i.id for i in sorted(chosen, key=lambda i: rank.get(i.category, len(rank)))]
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


def ranked_region_ids(frames: DataFrames) -> list[str]:
    return [r.id for r in frames.dataset.regions if r.level in RANKED_LEVELS]
