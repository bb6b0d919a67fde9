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
    reported = set(zip(actual["region_id"], actual["indicator_id"], actual["year"], strict=False))
    nominal = series.nominal_growth(indicators)
    rows = []
    levels = actual[actual["indicator_id"].isin(list(nominal))]
    levels = levels.sort_values("provenance").drop_duplicates(["region_id", "indicator_id", "year"])
    by_key = {(r.region_id, r.indicator_id, int(r.year)): r for r in levels.itertuples(index=False)}
    for (region, indicator, year), now in by_key.items():
        before = by_key.get((region, indicator, year - 1))
        growth_id = nominal[indicator]
        if before is None or growth_id not in indicators or before.value_std in (0, None):
            continue
        if series.breaks_between((regions or {}).get(region), indicators.get(indicator), year - 1, year):
            continue
        if (region, growth_id, year) in reported:
            continue
        value = (now.value_std / before.value_std - 1.0) * 100.0
        info = indicators[growth_id]
        rows.append({
            "region_id": region, "region_zh": now.region_zh, "region_en": now.region_en, "region_level": now.region_level,
            "indicator_id": growth_id, "indicator_zh": info.name_zh, "indicator_en": info.name_en,
            "category": info.category, "direction": info.direction, "indicator_unit": info.unit,
            "year": year, "period": "annual", "start_year": pd.NA, "kind": "actual", "comparator": None,
            "value": round(value, 1), "unit": "%", "value_std": round(value, 1),
            "source_id": f"{before.source_id}; {now.source_id}" if before.source_id != now.source_id else now.source_id,
            "provenance": "derived", "quote": None, "written": None, "note": None, "provisional": False,
            "cross_source": None, "derived": True,
            "derivation": (f"({now.value:g}{now.unit} ÷ {before.value:g}{before.unit} − 1) × 100, "
                           f"{year} against {year - 1}, nominal; computed here, not reported"),
            "source_title": None, "source_publisher": None, "source_date": None, "source_url": None, "source_type": None,
            "file": getattr(now, "file", None), "line": now.line,
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def with_derived(table: pd.DataFrame, indicators: Mapping[str, Indicator],
                 regions: Mapping[str, Region] | None = None) -> pd.DataFrame:
    """The table with derived growth rows appended (marked ``derived``)."""
    derived = derived_growth(table, indicators, regions)
    if derived.empty:
        return table
    combined = pd.concat([table, derived.astype({"year": "Int64", "start_year": "Int64"})], ignore_index=True)
    combined["derived"] = combined["derived"].astype(bool)
    return combined
