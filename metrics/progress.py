"""Progress toward the 2025 (十四五) targets: what growth the target requires, what was achieved."""

from __future__ import annotations

import math

import pandas as pd

from metrics import units

PLAN_BASE_YEAR = 2020
"""The year before the 14th five-year plan: growth achieved so far is measured from it."""


def progress_to_targets(table: pd.DataFrame, target_year: int = 2025) -> pd.DataFrame:
    """For each level target of ``target_year``: the latest actual, the average annual change
    the target requires from it, and the average annual change achieved since 2020.

    Rates (unit %) are compared in percentage points a year; levels as compound growth in %.
    Everything computed here is derived and labelled so on the pages.
    """
    targets = table[table["kind"].eq("target") & table["year"].eq(target_year) & table["period"].eq("annual")
                    & table["value_std"].notna()]
    actuals = table[table["kind"].eq("actual") & table["period"].eq("annual") & table["year"].notna()
                    & ~table["derived"].astype(bool) & table["value_std"].notna()]
    rows = []
    for target in targets.itertuples(index=False):
        history = actuals[actuals["region_id"].eq(target.region_id) & actuals["indicator_id"].eq(target.indicator_id)
                          & actuals["year"].lt(target_year)].sort_values("year")
        row = {
            "region_id": target.region_id, "region_zh": target.region_zh, "region_en": target.region_en,
            "indicator_id": target.indicator_id, "indicator_zh": target.indicator_zh, "indicator_en": target.indicator_en,
            "indicator_unit": target.indicator_unit, "comparator": target.comparator,
            "target_year": target_year, "target_std": target.value_std, "target_value": target.value,
            "target_unit": target.unit, "target_source": target.source_id, "target_quote": target.quote,
            "latest_year": pd.NA, "latest_std": math.nan, "base_std": math.nan,
            "required_per_year": math.nan, "achieved_per_year": math.nan, "change_unit": "",
        }
        if not history.empty:
            latest = history.iloc[-1]
            is_rate = units.is_rate(target.indicator_unit)
            row.update(latest_year=int(latest["year"]), latest_std=float(latest["value_std"]),
                       change_unit="百分点" if is_rate else "%")
            years_left = target_year - int(latest["year"])
            row["required_per_year"] = _per_year(float(latest["value_std"]), target.value_std, years_left, is_rate)
            base = history[history["year"].eq(PLAN_BASE_YEAR)]
            if not base.empty and int(latest["year"]) > PLAN_BASE_YEAR:
                row["base_std"] = float(base.iloc[0]["value_std"])
                row["achieved_per_year"] = _per_year(row["base_std"], float(latest["value_std"]),
                                                     int(latest["year"]) - PLAN_BASE_YEAR, is_rate)
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
