"""The 十四五 scorecard: each 2025 target beside what 2021–2025 achieved.

For a level or a rate target of 2025: the average annual change the target required from the
plan's base year (2020), and the change achieved from that base to the latest actual. When the
latest actual is the 2025 figure, the ledger's status is the verdict; before that the latest
year's figure is progress, labelled with its year, never a verdict. Everything computed here
is derived and labelled so on the pages; nothing is computed across a caliber break.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from metrics import series, units
from metrics.schema import Indicator, Region

PLAN_BASE_YEAR = 2020
"""The year before the 14th five-year plan: growth is measured from it."""
PLAN_END_YEAR = 2025


def progress_to_targets(table: pd.DataFrame, target_year: int = PLAN_END_YEAR, regions: Mapping[str, Region] | None = None,
                        indicators: Mapping[str, Indicator] | None = None, ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per annual level or rate target of ``target_year`` with an exact value: base,
    latest actual (year and value), required and achieved average annual change, and, when
    the latest actual is of ``target_year``, the ledger's status and gap (``verdict`` True).

    Rates (unit %) are compared in percentage points a year, levels as compound growth in %.
    ``regions`` / ``indicators`` (id -> record) give the caliber breaks (``metrics.series``);
    ``ledger`` (``ledger.target_ledger``) gives the verdicts.
    """
    targets = table[table["kind"].eq("target") & table["year"].eq(target_year) & table["period"].eq("annual")
                    & table["value_std"].notna()]
    if "source_date" in targets:
        # A target published in its own year (the January work report's target for that year)
        # is the year's plan, not the five-year plan's: it stays in the ledger, not here.
        set_in = pd.to_numeric(targets["source_date"].astype("string").str[:4], errors="coerce")
        targets = targets[~set_in.ge(target_year)]
    actuals = table[table["kind"].eq("actual") & table["period"].eq("annual") & table["year"].notna()
                    & ~table["derived"].astype(bool) & table["value_std"].notna() & table["comparator"].isna()]
    # Each series' (year, value) pairs gathered in one pass, not a mask over every actual for each
    # target: that was quadratic (minutes for 4,000 targets among 100,000 actuals).
    upto = actuals[actuals["year"].le(target_year)]
    history_of: dict[tuple, list[tuple[int, float]]] = {}
    for key, year, value in zip(zip(upto["region_id"], upto["indicator_id"], strict=True), upto["year"],
                                upto["value_std"], strict=True):
        history_of.setdefault(key, []).append((int(year), float(value)))
    verdicts = _verdicts(ledger, target_year)
    rows = []
    for target in targets.itertuples(index=False):
        history = sorted(history_of.get((target.region_id, target.indicator_id), []), key=lambda pair: pair[0])
        is_rate = units.is_rate(target.indicator_unit)
        row = {
            "region_id": target.region_id, "region_zh": target.region_zh, "region_en": target.region_en,
            "indicator_id": target.indicator_id, "indicator_zh": target.indicator_zh, "indicator_en": target.indicator_en,
            "indicator_unit": target.indicator_unit, "comparator": target.comparator,
            "target_year": target_year, "target_std": target.value_std, "target_value": target.value,
            "target_unit": target.unit, "target_source": target.source_id, "target_quote": target.quote,
            "latest_year": pd.NA, "latest_std": math.nan, "base_std": math.nan,
            "required_per_year": math.nan, "achieved_per_year": math.nan, "change_unit": "百分点" if is_rate else "%",
            "verdict": False, "status": "progress", "gap": math.nan, "gap_unit": None, "broken": False,
        }
        base = [value for year, value in history if year == PLAN_BASE_YEAR]
        broken = bool(series.breaks_between((regions or {}).get(target.region_id), (indicators or {}).get(target.indicator_id),
                                            PLAN_BASE_YEAR, target_year))
        row["broken"] = broken
        if base and not broken:
            row["base_std"] = base[0]
            row["required_per_year"] = _per_year(base[0], target.value_std, target_year - PLAN_BASE_YEAR, is_rate)
        if history and history[-1][0] > PLAN_BASE_YEAR:
            latest_year, latest_std = history[-1]
            row.update(latest_year=latest_year, latest_std=latest_std)
            if base and not broken:
                row["achieved_per_year"] = _per_year(base[0], latest_std, latest_year - PLAN_BASE_YEAR, is_rate)
            verdict = verdicts.get((target.region_id, target.indicator_id, target.source_id))
            if latest_year == target_year and verdict is not None:
                row.update(verdict=True, status=verdict[0], gap=verdict[1], gap_unit=verdict[2])
        rows.append(row)
    return pd.DataFrame(rows)


def _verdicts(ledger: pd.DataFrame | None, target_year: int) -> dict[tuple, tuple[str, float, str]]:
    """(region, indicator, target source) -> (status, gap, gap unit) of the ledger's annual targets."""
    if ledger is None or ledger.empty:
        return {}
    rows = ledger[ledger["year"].eq(target_year) & ledger["period"].eq("annual")]
    return {(r.region_id, r.indicator_id, r.target_source): (str(r.status), r.gap, r.gap_unit) for r in rows.itertuples(index=False)}


def _per_year(start: float, end: float, years: int, is_rate: bool) -> float:
    if years <= 0:
        return math.nan
    if is_rate:
        return (end - start) / years
    if start <= 0 or end <= 0:
        return math.nan
    return ((end / start) ** (1.0 / years) - 1.0) * 100.0
