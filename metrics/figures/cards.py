"""What an overview card holds: its value, change, target and sources (built by ``metrics.view_models.overview_cards``).

The page lays these out and nothing else: every text here is final, in the view's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceRef:
    """One source of a card's value, with what a reader needs to check it."""

    source_id: str
    provenance: str
    """quoted, cited or derived."""
    title: str = ""
    publisher: str = ""
    date: str = ""
    url: str | None = None
    quote: str = ""
    derivation: str = ""
    note: str = ""
    value_text: str = ""
    label: str = ""
    """What the value is (地区生产总值 2021年), for a card with two values."""


@dataclass(frozen=True)
class Change:
    value: float
    unit: str
    text: str
    """+8.2%, +0.15个百分点."""
    label: str
    """增长 / 比上年 / growth / on the year before."""
    basis: str
    """reported (a source states it), derived (the dataset's derived row) or computed (here)."""


@dataclass(frozen=True)
class TargetInfo:
    indicator_id: str
    text: str
    """The card's target line: 目标 7%:已完成,+1.2个百分点."""
    status: str
    gap: float | None


@dataclass
class Card:
    indicator_id: str
    category: str
    title: str
    year: int
    value: float | None = None
    unit: str = ""
    value_text: str = ""
    """The value as a sentence writes it: 14594.9亿元, CNY 1,459.49 billion, 3%(预计)."""
    number_text: str = ""
    """The value as the card shows it, short: 14594.9亿元 (Chinese), 1,459.49 (English, unit in ``unit_text``)."""
    unit_text: str = ""
    provenance: str = ""
    provenance_text: str = ""
    provisional: bool = False
    bound: str | None = None
    conflict: bool = False
    change: Change | None = None
    change_note: str | None = None
    """Why no change on the year before is shown, when that needs saying (a caliber break)."""
    target: TargetInfo | None = None
    context_text: str = ""
    """The figure against the city, province and nation above the region (本站计算), or ""."""
    context_source_ids: list[str] = field(default_factory=list)
    """The sources of the figures ``context_text`` compares with."""
    sources: list[SourceRef] = field(default_factory=list)
    sentence: str | None = None
    empty_text: str = ""
    """Said instead of a value when the year has none."""
    nearest_years: list[int] = field(default_factory=list)
    higher_is_better: bool = True
    region_id: str = ""
    colour: str = ""
    """The region's colour (``charts.theme.region_style``): the sparkline is drawn in it."""
    history: list[tuple[int, float]] = field(default_factory=list)
    """(year, value in the indicator's unit) of every published exact annual figure: the sparkline."""
    break_years: list[int] = field(default_factory=list)
    """Years from which the series is on a new basis: the sparkline does not join across them."""

    @property
    def has_data(self) -> bool:
        return self.value is not None or self.target is not None or self.change is not None
