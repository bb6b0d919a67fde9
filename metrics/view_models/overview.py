"""The overview page's view model: for each chosen region, its headline cards for the year
(``metrics.view_models.overview_cards``), a note on newer figures, and the briefing sentences."""

from __future__ import annotations

from dataclasses import dataclass

from metrics.figures import names, suggest
from metrics.figures.cards import Card
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n, sentences
from metrics.view_models import overview_cards as overview
from metrics.view_models.parts import Choice, Choices, Empty, Memo, direct, suggestion_choices
from metrics.view_models.query_state import ViewState


@dataclass(frozen=True)
class OverviewSection:
    region_id: str
    heading: str
    empty: Empty | None
    """Set when the category has no card, or no card has a figure that year."""
    newer: str | None
    """Which headline figures a later year already has, with a button to show that year."""
    newer_choice: Choices | None
    cards: tuple[Card, ...]
    briefing: tuple[str, ...]


@dataclass(frozen=True)
class OverviewPage:
    no_region: Empty | None
    sections: tuple[OverviewSection, ...]


def overview_section(frames: DataFrames, region: str, view: ViewState) -> OverviewSection:
    """One region's part of the page (the page builder remembers it whole, through its memo)."""
    lang, year = view.lang, view.year
    name = names.region_name(frames, region, lang)
    heading = i18n.t("overview_heading", lang, region=name, year=year)
    cards = tuple(overview.overview_cards(frames, region, year, lang, view.category))
    if not cards:
        everything = Choices(f"overview-all-{region}", (Choice(i18n.t("suggest_all_categories", lang), {"category": None}),),
                             intro=i18n.t("suggest_intro", lang))
        return OverviewSection(region, heading, Empty(i18n.t("overview_no_cards_in_category", lang), (everything,)),
                               None, None, (), ())
    if not any(card.has_data for card in cards):
        nearby = suggest.suggest(frames.facts, [region], year, indicators=overview.card_indicators(frames))
        return OverviewSection(region, heading, Empty(i18n.t("overview_empty", lang, region=name, year=year),
                                                      (suggestion_choices(frames, nearby, lang, key=f"overview-suggest-{region}"),)),
                               None, None, cards, ())
    newer = overview.newer_figures_note(frames, region, year, lang)
    note, choice = None, None
    if newer is not None:
        note, latest = newer
        choice = Choices(f"overview-newer-{region}", (Choice(i18n.t("overview_show_year", lang, year=latest), {"year": latest}),))
    briefing = tuple(sentences.briefing_sentences(frames, region, year, lang))
    return OverviewSection(region, heading, None, note, choice, cards, briefing)


def overview_page(frames: DataFrames, view: ViewState, memo: Memo = direct) -> OverviewPage:
    no_region = None
    if not view.regions:
        nearby = suggest.suggest(frames.facts, [], view.year)
        no_region = Empty(i18n.t("no_region_selected", view.lang),
                          (suggestion_choices(frames, nearby, view.lang, key="overview-suggest"),))
    return OverviewPage(no_region, tuple(memo(overview_section, frames, region, view) for region in view.regions))
