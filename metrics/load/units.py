"""Units: which units measure the same thing, how to convert, and how to label them.

Every unit in the dataset belongs to a dimension (money in yuan, persons, tonnes...) and has
a factor to that dimension's base unit; the units are listed, with their English labels, in
``data/units.yaml``. Two units convert only within one dimension, so
1.7万亿元 compares with 14594.9亿元 but never with 万人.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from metrics.load.problems import DatasetError, Problem
from metrics.load.yaml_reader import read_yaml

UNITS_FILE = Path(__file__).resolve().parents[2] / "data" / "units.yaml"


class Unit(BaseModel):
    """One unit of ``data/units.yaml``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    symbol: Annotated[str, Field(min_length=1)]
    dimension: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    factor: Annotated[float, Field(gt=0)]
    label_en: Annotated[str, Field(min_length=1)]
    count: bool = False
    """A unit that counts things (家, 人, 个): a sentence speaks of "the number of" them."""
    label_zh: Annotated[str, Field(min_length=1)] | None = None
    """Chinese for a unit a source wrote in English (billion yuan: 十亿元)."""
    label_en_one: Annotated[str, Field(min_length=1)] | None = None
    """The English label after exactly 1 where ``label_en`` is a plural (1 firm, 1 percentage point)."""


M = TypeVar("M", bound=BaseModel)


def read_catalogue(path: Path, key: str, model: type[M], check: Callable[[M, dict[str, M]], tuple[str, str] | None]
                   ) -> tuple[list[M], list[Problem]]:
    """A data file holding one list ``key`` of records of ``model`` (``data/units.yaml``,
    ``data/plans.yaml``): the records, and every problem with its file and line. ``check`` says
    what is wrong with a record beside those read before it, as (field, message), or None."""
    located = read_yaml(path)
    records = located.data.get(key) if isinstance(located.data, dict) else None
    if not isinstance(records, list):
        raise DatasetError([Problem(str(path), 1, f"the file must hold a list '{key}'.")])
    found: dict[str, M] = {}
    problems = []
    for index, record in enumerate(records):
        try:
            item = model.model_validate(record)
        except ValidationError as exc:
            problems.append(Problem(str(path), located.line(key, index), f"{key[:-1]} #{index + 1}: {exc.errors()[0]['msg']}."))
            continue
        wrong = check(item, found)
        if wrong is not None:
            problems.append(Problem(str(path), located.line(key, index, wrong[0]), wrong[1]))
        found[str(index)] = item
    return list(found.values()), problems


def read_units(path: Path = UNITS_FILE) -> dict[str, Unit]:
    """The units catalogue by symbol; a broken catalogue is the program's bug, so it raises
    ``DatasetError`` naming the file and line of each problem."""
    def twice(unit: Unit, before: dict[str, Unit]) -> tuple[str, str] | None:
        if any(other.symbol == unit.symbol for other in before.values()):
            return "symbol", f"unit {unit.symbol!r} is listed twice."
        return None

    units, problems = read_catalogue(path, "units", Unit, twice)
    if problems:
        raise DatasetError(problems)
    return {unit.symbol: unit for unit in units}


UNITS: dict[str, Unit] = read_units()

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


def label(symbol: str, lang: str = "zh", *, one: bool = False) -> str:
    """The unit as a reader of ``lang`` expects it: 亿元 or "CNY 100 million" (the label of
    ``data/units.yaml`` for a language other than Chinese, the language the units are written in).
    ``one``: after the number 1 (1 firm, not 1 firms)."""
    known = UNITS.get(symbol)
    labels = {"en": (one and known.label_en_one) or known.label_en, "zh": known.label_zh or symbol} if known else {}
    return labels.get(lang, symbol)


def is_rate(symbol: str) -> bool:
    return symbol in ("%", "百分点")
