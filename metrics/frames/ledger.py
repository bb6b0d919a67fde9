"""The target ledger: each target beside its actual, with a status and a gap.

The rules, also in the README (each has a test in tests/test_ledger.py):

- A target is matched with the actual of the same region, indicator, year, period (and span).
  No actual: ``no_actual``.
- ``at_least`` (以上) and ``reach`` (达到): met when actual >= target.
- ``above`` (突破, 超过): met when actual > target; an actual exactly at the target needs judgement.
- ``at_most`` (以内): met when actual <= target.
- ``about`` (左右): met when the actual is within the tolerance (0.5 percentage point for rates,
  2 % of the target for levels) or beyond it on the good side of the indicator's direction;
  for a ``band`` indicator only within the tolerance.
- ``qualitative`` (与经济增长基本同步): needs judgement.
- An actual that is itself a bound (突破万亿 recorded as ``above`` 1 万亿元) decides the target
  only when the bound is enough: 突破1万亿 against an actual 突破万亿 is met; otherwise it needs
  judgement.
- Two sources that conflict on the actual: needs judgement.
- A provisional actual (预计) turns met / not met into provisionally met / provisionally not met.
- The gap is actual minus target in percentage points for rates (unit %), and
  (actual / target - 1) in percent for levels, compared in the indicator's unit.
"""

from __future__ import annotations

import math

import pandas as pd

from metrics.frames.missing import is_missing
from metrics.frames.rows import lists, tuples
from metrics.load import units

ABOUT_TOLERANCE_PP = 0.5
ABOUT_TOLERANCE_RELATIVE = 0.02

STATUSES = ("met", "provisionally_met", "not_met", "provisionally_not_met", "needs_judgement", "no_actual")

_KEY = ["region_id", "indicator_id", "year", "period", "start_year"]


def judge(comparator: str, direction: str, target: float | None, actual: float | None,
          actual_bound: str | None = None, is_rate: bool = False) -> tuple[str, str]:
    """The status of one target against one actual, and the rule that decided it."""
    if actual is None or is_missing(actual):
        return "no_actual", "rule_no_actual"
    if comparator == "qualitative" or target is None or is_missing(target):
        return "needs_judgement", "rule_qualitative"
    if actual_bound in ("above", "at_least"):
        return _judge_lower_bound(comparator, target, actual)
    if actual_bound == "at_most":
        return _judge_upper_bound(comparator, target, actual)
    if comparator in ("at_least", "reach"):
        return ("met", "rule_at_or_above") if actual >= target else ("not_met", "rule_below")
    if comparator == "above":
        if actual > target:
            return "met", "rule_above"
        if actual == target:
            return "needs_judgement", "rule_equals_a_target_to_exceed"
        return "not_met", "rule_below"
    if comparator == "at_most":
        return ("met", "rule_at_or_below") if actual <= target else ("not_met", "rule_above")
    if comparator == "about":
        tolerance = ABOUT_TOLERANCE_PP if is_rate else abs(target) * ABOUT_TOLERANCE_RELATIVE
        if abs(actual - target) <= tolerance:
            return "met", "rule_about_within"
        good_side = (direction == "higher" and actual > target) or (direction == "lower" and actual < target)
        if good_side:
            return "met", "rule_about_good_side"
        return "not_met", "rule_about_outside"
    return "needs_judgement", "rule_unknown_comparator"


def _judge_lower_bound(comparator: str, target: float, bound: float) -> tuple[str, str]:
    """The actual is only known to exceed ``bound``."""
    if comparator in ("at_least", "reach", "above") and bound >= target:
        return "met", "rule_bound_reaches_target"
    if comparator == "at_most" and bound >= target:
        return "not_met", "rule_bound_exceeds_ceiling"
    return "needs_judgement", "rule_bound_undecided"


def _judge_upper_bound(comparator: str, target: float, bound: float) -> tuple[str, str]:
    """The actual is only known to be at most ``bound``."""
    if comparator == "at_most" and bound <= target:
        return "met", "rule_bound_within_ceiling"
    if comparator in ("at_least", "reach") and bound < target:
        return "not_met", "rule_bound_below_target"
    return "needs_judgement", "rule_bound_undecided"


def gap(target_std: float | None, actual_std: float | None, indicator_unit: str) -> tuple[float, str]:
    """Actual against target: percentage points for rates, percent for levels."""
    if target_std is None or actual_std is None or is_missing(target_std) or is_missing(actual_std):
        return math.nan, ""
    if units.is_rate(indicator_unit):
        return actual_std - target_std, "百分点"
    if target_std == 0:
        return math.nan, ""
    return (actual_std / target_std - 1.0) * 100.0, "%"


