"""A draft record: an observation in the dataset's own format, with why the importer thinks so."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from metrics.load import units
from metrics.load.schema import Observation
from metrics.load.validate_groups import observation_key

CONFIDENT = 0.7
"""``accept --only-confident`` takes drafts at or above this confidence."""

OBSERVATION_KEYS = ("region", "indicator", "year", "period", "start_year", "kind", "comparator", "value", "unit",
                    "source", "quote", "written", "provisional", "note")


@dataclass
class Draft:
    region: str
    indicator: str
    indicator_zh: str
    year: int | None
    period: str
    kind: str
    comparator: str | None
    value: float | None
    unit: str
    quote: str
    sentence: str
    confidence: float
    reason: str
    source: str = ""
    start_year: int | None = None
    written: str | None = None
    provisional: bool = False
    note: str | None = None
    proposed_indicator: dict | None = None
    """A new indicator to add with the record (the phrase matched no name in the dataset)."""
    proposed_region: dict | None = None
    existing: str = "new"
    """``new``, ``already there: agrees`` or ``already there: conflicts``."""
    accepted: bool = field(default=True)
    problem: tuple[str, dict] | None = None
    """Why the row starts unticked: a message key of ``metrics/text/strings.toml`` and its values."""

    def observation(self) -> dict:
        """The record as it goes into ``observations``: only the keys the schema allows, no empty optionals."""
        record: dict = {}
        for key in OBSERVATION_KEYS:
            value = getattr(self, key)
            if key in ("start_year", "comparator", "written", "note") and value is None:
                continue
            if key == "provisional" and not value:
                continue
            if key == "value" and isinstance(value, float) and value.is_integer():
                value = int(value)
            record[key] = value
        if self.year is None and not self.note:
            record["note"] = "原文未写明年份 (the text does not state the year)"
        return record

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Draft:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if isinstance(known.get("problem"), list):  # JSON has no tuples
            known["problem"] = tuple(known["problem"])
        return cls(**known)


def mark_existing(drafts: list[Draft], observations: Sequence[Observation]) -> None:
    """Set ``existing`` on each draft whose region, indicator, year, period and kind is in the dataset."""
    by_key: dict[tuple, list[Observation]] = {}
    for obs in observations:
        by_key.setdefault(obs.key, []).append(obs)
    for draft in drafts:
        same = by_key.get(observation_key(draft.observation()))
        if not same:
            draft.existing = "new"
            continue
        draft.existing = "already there: agrees" if any(_same_value(draft, obs) for obs in same) else "already there: conflicts"
        # The dataset has this fact: writing it again needs a cross_source mark on every record of
        # the group, a decision for the reviewer, so such a draft starts rejected.
        draft.accepted = False
        draft.problem = ("review_row_known", {})


def _same_value(draft: Draft, obs: Observation) -> bool:
    if draft.value is None or obs.value is None:
        return draft.value is None and obs.value is None
    try:
        return abs(units.convert(float(draft.value), draft.unit, obs.unit) - obs.value) < 1e-9 * max(1.0, abs(obs.value))
    except units.UnitError:
        return False
