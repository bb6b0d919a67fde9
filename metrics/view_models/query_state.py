"""The dashboard's view (regions, year, category, language, indicators) and its URL form.

``parse`` turns whatever a query string holds into a valid view and a list of notices: an
unknown region, a year out of range or a garbled value is dropped, said so in a notice, and
replaced by the default. It never raises; ``to_params`` writes the view back, and
``parse(to_params(view))`` gives the same view with no notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from metrics.text.i18n import DEFAULT_LANG, LANGS

DEFAULT_REGION = "ningbo"
DEFAULT_YEAR = 2021
FIRST_YEAR = 2016
LAST_YEAR = 2025
MAX_VALUE_LENGTH = 400
"""A query value longer than this is garbled, whatever it holds."""
MAX_INDICATORS = 6
NOTICE_VALUE_LENGTH = 40

PARAMS = ("region", "year", "cat", "lang", "ind", "cmp")

_SEPARATORS = re.compile(r"[,,、;;\s]+")
_ID = re.compile(r"^[a-z0-9_]{1,80}$")


@dataclass(frozen=True)
class Options:
    """What a view may hold: the dataset's region ids, the year range, categories, indicator ids."""

    regions: tuple[str, ...]
    first_year: int = FIRST_YEAR
    last_year: int = LAST_YEAR
    categories: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Other spellings of a region id (its Chinese or English name, lowercased) -> the id."""
    default_years: Mapping[str, int] = field(default_factory=dict)
    """Region id -> the year a view of it opens on: its latest mostly published year."""

    @property
    def default_region(self) -> str | None:
        if DEFAULT_REGION in self.regions:
            return DEFAULT_REGION
        return self.regions[0] if self.regions else None

    @property
    def default_year(self) -> int:
        return self.year_for(self.default_region)

    def year_for(self, region: str | None) -> int:
        """The year a view of ``region`` opens on: its latest mostly published year if the data
        says, else DEFAULT_YEAR (or the last year, when DEFAULT_YEAR is out of range)."""
        year = self.default_years.get(region) if region else None
        if year is not None and self.first_year <= year <= self.last_year:
            return year
        if self.first_year <= DEFAULT_YEAR <= self.last_year:
            return DEFAULT_YEAR
        return self.last_year

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, self.last_year + 1))


@dataclass(frozen=True)
class ViewState:
    regions: tuple[str, ...]
    year: int
    category: str | None = None
    lang: str = DEFAULT_LANG
    indicators: tuple[str, ...] = ()
    """The indicators on the trends page (empty: the page chooses)."""
    compare: str | None = None
    """The indicator on the regions page (None: the page chooses)."""


@dataclass(frozen=True)
class Notice:
    """A query value that could not be used: which parameter, what it held, why."""

    param: str
    value: str
    reason: str
    """One of unknown_region, year_out_of_range, garbled, unknown_category, unknown_language,
    unknown_indicator, too_many."""


def options_for(regions: Mapping[str, Iterable[str]], years: Iterable[float | str], categories: Iterable[str],
                indicators: Iterable[str], default_years: Mapping[str, int] | None = None) -> Options:
    """Options from the dataset: ``regions`` as id -> its names (a link may name a region by
    either), the years it holds.

    The year range covers 2016–2025 and every year in the data."""
    ids = tuple(regions)
    aliases: dict[str, str] = {}
    for region_id, names in regions.items():
        for name in names:
            if name.strip():
                aliases.setdefault(name.strip().lower(), region_id)
    known_years = [int(y) for y in years if _is_int(y)]
    first = min([FIRST_YEAR, *known_years])
    last = max([LAST_YEAR, *known_years])
    return Options(ids, first, last, tuple(dict.fromkeys(categories)), tuple(dict.fromkeys(indicators)), aliases,
                   dict(default_years or {}))


def _is_int(value: object) -> bool:
    try:
        return value is not None and float(value) == int(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return False


def default_state(options: Options) -> ViewState:
    region = options.default_region
    return ViewState(regions=(region,) if region else (), year=options.default_year)


def is_valid(state: ViewState, options: Options) -> bool:
    return (all(r in options.regions for r in state.regions) and len(set(state.regions)) == len(state.regions)
            and options.first_year <= state.year <= options.last_year
            and (state.category is None or state.category in options.categories)
            and state.lang in LANGS
            and all(i in options.indicators for i in state.indicators) and len(state.indicators) <= MAX_INDICATORS
            and (state.compare is None or state.compare in options.indicators))


def _as_text(value: object) -> str | None:
    """The raw text of one query value (a list joins with commas); None when it is not text."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return ",".join(value)
    return None


def _shown(value: object) -> str:
    """A query value as a notice quotes it: its text (several values joined with commas), with
    characters that cannot be printed as "?", shortened; never a Python repr."""
    text = _as_text(value)
    if text is None:
        text = ",".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= NOTICE_VALUE_LENGTH else text[: NOTICE_VALUE_LENGTH - 1] + "…"


def _clean(text: str) -> bool:
    return len(text) <= MAX_VALUE_LENGTH and all(ch.isprintable() for ch in text)