def target_ledger(table: pd.DataFrame) -> pd.DataFrame:
    """One row per target, from a consolidated tidy table (``tidy.consolidate``)."""
    targets = table[table["kind"].eq("target")]
    actuals = table[table["kind"].eq("actual") & ~table["derived"].astype(bool)]
    # Columns as lists, read by position: iterating a frame's rows (or ``iloc`` per target) is most
    # of the time at county scale (string columns are Arrow arrays, boxed one value at a time).
    actual_of = lists(actuals, ["source_id", "value", "unit", "value_std", "comparator", "provisional", "sources", "provenance",
                                 "quote", "note", "revised", "first_value", "first_unit", "first_source_date"])
    positions: dict[tuple, list[int]] = {}
    for position, values in enumerate(zip(*(actuals[column].tolist() for column in _KEY), strict=False)):
        positions.setdefault(_normalise(values), []).append(position)
    rows = []
    for target in tuples(targets):
        key = _normalise((target.region_id, target.indicator_id, target.year, target.period, target.start_year))
        group = positions.get(key, [])
        row = {
            "region_id": target.region_id, "region_zh": target.region_zh, "region_en": target.region_en,
            "indicator_id": target.indicator_id, "indicator_zh": target.indicator_zh, "indicator_en": target.indicator_en,
            "category": target.category, "direction": target.direction, "indicator_unit": target.indicator_unit,
            "year": target.year, "period": target.period, "start_year": target.start_year,
            "comparator": target.comparator, "target_value": target.value, "target_unit": target.unit,
            "target_std": target.value_std, "target_source": target.source_id, "target_quote": target.quote,
            "target_note": target.note,
            "actual_value": math.nan, "actual_unit": None, "actual_std": math.nan, "actual_bound": None,
            "actual_provisional": False, "actual_sources": None, "actual_provenance": None, "actual_quote": None,
            "actual_note": None, "actual_first_value": math.nan, "actual_first_unit": None, "actual_first_date": None,
        }
        if not group:
            status, rule = judge(target.comparator, target.direction, target.value_std, None)
        elif len(group) > 1:
            status, rule = "needs_judgement", "rule_sources_conflict"
            row["actual_sources"] = "; ".join(str((actual_of["source_id"] or [])[i]) for i in group)
        else:
            at = group[0]
            actual = {column: values[at] for column, values in actual_of.items() if values is not None}
            row.update({
                "actual_value": actual["value"], "actual_unit": actual["unit"], "actual_std": actual["value_std"],
                "actual_bound": actual["comparator"], "actual_provisional": bool(actual["provisional"]),
                "actual_sources": actual.get("sources", actual["source_id"]), "actual_provenance": actual["provenance"],
                "actual_quote": actual["quote"], "actual_note": actual["note"],
            })
            if bool(actual.get("revised")):
                row.update(actual_first_value=actual["first_value"], actual_first_unit=actual["first_unit"],
                           actual_first_date=actual["first_source_date"])
            status, rule = judge(target.comparator, target.direction, target.value_std, actual["value_std"],
                                 actual["comparator"], units.is_rate(target.indicator_unit))
            if row["actual_provisional"] and status in ("met", "not_met"):
                status = f"provisionally_{status}"
        row["status"], row["rule"] = status, rule
        row["gap"], row["gap_unit"] = gap(row["target_std"], row["actual_std"], target.indicator_unit)
        if status in ("needs_judgement", "no_actual") and row["actual_bound"]:
            row["gap"] = math.nan
        rows.append(row)
    ledger = pd.DataFrame(rows)
    if ledger.empty:
        return ledger
    ledger["year"] = ledger["year"].astype("Int64")
    ledger["start_year"] = ledger["start_year"].astype("Int64")
    return ledger


def _normalise(key: tuple) -> tuple:
    """A hashable key where every missing value (None, NaN, pd.NA) is None and years are ints."""
    return tuple(None if pd.isna(part) else (int(part) if isinstance(part, float) else part) for part in key)


def status_counts(ledger: pd.DataFrame) -> dict[str, int]:
    """How many targets have each status (every status present, zero included)."""
    counts = ledger["status"].value_counts().to_dict() if not ledger.empty else {}
    return {status: int(counts.get(status, 0)) for status in STATUSES}
