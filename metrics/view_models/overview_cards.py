"""The overview cards: for a region and year, each headline indicator's value, its change or its
gap to target, where it comes from, and its sentence. Everything a card shows is computed here;
the page only lays the cards out.

A card's change is the reported growth when a source gives one; otherwise a growth rate this
module computes from the year before (marked ``computed``, never passed off as reported): the
change in percentage points for a rate, the nominal growth in percent for a level.
"""

from __future__ import annotations

from metrics.charts.theme import region_style
from metrics.figures import context, figure
from metrics.figures.cards import Card, Change, SourceRef, TargetInfo
from metrics.figures.names import growth_of, indicator_name, indicator_unit
from metrics.figures.queries import annual_facts, ledger_row, narrow, records_of_fact
from metrics.frames import coverage
from metrics.frames import indicators as series
from metrics.frames.dataframes import DataFrames
from metrics.load import units
from metrics.load.schema import Source
from metrics.text import i18n, render
from metrics.text.display import gap_decimals, target_text, value_text
from metrics.text.sentences import Lookup, indicator_sentence


def _text(value: object) -> str | None:
    """A text field of a row, None when missing (pandas gives NaN, which is truthy)."""
    return value if isinstance(value, str) and value else None


def _cited(source_id: str, source: Source | None, lang: str, quote: str, note: str, value_text: str,
           label: str) -> SourceRef:
    """A card's reference to a publication: its kind, title, publisher, date and link, beside
    the quote or note that goes with the value."""
    if source is None:
        return SourceRef(source_id, "", quote=quote, note=note, value_text=value_text, label=label)
    return SourceRef(source_id, source.provenance, title=source.title, publisher=source.publisher,
                     date=i18n.source_date(source, lang), url=getattr(source, "url", None), quote=quote, note=note,
                     value_text=value_text, label=label)


def _source_refs(frames: DataFrames, fact: dict, label: str, lang: str) -> list[SourceRef]:
    catalogue = frames.dataset.source_by_id
    refs = []
    for record in records_of_fact(frames, fact).to_dict("records"):
        if record.get("derived"):
            refs.append(SourceRef(str(record["source_id"]), "derived", derivation=_text(record.get("derivation")) or "",
                                  value_text=value_text(record, lang), label=label))
            continue
        refs.append(_cited(str(record["source_id"]), catalogue.get(record["source_id"]), lang,
                           quote=_text(record.get("quote")) or "", note=_text(record.get("note")) or "",
                           value_text=value_text(record, lang), label=label))
    return refs


def _compact(fact: dict, lang: str) -> tuple[str, str]:
    """The card's value and the unit it puts beside the title (``render.compact``)."""
    return render.compact(figure.of_fact(fact), lang)


def _target_ref(frames: DataFrames, row: dict, label: str, lang: str) -> SourceRef:
    return _cited(str(row["target_source"]), frames.dataset.source_by_id.get(row["target_source"]), lang,
                  quote=_text(row.get("target_quote")) or "", note=_text(row.get("target_note")) or "",
                  value_text=target_text(row, lang), label=label)


def _computed_change(frames: DataFrames, region_id: str, indicator_id: str, year: int, fact: dict,
                     lang: str) -> tuple[Change | None, str | None]:
    """The change on the year before, from two reported exact values, where it is honest: a rate
    (in percentage points) or a level whose reported growth is nominal; never a level whose
    growth is reported in real terms (GDP), never across a caliber break. The second value is
    why no change is shown, when that needs saying."""
    if _text(fact.get("comparator")) or fact.get("provisional") or fact.get("derived"):
        return None, None
    indicators = frames.dataset.indicator_by_id
    unit = indicator_unit(frames, indicator_id)
    is_rate = units.is_rate(unit)
    if not is_rate and series.growth_basis(indicators, indicator_id) != "nominal":
        return None, None
    before = annual_facts(frames, region_id, indicator_id, year - 1, include_derived=False)
    before = before[before["comparator"].isna() & before["value_std"].notna() & ~before["conflict"].astype(bool)]
    if before.empty:
        return None, None
    breaks = series.breaks_between(frames.dataset.region_by_id.get(region_id), indicators.get(indicator_id), year - 1, year)
    if breaks:
        return None, i18n.t("card_change_break", lang, note=i18n.name(breaks[0], "note", lang))
    previous = float(before.iloc[0]["value_std"])
    current = float(fact["value_std"])
    if is_rate:
        delta = current - previous
        decimals = max(gap_decimals({"target_std": previous, "actual_std": current}), 1)
        return Change(delta, "百分点", render.signed(delta, "百分点", lang, decimals),
                      i18n.t("card_on_previous_computed", lang), "computed"), None
    if previous == 0:
        return None, None
    growth = (current / previous - 1.0) * 100.0
    return Change(growth, "%", render.signed(growth, "%", lang, 1), i18n.t("card_on_previous_nominal", lang), "computed"), None