def _items(text: str) -> list[str]:
    return [item for item in _SEPARATORS.split(text.strip()) if item]


def parse(params: Mapping[str, object], options: Options) -> tuple[ViewState, list[Notice]]:
    """A valid view from query parameters, and a notice for each value that could not be used."""
    notices: list[Notice] = []
    default = default_state(options)
    try:
        get = params.get
        raw = {key: get(key) for key in PARAMS}
    except Exception:  # a mapping that cannot be read is a garbled query
        return default, [Notice("query", _shown(params), "garbled")]
    regions = _parse_regions(raw["region"], options, default.regions, notices)
    state = ViewState(
        regions=regions,
        year=_parse_year(raw["year"], options, notices, options.year_for(regions[0] if regions else None)),
        category=_parse_category(raw["cat"], options, notices),
        lang=_parse_lang(raw["lang"], notices),
        indicators=_parse_indicators(raw["ind"], options, notices),
        compare=_parse_compare(raw["cmp"], options, notices),
    )
    return state, notices


def _text_or_notice(param: str, value: object, notices: list[Notice]) -> str | None:
    text = _as_text(value)
    if text is None or not _clean(text):
        notices.append(Notice(param, _shown(value), "garbled"))
        return None
    return text


def _parse_regions(value: object, options: Options, default: tuple[str, ...], notices: list[Notice]) -> tuple[str, ...]:
    if value is None:
        return default
    text = _text_or_notice("region", value, notices)
    if text is None:
        return default
    items = _items(text)
    if not items:
        return ()
    chosen: list[str] = []
    for item in items:
        key = item.lower()
        region = key if key in options.regions else options.aliases.get(key)
        if region is None:
            notices.append(Notice("region", _shown(item), "unknown_region"))
        elif region not in chosen:
            chosen.append(region)
    return tuple(chosen) if chosen else default


def _parse_year(value: object, options: Options, notices: list[Notice], default: int) -> int:
    if value is None:
        return default
    text = _text_or_notice("year", value, notices)
    if text is None:
        return default
    digits = text.strip().removesuffix("年").strip()
    if not re.fullmatch(r"[0-9]{1,6}", digits):
        notices.append(Notice("year", _shown(text), "garbled"))
        return default
    year = int(digits)
    if not options.first_year <= year <= options.last_year:
        notices.append(Notice("year", _shown(text), "year_out_of_range"))
        return default
    return year


def _parse_category(value: object, options: Options, notices: list[Notice]) -> str | None:
    if value is None:
        return None
    text = _text_or_notice("cat", value, notices)
    if text is None:
        return None
    key = text.strip().lower()
    if key in ("", "all"):
        return None
    if key in options.categories:
        return key
    notices.append(Notice("cat", _shown(text), "unknown_category"))
    return None


def _parse_lang(value: object, notices: list[Notice]) -> str:
    if value is None:
        return DEFAULT_LANG
    text = _text_or_notice("lang", value, notices)
    if text is None:
        return DEFAULT_LANG
    key = text.strip().lower()
    if key in ("", "zh") or key.startswith(("zh-", "zh_")) or key == "中文":
        return "zh"
    if key in ("en", "english") or key.startswith(("en-", "en_")):
        return "en"
    notices.append(Notice("lang", _shown(text), "unknown_language"))
    return DEFAULT_LANG


def _parse_indicators(value: object, options: Options, notices: list[Notice]) -> tuple[str, ...]:
    if value is None:
        return ()
    text = _text_or_notice("ind", value, notices)
    if text is None:
        return ()
    chosen: list[str] = []
    for item in _items(text):
        key = item.lower()
        if not _ID.match(key) or key not in options.indicators:
            notices.append(Notice("ind", _shown(item), "unknown_indicator"))
        elif key not in chosen:
            chosen.append(key)
    if len(chosen) > MAX_INDICATORS:
        notices.append(Notice("ind", str(len(chosen)), "too_many"))
        chosen = chosen[:MAX_INDICATORS]
    return tuple(chosen)


def _parse_compare(value: object, options: Options, notices: list[Notice]) -> str | None:
    if value is None:
        return None
    text = _text_or_notice("cmp", value, notices)
    if text is None:
        return None
    key = text.strip().lower()
    if key == "":
        return None
    if key in options.indicators:
        return key
    notices.append(Notice("cmp", _shown(text), "unknown_indicator"))
    return None


def to_params(state: ViewState) -> dict[str, str]:
    """The query parameters of a view; the empty and chosen-by-the-page parts are left out."""
    params = {"region": ",".join(state.regions), "year": str(state.year), "lang": state.lang}
    if state.category:
        params["cat"] = state.category
    if state.indicators:
        params["ind"] = ",".join(state.indicators)
    if state.compare:
        params["cmp"] = state.compare
    return params


def revalidate(state: ViewState, options: Options) -> tuple[ViewState, list[Notice]]:
    """A view checked against new options (the dataset changed): the same view if still valid."""
    if is_valid(state, options):
        return state, []
    return parse(to_params(state), options)
