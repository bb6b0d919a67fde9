"""The 十四五 scorecard: required and achieved average annual change from the 2020 base, the
2025 verdict only from a 2025 actual, nothing across a caliber break."""

import math

import pandas as pd
import pytest

from metrics.frames.ledger import target_ledger
from metrics.frames.progress import progress_to_targets
from metrics.load.schema import Break, Indicator


def _row(indicator, year, value, kind="actual", unit="亿元", **over):
    row = dict(region_id="ningbo", region_zh="宁波市", region_en="Ningbo", indicator_id=indicator, indicator_zh=indicator,
               indicator_en=indicator, indicator_unit=unit, year=year, period="annual", start_year=pd.NA, kind=kind,
               comparator="reach" if kind == "target" else None, value=value, unit=unit, value_std=value,
               source_id="plan" if kind == "target" else "s", quote="q", derived=False, direction="higher",
               category="output", provisional=False, note=None, provenance="quoted")
    row.update(over)
    return row


def _score(rows, **kwargs):
    table = pd.DataFrame(rows)
    return progress_to_targets(table, kwargs.pop("target_year", 2025), ledger=target_ledger(table), **kwargs).iloc[0]


def test_before_2025_the_latest_year_is_progress_not_a_verdict():
    row = _score([_row("gdp", 2020, 12408.7), _row("gdp", 2023, 16452.8), _row("gdp", 2025, 17000, "target")])
    assert row["latest_year"] == 2023 and not row["verdict"] and row["status"] == "progress"
    assert row["required_per_year"] == pytest.approx(((17000 / 12408.7) ** 0.2 - 1) * 100)
    assert row["achieved_per_year"] == pytest.approx(((16452.8 / 12408.7) ** (1 / 3) - 1) * 100)
    assert row["change_unit"] == "%"


def test_the_2025_actual_gives_the_ledgers_verdict_and_gap():
    row = _score([_row("gdp", 2020, 12408.7), _row("gdp", 2025, 18700.0), _row("gdp", 2025, 17000, "target")])
    assert row["verdict"] and row["status"] == "met" and row["latest_year"] == 2025
    assert row["gap"] == pytest.approx(10.0) and row["gap_unit"] == "%"
    assert row["achieved_per_year"] > row["required_per_year"]


def test_rates_in_points_a_year():
    row = _score([_row("urbanization_rate", 2020, 76.0, unit="%"), _row("urbanization_rate", 2024, 78.4, unit="%"),
                  _row("urbanization_rate", 2025, 80.0, "target", unit="%")])
    assert row["required_per_year"] == pytest.approx(0.8)
    assert row["achieved_per_year"] == pytest.approx(0.6)
    assert row["change_unit"] == "百分点"


def test_no_growth_across_a_caliber_break():
    indicators = {"urbanization_rate": Indicator(
        id="urbanization_rate", name_zh="城镇化率", name_en="Urbanisation", unit="%", category="urbanisation",
        direction="higher", description_zh="城镇化率", description_en="Urbanisation",
        breaks=[Break(year=2021, note_zh="七普", note_en="census")])}
    row = _score([_row("urbanization_rate", 2020, 73.6, unit="%"), _row("urbanization_rate", 2024, 80.9, unit="%"),
                  _row("urbanization_rate", 2025, 80.0, "target", unit="%")], indicators=indicators)
    assert bool(row["broken"]) and math.isnan(row["required_per_year"]) and math.isnan(row["achieved_per_year"])
    assert row["latest_year"] == 2024


def test_no_actual_leaves_the_row_empty():
    row = _score([_row("gdp", 2025, 17000, "target")])
    assert math.isnan(row["required_per_year"]) and pd.isna(row["latest_year"]) and row["status"] == "progress"


def test_a_target_set_in_its_own_year_is_not_a_plan_target():
    rows = [_row("gdp", 2020, 12408.7), _row("gdp", 2025, 17000, "target", source_date="2021-02-21"),
            _row("gdp_growth", 2025, 5.5, "target", unit="%", source_date="2025-01-10")]
    table = progress_to_targets(pd.DataFrame(rows), 2025)
    assert list(table["indicator_id"]) == ["gdp"]