def _growth_change(fact: dict, lang: str) -> Change:
    """A growth the data holds: reported by a source (labelled as the year-on-year change it is),
    or derived here from two nominal levels (labelled nominal, computed here)."""
    if fact.get("derived"):
        return Change(float(fact["value"]), str(fact["unit"]), render.signed(float(fact["value"]), str(fact["unit"]), lang),
                      i18n.t("card_on_previous_nominal", lang), "derived")
    value = float(fact["value"])
    label = render.marked(i18n.t("card_on_previous", lang), lang, provisional=bool(fact.get("provisional")))
    return Change(value, str(fact["unit"]), render.signed(value, str(fact["unit"]), lang), label, "reported")


def _target_info(frames: DataFrames, region_id: str, year: int, ids: list[str], lang: str) -> tuple[TargetInfo | None, list[SourceRef]]:
    """The card's target (the growth target first, GDP growth 7%; else the level's) and its source."""
    for indicator_id in ids:
        row = ledger_row(frames, region_id, indicator_id, year)
        if row is None:
            continue
        fig = figure.target_of(row)
        target = (i18n.t("qualitative_target_words", lang, wording=fig.wording) if fig.is_qualitative and fig.wording
                  else i18n.t("qualitative_target", lang) if fig.is_qualitative else render.target(fig, lang))
        status = i18n.status_label(row["status"], lang)
        name = indicator_name(frames, indicator_id, lang)
        prefix = f"{name} · " if len(ids) > 1 and indicator_id != ids[-1] else ""
        gap = None if i18n.is_missing(row.get("gap")) else float(row["gap"])
        if row["status"] == "no_actual":
            text = i18n.t("card_target_only", lang, target=target)
        elif gap is not None:
            text = i18n.t("card_target_gap", lang, target=target, status=status,
                          gap=render.signed(gap, str(row["gap_unit"]), lang, gap_decimals(row)))
        else:
            text = i18n.t("card_target", lang, target=target, status=status)
        label = f"{i18n.t('target_label', lang)} · {name} {i18n.year_label(year, lang)}"
        return TargetInfo(indicator_id, prefix + text, str(row["status"]), gap), [_target_ref(frames, row, label, lang)]
    return None, []


def overview_card(frames: DataFrames, region_id: str, year: int, indicator_id: str, lang: str,
                  lookup: Lookup | None = None) -> Card:
    indicator = frames.dataset.indicator_by_id[indicator_id]
    growth_id = growth_of(frames, indicator_id)
    card = Card(indicator_id, indicator.category, indicator_name(frames, indicator_id, lang), year,
                higher_is_better=indicator.direction != "lower")
    facts = annual_facts(frames, region_id, indicator_id, year)
    facts = facts[facts["value"].notna()]
    if not facts.empty:
        fact = facts.iloc[0].to_dict()
        card.value, card.unit = float(fact["value"]), str(fact["unit"])
        card.value_text = value_text(fact, lang)
        card.number_text, card.unit_text = _compact(fact, lang)
        card.provenance = str(fact["provenance"])
        card.provenance_text = i18n.provenance_label(card.provenance, lang)
        card.provisional, card.bound = bool(fact.get("provisional")), _text(fact.get("comparator"))
        card.conflict = len(facts[~facts["derived"].astype(bool)]) > 1 or bool(fact.get("conflict"))
        for other in facts.to_dict("records"):
            card.sources += _source_refs(frames, other, f"{card.title} {i18n.year_label(year, lang)}", lang)
    growth = _reported_growth(frames, region_id, growth_id, year)
    if growth is not None and growth_id is not None:
        card.change = _growth_change(growth, lang)
        card.sources += _source_refs(frames, growth, f"{indicator_name(frames, growth_id, lang)} "
                                                     f"{i18n.year_label(year, lang)}", lang)
    elif not facts.empty:
        card.change, card.change_note = _computed_change(frames, region_id, indicator_id, year, facts.iloc[0].to_dict(), lang)
    card.target, target_refs = _target_info(frames, region_id, year, [i for i in (growth_id, indicator_id) if i], lang)
    card.sources += target_refs
    card.sentence = indicator_sentence(frames, region_id, year, indicator_id, lang, growth_id, lookup)
    if card.value is None:
        card.empty_text = i18n.t("card_growth_only" if card.change is not None else "card_no_data", lang, year=year)
    return card


def _reported_growth(frames: DataFrames, region_id: str, growth_id: str | None, year: int) -> dict | None:
    """The year's growth of the card's level, as the data holds it (reported first), if any: a
    card shows it even when the level itself was not published that year."""
    if growth_id is None:
        return None
    rows = annual_facts(frames, region_id, growth_id, year)
    rows = rows[rows["value"].notna()]
    return rows.iloc[0].to_dict() if not rows.empty else None


