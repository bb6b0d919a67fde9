"""The one figure: what the dashboard shows of a fact, built once from a row of the frames.

A ``Figure`` holds a fact's value as its source wrote it and in the indicator's unit, how it is
worded (a target's comparator, an actual's bound), its marks (provisional, computed here,
revised with its first release, in conflict), its sources and, for a target, its one verdict.
It holds no language: ``metrics.text.render`` turns it into words, and every view (card, chart,
hover, heatmap cell, ledger and scorecard row, sentence, table, sheet, slide) asks the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from metrics.frames.missing import is_missing

LOWER_BOUNDS = ("above", "at_least", "reach")
"""How an actual published only as a floor is worded: 突破 (above), 以上 (at least), 达 (reach)."""
UPPER_BOUNDS = ("at_most",)
BOUND_SIGNS = {"above": ">", "at_least": "≥", "reach": "≥", "at_most": "≤"}


@dataclass(frozen=True)
class Revision:
    """The first release of a revised figure."""

    value: float
    unit: str
    date: str


@dataclass(frozen=True)
class Figure:
    kind: str
    """``actual`` or ``target``."""
    value: float | None
    """As written by the source (1.87 with unit 万亿元)."""
    unit: str
    value_std: float | None
    """In the indicator's unit (18700 亿元): for drawing, ranking and judging, never for words."""
    std_unit: str
    comparator: str | None = None
    """A target's wording (about, at_least, ...); on an actual, the bound it was published as."""
    wording: str = ""
    """A qualitative target's words (its quote or note)."""
    provisional: bool = False
    derived: bool = False
    conflict: bool = False
    revision: Revision | None = None
    sources: tuple[str, ...] = ()
    status: str | None = None
    """A target's verdict (``ledger.STATUSES``), the one the ledger and the scorecard both show."""

    @property
    def is_bound(self) -> bool:
        """An actual published only as a floor or a ceiling (突破2000亿元): never a point on a line."""
        return self.kind == "actual" and self.comparator in BOUND_SIGNS

    @property
    def is_lower_bound(self) -> bool:
        return self.is_bound and self.comparator in LOWER_BOUNDS

    @property
    def is_qualitative(self) -> bool:
        return self.comparator == "qualitative" or self.value is None

    @property
    def bound_sign(self) -> str:
        """>, ≥ or ≤ for a bound; "" for an exact figure or a target."""
        return BOUND_SIGNS.get(self.comparator or "", "") if self.is_bound else ""

    @property
    def marked(self) -> bool:
        """Whether a cell shows a mark (*) for the figure: provisional, revised, computed here or in conflict."""
        return self.provisional or self.derived or self.revision is not None or self.conflict


def _get(row: object, key: str, default: object = None) -> object:
    if isinstance(row, Mapping):
        return row.get(key, default)
    return getattr(row, key, default)


def _number(value: object) -> float | None:
    return None if is_missing(value) else float(value)  # type: ignore[arg-type]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _true(value: object) -> bool:
    return value is True or (not is_missing(value) and bool(value) and not isinstance(value, str))


def _sources(value: object) -> tuple[str, ...]:
    return tuple(part.strip() for part in _text(value).split(";") if part.strip())


def of_fact(row: object) -> Figure:
    """The figure of one row of ``DataFrames.facts`` (or of the tidy table)."""
    revision = None
    if _true(_get(row, "revised")) and _number(_get(row, "first_value")) is not None:
        revision = Revision(float(_get(row, "first_value")), _text(_get(row, "first_unit")),  # type: ignore[arg-type]
                            _text(_get(row, "first_source_date")))
    comparator = _text(_get(row, "comparator")) or None
    kind = _text(_get(row, "kind")) or "actual"
    return Figure(
        kind=kind, value=_number(_get(row, "value")), unit=_text(_get(row, "unit")),
        value_std=_number(_get(row, "value_std")), std_unit=_text(_get(row, "indicator_unit")) or _text(_get(row, "unit")),
        comparator=comparator,
        wording=(_text(_get(row, "quote")) or _text(_get(row, "note"))) if comparator == "qualitative" else "",
        provisional=_true(_get(row, "provisional")), derived=_true(_get(row, "derived")),
        conflict=_true(_get(row, "conflict")), revision=revision,
        sources=_sources(_get(row, "sources")) or _sources(_get(row, "source_id")))


def target_of(row: object) -> Figure:
    """The target of a ledger row, with the ledger's verdict."""
    comparator = _text(_get(row, "comparator")) or None
    return Figure(
        kind="target", value=_number(_get(row, "target_value")), unit=_text(_get(row, "target_unit")),
        value_std=_number(_get(row, "target_std")), std_unit=_text(_get(row, "indicator_unit")),
        comparator=comparator,
        wording=_text(_get(row, "target_quote")) or _text(_get(row, "target_note")),
        sources=_sources(_get(row, "target_source")), status=_text(_get(row, "status")) or None)


def actual_of(row: object) -> Figure | None:
    """The actual a ledger row judged its target against; None when there is none (or sources conflict)."""
    value = _number(_get(row, "actual_value"))
    if value is None:
        return None
    revision = None
    if _number(_get(row, "actual_first_value")) is not None:
        revision = Revision(float(_get(row, "actual_first_value")), _text(_get(row, "actual_first_unit")),  # type: ignore[arg-type]
                            _text(_get(row, "actual_first_date")))
    return Figure(
        kind="actual", value=value, unit=_text(_get(row, "actual_unit")), value_std=_number(_get(row, "actual_std")),
        std_unit=_text(_get(row, "indicator_unit")), comparator=_text(_get(row, "actual_bound")) or None,
        provisional=_true(_get(row, "actual_provisional")), revision=revision,
        sources=_sources(_get(row, "actual_sources")))


def latest_of(row: object) -> Figure | None:
    """The latest actual of a scorecard row (``progress.progress_to_targets``), as written."""
    value = _number(_get(row, "latest_value"))
    if value is None:
        return None
    return Figure(kind="actual", value=value, unit=_text(_get(row, "latest_unit")), value_std=_number(_get(row, "latest_std")),
                  std_unit=_text(_get(row, "indicator_unit")), comparator=_text(_get(row, "latest_bound")) or None,
                  provisional=_true(_get(row, "latest_provisional")))
