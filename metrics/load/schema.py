"""The one schema of ``data/metrics.yaml``: every key allowed, its type and its values.

Rules that need more than one record (ids that must exist, duplicates, units that must match
the indicator, quotes that must be in their source) live in ``validate.py`` and
``provenance.py``; this module says what a single record may look like, the rules between the
fields of one record included (``rule_problems``). The validated models are what the code
then reads (``metrics.load.dataset.Dataset``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]

SOURCE_TYPES = ("government_work_report", "news_article", "statistical_bulletin", "plan_report", "government_release")
LEVELS = ("nation", "province", "city", "district", "county_level_city", "county", "port")
CONTEXT_LEVELS = ("nation", "province")
"""Levels that are context for the city (the nation and the province), never one of its own regions."""
PEER_GROUPS = ("yrd_trillion", "separately_planned", "sub_provincial")
"""Groups of peer cities an official compares the city with: the trillion-yuan cities of the Yangtze
River Delta (长三角万亿城市), the separately planned cities (计划单列市), the sub-provincial cities (副省级城市)."""
CATEGORIES = (
    "output", "fiscal", "trade", "investment", "consumption", "innovation", "income", "labour",
    "urbanisation", "population", "port", "prices", "finance", "enterprises", "environment",
)
DIRECTIONS = ("higher", "lower", "band")
PERIODS = ("annual", "Q1", "H1", "Q1-Q3", "average", "total", "change")
SPAN_PERIODS = ("average", "total", "change")
FACT_KEY = ("region", "indicator", "year", "period", "start_year", "kind")
"""The fields that make one fact: two records alike in these are one fact, from two sources."""
KINDS = ("actual", "target")
COMPARATORS = ("at_least", "at_most", "about", "above", "reach", "qualitative")
CROSS_SOURCE = ("agrees", "conflicts", "revised")
GROWTH_BASES = ("real", "nominal")
MARKER_SYMBOLS = ("circle", "square", "diamond", "cross", "x", "triangle-up", "triangle-down", "triangle-left",
                  "triangle-right", "pentagon", "hexagon", "star", "hourglass", "bowtie", "star-square", "star-diamond")
"""Plotly marker symbols a region may be drawn with (filled ones: open ones mark targets and computed values)."""
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class QuotedSource(Strict):
    """A text in the sources folder: its quotes are checked against it."""

    id: Id
    provenance: Literal["quoted"]
    title: Text
    publisher: Text
    type: Literal[SOURCE_TYPES]  # type: ignore[valid-type]
    stated_date: dt.date | None
    posted_date: dt.date
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    note: Text | None = None


class CitedSource(Strict):
    """A publication with no local text: cited by URL, never quoted."""

    id: Id
    provenance: Literal["cited"]
    title: Text
    publisher: Text
    type: Literal[SOURCE_TYPES]  # type: ignore[valid-type]
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=500)]
    date: dt.date | None
    reposted_by: Text | None = None
    note: Text | None = None


Source = Annotated[QuotedSource | CitedSource, Field(discriminator="provenance")]


class Break(Strict):
    """From ``year`` on, a series is on a new basis (a census re-basing, a boundary change): no
    change is computed across it and charts mark it."""

    year: Annotated[int, Field(ge=1949, le=2100)]
    note_zh: Text
    note_en: Text
    indicators: list[Id] | None = None
    """On a region: the indicators the break is of (a census revision of its GDP); all when absent."""


class Region(Strict):
    id: Id
    name_zh: Text
    name_en: Text
    level: Literal[LEVELS]  # type: ignore[valid-type]
    parent: Id | None
    colour: Colour | None = None
    """The region's colour on every chart (a fallback from the palette when not given)."""
    symbol: Literal[MARKER_SYMBOLS] | None = None  # type: ignore[valid-type]
    breaks: list[Break] | None = None
    groups: list[Literal[PEER_GROUPS]] | None = None  # type: ignore[valid-type]
    """The peer groups a city belongs to (``PEER_GROUPS``): a region with groups, or of a context level,
    is context for the home city (shown beside it, never ranked among its districts)."""

    @property
    def is_context(self) -> bool:
        return self.level in CONTEXT_LEVELS or bool(self.groups)


