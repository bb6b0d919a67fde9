"""The handout's summary pages, as HTML sections: the headline figures as cards and the 十四五
scorecard as a table, the same texts as the deck's summary slides."""

from __future__ import annotations

from html import escape

from metrics.export.labels import text
from metrics.export.pack import Pack
from metrics.text import i18n

SCORE_KEYS = ("col_indicator", "col_plan_target", "col_latest", "col_verdict")


def _headlines(pack: Pack) -> str:
    cards = "".join(
        '<div class="card">' + "".join(f'<div class="{kind}">{escape(value)}</div>' for kind, value in
                                       (("name", c.title), ("value", c.value), ("change", c.change), ("target", c.target),
                                        ("context", c.context), ("note", c.note)) if value) + "</div>"
        for c in pack.headlines.cards)
    heading = text("deck_headlines", pack.lang).format(region=pack.region_name, year=pack.year)
    missing = ""
    if pack.headlines.missing:
        names = i18n.t("sep_list", pack.lang).join(pack.headlines.missing)
        missing = f'<p class="aside">{escape(text("deck_headlines_missing", pack.lang).format(year=pack.year, names=names))}</p>'
    return f'<section><h2>{escape(heading)}</h2><div class="cards">{cards}</div>{missing}</section>'


def _scorecard(pack: Pack) -> str:
    rows = [row for row in pack.scorecard if row.latest] or pack.scorecard
    waiting = [row for row in pack.scorecard if row not in rows]
    head = "".join(f"<th>{escape(i18n.t(key, pack.lang))}</th>" for key in SCORE_KEYS)
    body = "".join("<tr>" + "".join(f"<td>{escape(v or '–')}</td>" for v in (r.indicator, r.target, r.latest, r.status))
                   + "</tr>" for r in rows)
    aside = ""
    if waiting:
        names = i18n.t("sep_waiting", pack.lang).join(i18n.t("name_target", pack.lang, name=r.indicator, target=r.target)
                                                      for r in waiting)
        aside = f'<p class="aside">{escape(text("deck_no_actual_yet", pack.lang).format(names=names))}</p>'
    heading = pack.scorecard_heading
    return f'<section><h2>{escape(heading)}</h2><table class="score"><tr>{head}</tr>{body}</table>{aside}</section>'


def summary_sections(pack: Pack) -> list[str]:
    """The headline page (when a card has a value) and the scorecard page (when there are 2025 targets)."""
    sections = []
    if pack.headlines.cards:
        sections.append(_headlines(pack))
    if pack.scorecard:
        sections.append(_scorecard(pack))
    return sections