def overview_cards(frames: DataFrames, region_id: str, year: int, lang: str, category: str | None = None) -> list[Card]:
    """The headline cards of a region and year (those of ``category`` only, if given)."""
    known = frames.dataset.indicator_by_id
    narrow_frames = narrow(frames, region_id, [year - 1, year])
    lookup = Lookup(narrow_frames, region_id, year)
    histories = _histories(frames, region_id)
    region = frames.dataset.region_by_id.get(region_id)
    style = region_style(region_id, region)
    cards = []
    for indicator_id in series.headline(known):
        if indicator_id not in known or (category and known[indicator_id].category != category):
            continue
        card = overview_card(narrow_frames, region_id, year, indicator_id, lang, lookup)
        card.region_id = region_id
        card.colour = style.colour
        card.history = histories.get(indicator_id, [])
        card.break_years = [b.year for b in series.breaks(region, known[indicator_id])]
        starts = [b for b in series.breaks(region, known[indicator_id]) if b.year == year]
        if starts and card.value is not None and not card.change_note:
            # the year a new basis starts: the card says so, beside a figure not comparable with the year before
            card.change_note = i18n.t("card_change_break", lang, note=i18n.name(starts[0], "note", lang))
        _add_context(frames, card, region_id, year, indicator_id, lang)
        if card.value is None:
            # the years the card's own sparkline draws, nearest first: the note and the line agree
            drawn = sorted({y for y, _ in card.history if y != year}, key=lambda y: (abs(y - year), -y))[:3]
            card.nearest_years = sorted(drawn)
            if drawn:
                near = render.join([i18n.year_label(y, lang) for y in card.nearest_years], lang)
                card.empty_text = render.clauses([card.empty_text, i18n.t("card_nearest", lang, years=near)], lang)
        cards.append(card)
    return cards


def _add_context(frames: DataFrames, card: Card, region_id: str, year: int, indicator_id: str, lang: str) -> None:
    """The card's growth (or its rate) beside the city's, the province's and the nation's: like
    with like only (the same indicator, so the same caliber), exact reported figures only."""
    growth_id = growth_of(frames, indicator_id)
    subject = growth_id if growth_id else (indicator_id if units.is_rate(indicator_unit(frames, indicator_id)) else None)
    if subject is None:
        return
    own, items = context.against_above(frames, region_id, subject, year)
    if own is None or not items:
        return
    card.context_text = i18n.t("ctx_card", lang, clause=render.against(items, own, lang),
                               values=render.against_values(items, lang))
    label = f"{indicator_name(frames, subject, lang)} {i18n.year_label(year, lang)}"
    for item in items:
        for sid in item.sources:
            card.context_source_ids.append(sid)
            card.sources.append(_cited(sid, frames.dataset.source_by_id.get(sid), lang, quote="", note="",
                                       value_text=f"{i18n.name(item.region, 'name', lang)} {render.value(item.figure, lang)}",
                                       label=label))


def _histories(frames: DataFrames, region_id: str) -> dict[str, list[tuple[int, float]]]:
    """Indicator -> (year, value) of the region's exact annual actuals (latest vintage), by year."""
    facts = frames.facts
    if facts.empty:
        return {}
    rows = facts[facts["region_id"].eq(region_id) & facts["kind"].eq("actual") & facts["period"].eq("annual")
                 & facts["year"].notna() & facts["value_std"].notna() & facts["comparator"].isna()
                 & ~facts["derived"].astype(bool) & ~facts["conflict"].astype(bool)]
    rows = rows.drop_duplicates(["indicator_id", "year"]).sort_values("year")
    return {str(ind): [(int(y), float(v)) for y, v in zip(group["year"], group["value_std"], strict=True)]
            for ind, group in rows.groupby("indicator_id")}


def card_indicators(frames: DataFrames) -> list[str]:
    """Every indicator a card shows: the headline levels and their growth indicators."""
    ids = series.headline(frames.dataset.indicator_by_id)
    return ids + [g for g in (growth_of(frames, i) for i in ids) if g]


def newer_figures_note(frames: DataFrames, region_id: str, year: int, lang: str) -> tuple[str, int] | None:
    """A sentence naming the headline figures the region has for a later year, and that year
    (the latest), so the page can offer it; None when ``year`` is the latest with any."""
    newer = coverage.newer_figures(frames, region_id, year)
    if not newer:
        return None
    latest = max(newer)
    names = render.join([indicator_name(frames, family, lang) for family in newer[latest]], lang)
    return i18n.t("overview_newer", lang, year=latest, names=names), latest
