import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.load import units
from metrics.load.problems import DatasetError


def test_trillion_compares_with_hundred_millions():
    assert units.convert(1.7, "万亿元", "亿元") == pytest.approx(17000)
    assert units.convert(14594.9, "亿元", "万亿元") == pytest.approx(1.45949)


def test_yuan_and_ten_thousands():
    assert units.convert(68008, "元", "万元") == pytest.approx(6.8008)
    assert units.convert(16, "万人", "人") == 160000


def test_units_of_different_things_do_not_convert():
    assert not units.convertible("亿元", "万人")
    with pytest.raises(units.UnitError, match="measure different things"):
        units.convert(1, "亿元", "万人")


def test_unknown_unit_is_an_error():
    with pytest.raises(units.UnitError, match="unknown unit"):
        units.unit("furlongs")


def test_english_labels():
    assert units.label("亿元", "en") == "CNY 100 million"
    assert units.label("亿元", "zh") == "亿元"
    assert units.label("万标箱", "en") == "10,000 TEU"


SAME_DIMENSION = [(a, b) for a in units.UNITS for b in units.UNITS if units.convertible(a, b)]


@given(st.sampled_from(SAME_DIMENSION), st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_conversion_round_trips(pair, value):
    a, b = pair
    back = units.convert(units.convert(value, a, b), b, a)
    assert math.isclose(back, value, rel_tol=1e-12, abs_tol=1e-9)


def test_the_units_catalogue_names_the_line_of_a_broken_unit(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text("units:\n  - {symbol: 元, dimension: cny, factor: 1, label_en: CNY}\n"
                    "  - {symbol: 万元, dimension: cny, factor: -1, label_en: CNY 10,000}\n"
                    "  - {symbol: 元, dimension: cny, factor: 1, label_en: CNY}\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        units.read_units(path)
    lines = [problem.line for problem in caught.value.problems]
    assert lines == [3, 4], caught.value.problems


def test_every_unit_of_the_catalogue_has_an_english_label():
    catalogue = units.read_units()
    assert "亿元" in catalogue and catalogue["亿元"].label_en == "CNY 100 million"
    assert all(unit.label_en and unit.factor > 0 for unit in catalogue.values())
