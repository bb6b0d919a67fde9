"""Progress toward the 2025 (十四五) targets: what growth the target requires, what was achieved."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from metrics import series, units

PLAN_BASE_YEAR = 2020
"""The year before the 14th five-year plan: growth achieved so far is measured from it."""


def progress_to_targets(table: pd.DataFrame, target_year: int = 2025, regions: Mapping[str, Mapping] | None = None,
                        indicators: Mapping[str, Mapping] | None = None) -> pd.DataFrame:
    """For each level target of ``target_year``: the latest actual, the average annual change
    the target requires from it, and the average annual change achieved since 2020.

    Rates (unit %) are compared in percentage points a year; levels as compound growth in %.
    Everything computed here is derived and labelled so on the pages. No growth is computed
    across a caliber break (``regions`` / ``indicators``: id -> record, see ``metrics.series``).
    """
    targets = table[table["kind"].eq("target") & table["year"].eq(target_year) & table["period"].eq("annual")
                    & table["value_std"].notna()]
    actuals = table[table["kind"].eq("actual") & table["period"].eq("annual") & table["year"].notna()
                    & ~table["derived"].astype(bool) & table["value_std"].notna()]
    # Each series' (year, value) pairs gathered in one pass, not a mask over every actual for each
    # target: that was quadratic (minutes for 4,000 targets among 100,000 actuals).
    earlier = actuals[actuals["year"].lt(target_year)]
    history_of: dict[tuple, list[tuple[int, float]]] = {}
    for key, year, value in zip(zip(earlier["region_id"], earlier["indicator_id"], strict=True), earlier["year"],
                                earlier["value_std"], strict=True):
        history_of.setdefault(key, []).append((int(year), float(value)))
    rows = []
    for target in targets.itertuples(index=False):
        history = sorted(history_of.get((target.region_id, target.indicator_id), []), key=lambda pair: pair[0])
        row = {
            "region_id": target.region_id, "region_zh": target.region_zh, "region_en": target.region_en,
            "indicator_id": target.indicator_id, "indicator_zh": target.indicator_zh, "indicator_en": target.indicator_en,
            "indicator_unit": target.indicator_unit, "comparator": target.comparator,
            "target_year": target_year, "target_std": target.value_std, "target_value": target.value,
            "target_unit": target.unit, "target_source": target.source_id, "target_quote": target.quote,
            "latest_year": pd.NA, "latest_std": math.nan, "base_std": math.nan,
            "required_per_year": math.nan, "achieved_per_year": math.nan, "change_unit": "",
        }
        if history:
            latest_year, latest_std = history[-1]
            is_rate = units.is_rate(target.indicator_unit)
            row.update(latest_year=latest_year, latest_std=latest_std, change_unit="百分点" if is_rate else "%")
            row["required_per_year"] = _per_year(latest_std, target.value_std, target_year - latest_year, is_rate)
            base = [value for year, value in history if year == PLAN_BASE_YEAR]
            broken = series.breaks_between((regions or {}).get(target.region_id), (indicators or {}).get(target.indicator_id),
                                           PLAN_BASE_YEAR, latest_year)
            if base and latest_year > PLAN_BASE_YEAR and not broken:
                row["base_std"] = base[0]
                row["achieved_per_year"] = _per_year(base[0], latest_std, latest_year - PLAN_BASE_YEAR, is_rate)
        rows.append(row)
    return pd.DataFrame(rows)


def _per_year(start: float, end: float, years: int, is_rate: bool) -> float:
    if years <= 0:
        return math.nan
    if is_rate:
        return (end - start) / years
    if start <= 0 or end <= 0:
        return math.nan
    return ((end / start) ** (1.0 / years) - 1.0) * 100.0
