"""Units: which units measure the same thing, how to convert, and how to label them.

Every unit in the dataset belongs to a dimension (money in yuan, persons, tonnes...) and has
a factor to that dimension's base unit. Two units convert only within one dimension, so
1.7万亿元 compares with 14594.9亿元 but never with 万人.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    symbol: str
    dimension: str
    factor: float
    label_en: str


_UNITS = [
    Unit("元", "cny", 1.0, "CNY"),
    Unit("万元", "cny", 1e4, "CNY 10,000"),
    Unit("亿元", "cny", 1e8, "CNY 100 million"),
    Unit("万亿元", "cny", 1e12, "CNY trillion"),
    Unit("billion yuan", "cny", 1e9, "CNY billion"),
    Unit("美元", "usd", 1.0, "USD"),
    Unit("万美元", "usd", 1e4, "USD 10,000"),
    Unit("亿美元", "usd", 1e8, "USD 100 million"),
    Unit("人", "persons", 1.0, "persons"),
    Unit("万人", "persons", 1e4, "10,000 persons"),
    Unit("名", "persons", 1.0, "persons"),
    Unit("万名", "persons", 1e4, "10,000 persons"),
    Unit("人次", "person_times", 1.0, "person-times"),
    Unit("万人次", "person_times", 1e4, "10,000 person-times"),
    Unit("吨", "tonnes", 1.0, "tonnes"),
    Unit("万吨", "tonnes", 1e4, "10,000 tonnes"),
    Unit("亿吨", "tonnes", 1e8, "100 million tonnes"),
    Unit("标箱", "teu", 1.0, "TEU"),
    Unit("万标箱", "teu", 1e4, "10,000 TEU"),
    Unit("%", "percent", 1.0, "%"),
    Unit("百分点", "percentage_points", 1.0, "percentage points"),
    Unit("倍", "ratio", 1.0, "times"),
    Unit("家", "firms", 1.0, "firms"),
    Unit("万家", "firms", 1e4, "10,000 firms"),
    Unit("个", "items", 1.0, "units"),
    Unit("台", "machines", 1.0, "units"),
    Unit("条", "lines", 1.0, "lines"),
    Unit("头", "livestock", 1.0, "head"),
    Unit("万头", "livestock", 1e4, "10,000 head"),
    Unit("项", "projects", 1.0, "projects"),
    Unit("件", "pieces", 1.0, "pieces"),
    Unit("所", "institutions", 1.0, "institutions"),
    Unit("公里", "km", 1.0, "km"),
    Unit("千米", "km", 1.0, "km"),
    Unit("亩", "mu", 1.0, "mu"),
    Unit("万亩", "mu", 1e4, "10,000 mu"),
    Unit("平方米", "m2", 1.0, "m²"),
    Unit("万平方米", "m2", 1e4, "10,000 m²"),
    Unit("平方公里", "km2", 1.0, "km²"),
    Unit("户", "households", 1.0, "households"),
    Unit("套", "dwellings", 1.0, "dwellings"),
    Unit("万套", "dwellings", 1e4, "10,000 dwellings"),
    Unit("张", "beds", 1.0, "beds"),
    Unit("岁", "years_of_age", 1.0, "years"),
    Unit("天", "days", 1.0, "days"),
    Unit("微克/立方米", "ug_m3", 1.0, "µg/m³"),
]

UNITS: dict[str, Unit] = {u.symbol: u for u in _UNITS}

# A change over a span of a percentage is measured in percentage points.
CHANGE_UNIT = {"%": "百分点"}


class UnitError(ValueError):
    """Raised when a unit is unknown or two units do not measure the same thing."""


def unit(symbol: str) -> Unit:
    try:
        return UNITS[symbol]
    except KeyError:
        raise UnitError(f"unknown unit {symbol!r}") from None


def is_known(symbol: str) -> bool:
    return symbol in UNITS


def convertible(from_symbol: str, to_symbol: str) -> bool:
    if from_symbol not in UNITS or to_symbol not in UNITS:
        return False
    return UNITS[from_symbol].dimension == UNITS[to_symbol].dimension


def convert(value: float, from_symbol: str, to_symbol: str) -> float:
    """Convert ``value`` from one unit to another of the same dimension."""
    source, target = unit(from_symbol), unit(to_symbol)
    if source.dimension != target.dimension:
        raise UnitError(f"cannot convert {from_symbol} to {to_symbol}: they measure different things")
    if source.factor == target.factor:
        return value
    return value * source.factor / target.factor


def magnitude(symbol: str) -> float:
    """The factor a bare number written with this unit stands for (亿元 -> 1e8)."""
    return unit(symbol).factor


def label(symbol: str, lang: str = "zh") -> str:
    """The unit as a reader of ``lang`` expects it: 亿元 or "CNY 100 million"."""
    if lang == "en":
        return UNITS[symbol].label_en if symbol in UNITS else symbol
    return symbol


def is_rate(symbol: str) -> bool:
    return symbol in ("%", "百分点")