class Indicator(Strict):
    id: Id
    name_zh: Text
    name_en: Text
    unit: Text
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    direction: Literal[DIRECTIONS]  # type: ignore[valid-type]
    description_zh: Text
    description_en: Text
    caliber_zh: Text | None = None
    caliber_en: Text | None = None
    growth: Id | None = None
    growth_basis: Literal[GROWTH_BASES] | None = None  # type: ignore[valid-type]
    headline: Annotated[int, Field(ge=1, le=99)] | None = None
    breaks: list[Break] | None = None

    def rule_problems(self) -> list[tuple[str, str]]:
        """What the record breaks of the rules between its own fields, as (field, what to do)."""
        if self.growth_basis is not None and self.growth is None:
            return [("growth_basis", "growth_basis needs growth, the indicator whose basis it states.")]
        return []


class Observation(Strict):
    region: Id
    indicator: Id
    year: Annotated[int, Field(ge=1949, le=2100)] | None
    period: Literal[PERIODS]  # type: ignore[valid-type]
    start_year: Annotated[int, Field(ge=1949, le=2100)] | None = None
    kind: Literal[KINDS]  # type: ignore[valid-type]
    comparator: Literal[COMPARATORS] | None = None  # type: ignore[valid-type]
    value: float | None
    unit: Text
    source: Id
    quote: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    written: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    provisional: bool = False
    cross_source: Literal[CROSS_SOURCE] | None = None  # type: ignore[valid-type]
    note: Text | None = None

    @property
    def key(self) -> tuple:
        """What makes one fact (``FACT_KEY``); ``validate_groups.observation_key`` of a raw record."""
        return tuple(getattr(self, name) for name in FACT_KEY)

    def rule_problems(self) -> list[tuple[str, str]]:
        """What the record breaks of the rules between its own fields, as (field, what to do);
        rules that need another record (its indicator's unit, its source's kind) are
        ``validate``'s."""
        found = []
        spans = self.period in SPAN_PERIODS
        if spans and self.start_year is None:
            found.append(("period", f"a period {self.period!r} needs start_year, the first year of the span."))
        if not spans and self.start_year is not None:
            found.append(("start_year", f"start_year is only for a span (average, total, change), not for period {self.period!r}."))
        if self.start_year is not None and self.year is not None and self.start_year >= self.year:
            found.append(("start_year", f"start_year {self.start_year} must be before year {self.year}."))
        if self.kind == "target" and self.comparator is None:
            found.append(("kind", "a target needs a comparator saying how it is worded (at_least 以上, at_most 以内, "
                                  "about 左右, above 突破, reach 达到, qualitative)."))
        if self.comparator == "qualitative" and self.value is not None:
            found.append(("value", "a qualitative target has no number: set value to null."))
        if self.comparator != "qualitative" and self.value is None:
            found.append(("value", "value is null but the comparator is not 'qualitative'; give the number."))
        if self.comparator == "qualitative" and self.kind == "actual":
            found.append(("comparator", "an actual cannot be qualitative; give the figure."))
        if self.year is None and not self.note:
            found.append(("year", "year is null: add a note saying the text does not state the year."))
        return found


class DatasetFile(Strict):
    """The whole file's shape (the four lists), for tools that read the format (a JSON Schema
    from ``DatasetFile.model_json_schema()``); the loaded data the code works with is
    ``metrics.load.dataset.Dataset``, which holds these models."""

    sources: list[Source]
    regions: list[Region]
    indicators: list[Indicator]
    observations: list[Observation]


SECTIONS = ("sources", "regions", "indicators", "observations")
