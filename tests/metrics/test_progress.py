import math

import pandas as pd
import pytest

from metrics.progress import progress_to_targets


def _row(indicator, year, value, kind="actual", unit="亿元"):
    return dict(region_id="ningbo", region_zh="宁波市", region_en="Ningbo", indicator_id=indicator, indicator_zh=indicator,
                indicator_en=indicator, indicator_unit=unit, year=year, period="annual", kind=kind,
                comparator="reach" if kind == "target" else None, value=value, unit=unit, value_std=value,
                source_id="s", quote="q", derived=False)


def test_required_and_achieved_growth_for_a_level():
    table = pd.DataFrame([_row("gdp", 2020, 12408.7), _row("gdp", 2021, 14594.9), _row("gdp", 2025, 17000, "target")])
    row = progress_to_targets(table).iloc[0]
    assert row["latest_year"] == 2021
    assert row["required_per_year"] == pytest.approx(((17000 / 14594.9) ** 0.25 - 1) * 100)
    assert row["achieved_per_year"] == pytest.approx((14594.9 / 12408.7 - 1) * 100)
    assert row["change_unit"] == "%"


def test_rates_progress_in_points():
    table = pd.DataFrame([_row("urbanization_rate", 2020, 76.0, unit="%"), _row("urbanization_rate", 2021, 78.4, unit="%"),
                          _row("urbanization_rate", 2025, 80.0, "target", unit="%")])
    row = progress_to_targets(table).iloc[0]
    assert row["required_per_year"] == pytest.approx(0.4)
    assert row["achieved_per_year"] == pytest.approx(2.4)
    assert row["change_unit"] == "百分点"


def test_no_actual_leaves_progress_empty():
    row = progress_to_targets(pd.DataFrame([_row("gdp", 2025, 17000, "target")])).iloc[0]
    assert math.isnan(row["required_per_year"]) and pd.isna(row["latest_year"])
