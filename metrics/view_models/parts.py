"""The pieces every page's view model is made of: buttons that change the view, an empty state
with its way out, a chart with its file name, a table with the rows its downloads are built from.

A page renders these as they are; every text in them is already in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from metrics.figures import names
from metrics.figures.suggest import Suggestion
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n

Memo = Callable[..., Any]
"""``memo(function, frames, *args)`` returns ``function(frames, *args)``, perhaps remembered:
the dashboard passes its cache, so a region's section, a figure or a ranking is built once per
data version and arguments, and a filter set back or a page revisited costs no rebuilding;
tests and exports call straight through (``direct``). What a memo returns is shared: pages
only read it."""


def direct(function: Callable[..., Any], frames: DataFrames, *args: object) -> Any:
    return function(frames, *args)


@dataclass(frozen=True)
class Choice:
    """A button: its label, and the change to the view a click makes."""

    label: str
    changes: Mapping[str, object]


@dataclass(frozen=True)
class Choices:
    """A row of buttons; ``intro`` above them, ``none`` instead of them when there are none."""

    key: str
    items: tuple[Choice, ...]
    intro: str | None = None
    none: str | None = None


@dataclass(frozen=True)
class Empty:
    """Why there is nothing to show, and the selections with something to show instead."""

    message: str
    choices: tuple[Choices, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    basename: str
    """The stem of its downloads' file names."""
    key: str


@dataclass(frozen=True)
class Table:
    """``display`` is what the page shows; ``raw`` the same rows, which the downloads are built from."""

    display: pd.DataFrame
    raw: pd.DataFrame
    kind: str
    """Which export sheet the rows make: facts, ledger, progress or sources."""
    basename: str
    key: str


def basename(frames: DataFrames, region_id: str | None, year: int | None, page_key: str, lang: str) -> str:
    """The stem of a download's file name: 宁波市_2021_目标与完成."""
    parts = [names.region_name(frames, region_id, lang) if region_id else "",
             str(year) if year is not None else "", i18n.t(page_key, lang)]
    return "_".join(part for part in parts if part)


def suggestion_choices(frames: DataFrames, items: Sequence[Suggestion], lang: str, key: str) -> Choices:
    """One button per suggested (region, year); a click shows that region and year."""
    return Choices(
        key=key,
        items=tuple(Choice(i18n.t("suggest_button", lang, region=names.region_name(frames, item.region_id, lang),
                                  year=i18n.year_label(item.year, lang)),
                           {"regions": (item.region_id,), "year": item.year}) for item in items),
        intro=i18n.t("suggest_intro", lang), none=i18n.t("suggestion_none", lang))


def indicator_choices(frames: DataFrames, indicators: Sequence[str], lang: str, key: str, field_name: str,
                      many: bool) -> Choices:
    """One button per indicator with data; a click puts it on the page (one of many, or the one)."""
    return Choices(key=key, intro=i18n.t("trends_suggest", lang), items=tuple(
        Choice(names.indicator_name(frames, ind, lang), {field_name: (ind,) if many else ind}) for ind in indicators))
