"""The pack's two summary slides, as text: the overview's headline cards of a region and year,
and the 十四五 scorecard of the targets page. Both read the pages' own view models
(``overview.overview_cards``, ``queries.progress_for`` / ``progress_table``), so a slide says
what the page says."""

from __future__ import annotations

from dataclasses import dataclass

from metrics.figures import queries
from metrics.frames.dataframes import DataFrames
from metrics.text import display, i18n
from metrics.view_models import overview_cards as overview


@dataclass(frozen=True)
class Headline:
    """One headline card as a slide shows it: every text final, in the pack's language."""

    indicator_id: str
    title: str
    """The indicator's name, with the unit in English (GDP (CNY billion))."""
    value: str
    """The value with its unit as the card shows it: 18147.7亿元, 1,814.77, 80.9%."""
    change: str = ""
    """The change on the year before with the card's own label: +5.4% 比上年."""
    target: str = ""
    """The card's target line: 目标 7%左右：已完成……"""
    note: str = ""
    """Year, provenance and 预计 where the card says so."""
    context: str = ""
    """The card's growth against the province's and the nation's (本站计算), as the overview says it."""
    context_source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoreRow:
    """One 2025 target on the scorecard slide: the targets page's row, four of its columns."""

    indicator_id: str
    indicator: str
    target: str
    latest: str
    """The 2025 actual or the latest, with its year: 18700亿元 (2025年)."""
    status: str
    """The verdict, or progress labelled with its year, or no actual yet."""
    verdict: str = ""
    """The ledger's status code (met, not_met…) when the 2025 actual judges the target, else empty."""


@dataclass(frozen=True)
class Headlines:
    cards: list[Headline]
    missing: list[str]
    """Names of the headline indicators with no figure for the year (said in one line)."""


def headlines(frames: DataFrames, region_id: str, year: int, lang: str) -> Headlines:
    """The region's headline cards for ``year`` that have a value; the others named."""
    cards, missing = [], []
    for card in overview.overview_cards(frames, region_id, year, lang):
        if card.value is None:
            missing.append(card.title)
            continue
        title = f"{card.title} ({card.unit_text})" if card.unit_text else card.title
        change = f"{card.change.text} {card.change.label}" if card.change is not None else (card.change_note or "")
        notes = [card.provenance_text, i18n.year_label(card.year, lang)]
        if card.provisional:
            notes.append(i18n.t("provisional", lang))
        cards.append(Headline(card.indicator_id, title, card.number_text, change,
                              card.target.text if card.target is not None else "", " · ".join(n for n in notes if n),
                              card.context_text, tuple(card.context_source_ids)))
    return Headlines(cards, missing)


def scorecard(frames: DataFrames, region_id: str, lang: str) -> list[ScoreRow]:
    """The region's 十四五 scorecard (empty when it has no 2025 target): rows with an actual first,
    otherwise in the page's order."""
    progress = queries.progress_for(frames, region_id)
    if progress.empty:
        return []
    table = display.progress_table(progress, lang)
    columns = [i18n.t(key, lang) for key in ("col_indicator", "col_plan_target", "col_latest", "col_verdict")]
    verdicts = [str(r["status"]) if r.get("verdict") else "" for r in progress.to_dict("records")]
    rows = []
    for indicator_id, values, verdict in zip(progress["indicator_id"], table[columns].itertuples(index=False), verdicts,
                                             strict=True):
        indicator, target, latest, status = (str(value) for value in values)
        rows.append(ScoreRow(str(indicator_id), indicator, target, latest, status, verdict))
    return sorted(rows, key=lambda row: not row.latest)
