"""A plan's scorecard: each target of the plan's last year beside what the plan's years achieved.

The plans are data (``data/plans.yaml``, ``metrics.load.plans``): for the 十四五 plan, each 2025
target set before 2025, measured from 2020. For a level or a rate target: the average annual
change the target required from the plan's base year, and the change achieved from that base to
the latest actual. When the ledger has judged the target against an actual of its year, its
status is the verdict (the same verdict, from the same actual, the ledger shows); before that
the latest year's figure is progress, labelled with its year, never a verdict. Everything
computed here is derived and labelled so on the pages; nothing is computed across a caliber break.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from metrics.frames import indicators as series
from metrics.frames.rows import tuples
from metrics.load import plans, units
from metrics.load.schema import Indicator, Region


def scorecards(table: pd.DataFrame, regions: Mapping[str, Region] | None = None,
               indicators: Mapping[str, Indicator] | None = None, ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """The scorecard of every plan in ``data/plans.yaml`` with targets for its last year, one
    table (``plan_id``, ``base_year`` and ``target_year`` on every row)."""
    pieces = [progress_to_targets(table, plan.end, regions, indicators, ledger, base_year=plan.base_year).assign(plan_id=plan.id)
              for plan in plans.PLANS]
    pieces = [piece for piece in pieces if not piece.empty]
    return pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()


def progress_to_targets(table: pd.DataFrame, target_year: int, regions: Mapping[str, Region] | None = None,
                        indicators: Mapping[str, Indicator] | None = None, ledger: pd.DataFrame | None = None,
                        *, base_year: int | None = None) -> pd.DataFrame:
    """One row per annual level or rate target of ``target_year`` with an exact value: base,
    latest actual (year and value), required and achieved average annual change, and, when
    the latest actual is of ``target_year``, the ledger's status and gap (``verdict`` True).

    ``base_year``: the year growth is measured from (the plan's base; 5 years before by default).
    Rates (unit %) are compared in percentage points a year, levels as compound growth in %.
    ``regions`` / ``indicators`` (id -> record) give the caliber breaks (``metrics.frames.indicators``);
    ``ledger`` (``ledger.target_ledger``) gives the verdicts.
    """
    base_year = target_year - 5 if base_year is None else base_year
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
    for key, year, value in zip(zip(upto["region_id"].tolist(), upto["indicator_id"].tolist(), strict=True), upto["year"].tolist(),
                                upto["value_std"].tolist(), strict=True):
        history_of.setdefault(key, []).append((int(year), float(value)))
    verdicts = _verdicts(ledger, target_year)
    written = {(r.region_id, r.indicator_id, int(r.year)): {"latest_value": r.value, "latest_unit": r.unit,
                                                          "latest_provisional": bool(r.provisional)}
               for r in tuples(upto[["region_id", "indicator_id", "year", "value", "unit", "provisional"]])}
    rows = []
    for target in tuples(targets):
        history = sorted(history_of.get((target.region_id, target.indicator_id), []), key=lambda pair: pair[0])
        is_rate = units.is_rate(target.indicator_unit)
        row = {
            "region_id": target.region_id, "region_zh": target.region_zh, "region_en": target.region_en,
            "indicator_id": target.indicator_id, "indicator_zh": target.indicator_zh, "indicator_en": target.indicator_en,
            "indicator_unit": target.indicator_unit, "comparator": target.comparator,
            "target_year": target_year, "base_year": base_year, "target_std": target.value_std, "target_value": target.value,
            "target_unit": target.unit, "target_source": target.source_id, "target_quote": target.quote,
            "latest_year": pd.NA, "latest_std": math.nan, "base_std": math.nan,
            "required_per_year": math.nan, "achieved_per_year": math.nan, "change_unit": "百分点" if is_rate else "%",
            "verdict": False, "status": "progress", "gap": math.nan, "gap_unit": None, "broken": False,
            "latest_value": math.nan, "latest_unit": None, "latest_bound": None, "latest_provisional": False,
        }
        base = [value for year, value in history if year == base_year]
        broken = bool(series.breaks_between((regions or {}).get(target.region_id), (indicators or {}).get(target.indicator_id),
                                            base_year, target_year))
        row["broken"] = broken
        if base and not broken:
            row["base_std"] = base[0]
            row["required_per_year"] = _per_year(base[0], target.value_std, target_year - base_year, is_rate)
        if history and history[-1][0] > base_year:
            latest_year, latest_std = history[-1]
            row.update({"latest_year": latest_year, "latest_std": latest_std, "latest_value": latest_std,
                        "latest_unit": target.indicator_unit,
                        **written.get((target.region_id, target.indicator_id, latest_year), {})})
            if base and not broken:
                row["achieved_per_year"] = _per_year(base[0], latest_std, latest_year - base_year, is_rate)
        verdict = verdicts.get((target.region_id, target.indicator_id, target.source_id))
        if verdict is not None and verdict["status"] != "no_actual":
            # The ledger judged this target against an actual of its year: the scorecard shows the
            # same verdict and the same actual (a bound such as 1万家以上 included), never a second judgement.
            row.update(verdict=True, status=verdict["status"], gap=verdict["gap"], gap_unit=verdict["gap_unit"],
                       latest_year=target_year, latest_std=verdict["actual_std"], latest_value=verdict["actual_value"],
                       latest_unit=verdict["actual_unit"], latest_bound=verdict["actual_bound"],
                       latest_provisional=verdict["actual_provisional"])
        rows.append(row)
    return pd.DataFrame(rows)


def _verdicts(ledger: pd.DataFrame | None, target_year: int) -> dict[tuple, dict]:
    """(region, indicator, target source) -> the ledger's row of that annual target (status, gap, actual)."""
    if ledger is None or ledger.empty:
        return {}
    rows = ledger[ledger["year"].eq(target_year) & ledger["period"].eq("annual")]
    needed = ["region_id", "indicator_id", "target_source", "status", "gap", "gap_unit", "actual_std", "actual_value",
              "actual_unit", "actual_bound", "actual_provisional"]
    return {(r.region_id, r.indicator_id, r.target_source): r._asdict() for r in tuples(rows[[c for c in needed if c in rows]])}


def _per_year(start: float, end: float, years: int, is_rate: bool) -> float:
    if years <= 0:
        return math.nan
    if is_rate:
        return (end - start) / years
    if start <= 0 or end <= 0:
        return math.nan
    return ((end / start) ** (1.0 / years) - 1.0) * 100.0
