"""Derived values: growth computed from two reported levels, always marked as such.

A growth rate a report states and a growth rate computed here are different things (a
reported GDP growth is real, at comparable prices; a ratio of two GDP levels is nominal), so
derived rows carry ``derived=True``, ``provenance='derived'`` and a ``derivation`` saying how
they were computed. Only indicators whose reported growth is itself nominal are derived, and
only where no growth is reported for that region and year.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from metrics.frames import indicators as series
from metrics.frames.tidy import COLUMNS
from metrics.load.schema import Indicator, Region


def derived_growth(table: pd.DataFrame, indicators: Mapping[str, Indicator],
                   regions: Mapping[str, Region] | None = None) -> pd.DataFrame:
    """Rows of growth computed from consecutive annual actual levels, where none is reported.

    ``indicators``: id -> indicator (its ``growth`` / ``growth_basis`` pairing says which levels
    have a nominal growth); only those levels are derived, and never across a caliber break of
    the region or the indicator (``regions``: id -> region).
    """
    actual = table[table["kind"].eq("actual") & table["period"].eq("annual") & table["year"].notna()
                   & ~table["derived"].astype(bool) & table["comparator"].isna() & ~table["provisional"]]
    nominal = series.nominal_growth(indicators)
    levels = actual[actual["indicator_id"].isin(list(nominal))]
    levels = levels.sort_values("provenance").drop_duplicates(["region_id", "indicator_id", "year"])
    if levels.empty:
        return pd.DataFrame(columns=COLUMNS)
    # Each level beside the one of the year before (one join, not a lookup per row), in the levels' order.
    now = levels[["region_id", "region_zh", "region_en", "region_level", "indicator_id", "year", "value", "unit",
                  "value_std", "source_id", *(["file"] if "file" in levels else []), "line"]].reset_index(drop=True)
    now["year"] = now["year"].astype("int64")
    before = now[["region_id", "indicator_id", "year", "value", "unit", "value_std", "source_id"]].assign(year=now["year"] + 1)
    pairs = now.merge(before, on=["region_id", "indicator_id", "year"], how="left", suffixes=("", "_before"), indicator=True)
    pairs["growth_id"] = pairs["indicator_id"].map(nominal)
    pairs = pairs[pairs["_merge"].eq("both") & pairs["growth_id"].isin(list(indicators)) & pairs["value_std_before"].ne(0)]
    # never across a caliber break (only the regions and indicators that have breaks are asked)
    with_breaks = {i for i, record in indicators.items() if record.breaks}
    regions_with_breaks = {r for r, record in (regions or {}).items() if record.breaks}
    asked = pairs["region_id"].isin(list(regions_with_breaks)) | pairs["indicator_id"].isin(list(with_breaks))
    if asked.any():
        broken = [bool(series.breaks_between((regions or {}).get(region), indicators.get(indicator), year - 1, year))
                  for region, indicator, year in zip(pairs.loc[asked, "region_id"].tolist(), pairs.loc[asked, "indicator_id"].tolist(),
                                                     pairs.loc[asked, "year"].tolist(), strict=True)]
        asked.loc[asked] = broken
        pairs = pairs[~asked]
    # and never where the growth is reported
    reported = actual[["region_id", "indicator_id", "year"]].drop_duplicates().rename(columns={"indicator_id": "growth_id"})
    reported["year"] = reported["year"].astype("int64")
    pairs = pairs.drop(columns="_merge").merge(reported, on=["region_id", "growth_id", "year"], how="left", indicator=True)
    pairs = pairs[pairs["_merge"].eq("left_only")]
    if pairs.empty:
        return pd.DataFrame(columns=COLUMNS)
    years = pairs["year"].tolist()
    values = [round(v, 1) for v in ((pairs["value_std"] / pairs["value_std_before"] - 1.0) * 100.0).tolist()]
    growth = pairs["growth_id"].tolist()
    info = [indicators[g] for g in growth]
    sources_now, sources_before = pairs["source_id"].tolist(), pairs["source_id_before"].tolist()
    count = len(pairs)
    columns = {
        "region_id": pairs["region_id"].tolist(), "region_zh": pairs["region_zh"].tolist(),
        "region_en": pairs["region_en"].tolist(), "region_level": pairs["region_level"].tolist(),
        "indicator_id": growth, "indicator_zh": [i.name_zh for i in info], "indicator_en": [i.name_en for i in info],
        "category": [i.category for i in info], "direction": [i.direction for i in info], "indicator_unit": [i.unit for i in info],
        "year": years, "period": ["annual"] * count, "start_year": [pd.NA] * count, "kind": ["actual"] * count,
        "comparator": [None] * count, "value": values, "unit": ["%"] * count, "value_std": values,
        "source_id": [f"{b}; {n}" if b != n else n for b, n in zip(sources_before, sources_now, strict=True)],
        "provenance": ["derived"] * count, "quote": [None] * count, "written": [None] * count, "note": [None] * count,
        "provisional": [False] * count, "cross_source": [None] * count, "derived": [True] * count,
        "derivation": [f"({v:g}{u} ÷ {bv:g}{bu} − 1) × 100, {y} against {y - 1}, nominal; computed here, not reported"
                       for v, u, bv, bu, y in zip(pairs["value"].tolist(), pairs["unit"].tolist(), pairs["value_before"].tolist(),
                                                  pairs["unit_before"].tolist(), years, strict=True)],
        "source_title": [None] * count, "source_publisher": [None] * count, "source_date": [None] * count,
        "source_url": [None] * count, "source_type": [None] * count,
        "file": pairs["file"].tolist() if "file" in pairs else [None] * count, "line": pairs["line"].tolist(),
    }
    return pd.DataFrame(columns, columns=COLUMNS)


def with_derived(table: pd.DataFrame, indicators: Mapping[str, Indicator],
                 regions: Mapping[str, Region] | None = None) -> pd.DataFrame:
    """The table with derived growth rows appended (marked ``derived``)."""
    derived = derived_growth(table, indicators, regions)
    if derived.empty:
        return table
    combined = pd.concat([table, derived.astype({"year": "Int64", "start_year": "Int64"})], ignore_index=True)
    combined["derived"] = combined["derived"].astype(bool)
    return combined
