"""What the dataset's indicator and region records say about a series, in one place.

The level -> growth pairs and their basis, the headline order and the caliber breaks are facts
about the data, kept in ``data/metrics.yaml`` beside each indicator and region (as owid/etl
keeps them in its metadata), never in Python lists copied between modules.
"""

from __future__ import annotations

from collections.abc import Mapping

from metrics.load.schema import Break, Indicator, Region


def growth_of(indicators: Mapping[str, Indicator], indicator_id: str) -> str | None:
    """The indicator of this level's reported growth (gdp -> gdp_growth), if the data pairs them."""
    record = indicators.get(indicator_id)
    growth = record.growth if record is not None else None
    return growth if growth is not None and growth in indicators else None


def growth_basis(indicators: Mapping[str, Indicator], indicator_id: str) -> str | None:
    """``real`` (at comparable prices: never computed from levels), ``nominal``, or None (unknown)."""
    record = indicators.get(indicator_id)
    return record.growth_basis if record is not None else None


def nominal_growth(indicators: Mapping[str, Indicator]) -> dict[str, str]:
    """Level -> growth indicator, for the levels whose reported growth is nominal: the only ones
    whose growth may be computed here from two levels."""
    return {i: g for i in indicators if (g := growth_of(indicators, i)) and growth_basis(indicators, i) == "nominal"}


def headline(indicators: Mapping[str, Indicator]) -> list[str]:
    """The headline indicators (the overview's cards), in their order."""
    return [i for _, i in sorted((r.headline, i) for i, r in indicators.items() if r.headline is not None)]


def headline_with_growth(indicators: Mapping[str, Indicator]) -> list[str]:
    """Each headline indicator followed by its growth indicator: the order lists and charts use."""
    ordered: list[str] = []
    for indicator_id in headline(indicators):
        ordered.append(indicator_id)
        growth = growth_of(indicators, indicator_id)
        if growth:
            ordered.append(growth)
    return ordered


def breaks(region: Region | None, indicator: Indicator | None) -> list[Break]:
    """The caliber breaks of a region's series of an indicator: the region's (a boundary change, or
    a census revision of some of its series, ``Break.indicators``) and the indicator's (a census
    re-basing), by year."""
    found: list[Break] = []
    for record in (region, indicator):
        if record is not None and record.breaks:
            found.extend(b for b in record.breaks
                         if b.indicators is None or (indicator is not None and indicator.id in b.indicators))
    return sorted(found, key=lambda b: b.year)


def breaks_between(region: Region | None, indicator: Indicator | None, earlier: int, later: int) -> list[Break]:
    """Breaks that separate ``earlier`` from ``later``: a new basis from a year after the first
    and no later than the second. Across one of them no change is computed."""
    low, high = sorted((int(earlier), int(later)))
    return [b for b in breaks(region, indicator) if low < b.year <= high]
