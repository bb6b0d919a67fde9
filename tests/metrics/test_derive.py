import pandas as pd
import pytest

from metrics.frames.derive import derived_growth, with_derived
from metrics.load.schema import Break, Indicator, Region


def _indicator(**fields):
    return Indicator(description_zh=fields["name_zh"], description_en=fields["name_en"], **fields)


INDICATORS = {i.id: i for i in (_indicator(**f) for f in [
    {"id": "fiscal_revenue", "name_zh": "一般公共预算收入", "name_en": "Revenue", "category": "fiscal", "direction": "higher", "unit": "亿元",
     "growth": "fiscal_revenue_growth", "growth_basis": "nominal"},
    {"id": "fiscal_revenue_growth", "name_zh": "一般公共预算收入增长", "name_en": "Revenue growth", "category": "fiscal",
     "direction": "higher", "unit": "%"},
    {"id": "gdp", "name_zh": "地区生产总值", "name_en": "GDP", "category": "output", "direction": "higher", "unit": "亿元",
     "growth": "gdp_growth", "growth_basis": "real"},
])}


def _level(indicator, year, value, **over):
    row = dict(region_id="ningbo", region_zh="宁波市", region_en="Ningbo", region_level="city", indicator_id=indicator,
               year=year, period="annual", start_year=pd.NA, kind="actual", comparator=None, value=value, unit="亿元",
               value_std=value, source_id=f"src{year}", provenance="quoted", provisional=False, derived=False, line=year)
    row.update(over)
    return row


def test_growth_is_derived_from_two_levels_and_marked():
    table = pd.DataFrame([_level("fiscal_revenue", 2020, 1510.8), _level("fiscal_revenue", 2021, 1723.1)])
    derived = derived_growth(table, INDICATORS)
    assert len(derived) == 1
    row = derived.iloc[0]
    assert row["indicator_id"] == "fiscal_revenue_growth" and row["year"] == 2021
    assert row["value"] == pytest.approx(14.1)
    assert bool(row["derived"]) and row["provenance"] == "derived"
    assert "1723.1" in row["derivation"] and "1510.8" in row["derivation"] and "nominal" in row["derivation"]


def test_reported_growth_is_never_replaced():
    table = pd.DataFrame([_level("fiscal_revenue", 2020, 1510.8), _level("fiscal_revenue", 2021, 1723.1),
                          _level("fiscal_revenue_growth", 2021, 14.0, unit="%")])
    assert derived_growth(table, INDICATORS).empty


def test_real_growth_is_not_derived_from_nominal_levels():
    table = pd.DataFrame([_level("gdp", 2020, 12408.7), _level("gdp", 2021, 14594.9)])
    assert derived_growth(table, INDICATORS).empty


def test_bounds_and_gaps_are_not_derived():
    table = pd.DataFrame([_level("fiscal_revenue", 2019, 1468.5), _level("fiscal_revenue", 2021, 1723.1),
                          _level("fiscal_revenue", 2020, 1500, comparator="above")])
    assert derived_growth(table, INDICATORS).empty


def test_with_derived_appends_rows():
    table = pd.DataFrame([_level("fiscal_revenue", 2020, 1510.8), _level("fiscal_revenue", 2021, 1723.1)])
    combined = with_derived(table, INDICATORS)
    assert len(combined) == 3 and combined["derived"].sum() == 1


def test_no_growth_is_derived_across_a_boundary_change():
    table = pd.DataFrame([_level("fiscal_revenue", 2015, 100.0), _level("fiscal_revenue", 2016, 150.0)])
    regions = {"ningbo": Region(id="ningbo", name_zh="宁波市", name_en="Ningbo", level="city", parent=None,
                                breaks=[Break(year=2016, note_zh="区划调整", note_en="boundary change")])}
    assert derived_growth(table, INDICATORS, regions).empty
    assert len(derived_growth(table, INDICATORS)) == 1
