"""Streamlit pieces the pages share: cards, source details, notices, empty states, charts, tables.

Text that comes from the data (names, quotes, titles, notes) is always shown as text: it goes
through ``md`` (every Markdown and HTML character escaped) or into a dataframe, never through
``unsafe_allow_html``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.charts.common import for_screen
from metrics.charts.sparkline import SPARK_HEIGHT, sparkline
from metrics.figures.cards import Card, SourceRef
from metrics.load.problems import Problem
from metrics.text import display, i18n
from metrics.view_models.parts import Chart, Choices, Empty, Table
from metrics.view_models.query_state import Notice
from ui import state
from ui.downloads import chart_downloads, table_downloads

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")


def md(text: object) -> str:
    """``text`` escaped for Streamlit Markdown: it shows exactly as written (HTML included, as text)."""
    value = "" if text is None else str(text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("\n", "  \n")


def notice_box(items: Sequence[Notice], options_first: int, options_last: int, lang: str) -> None:
    """A short warning listing the URL values that were dropped for defaults."""
    if not items:
        return
    lines = []
    for notice in items:
        key = f"notice_{notice.reason}"
        lines.append("- " + md(i18n.t(key, lang, value=notice.value, param=notice.param, first=options_first,
                                      last=options_last, limit=6)))
    st.warning(md(i18n.t("notice_title", lang)) + "\n\n" + "\n".join(lines))


def problem_list(problems: Sequence[Problem], lang: str) -> None:
    """Every problem with the data file as ``file:line: message``; no traceback."""
    st.title(i18n.t("app_title", lang))
    st.error(md(i18n.t("problems_title", lang)))
    st.caption(md(i18n.t("problems_count", lang, n=len(problems))))
    st.code("\n".join(problem.text(lang) for problem in problems), language=None, wrap_lines=True)


def choices(row: Choices | None) -> None:
    """A row of buttons that each apply a change to the view (a region and year, an indicator)."""
    if row is None:
        return
    if not row.items:
        if row.none:
            st.caption(md(row.none))
        return
    if row.intro:
        st.caption(md(row.intro))
    for number, (column, item) in enumerate(zip(st.columns(len(row.items)), row.items, strict=True)):
        column.button(md(item.label), key=f"{row.key}-{number}", on_click=state.apply, kwargs=dict(item.changes))


def empty(item: Empty | None) -> None:
    """Why nothing is shown, and the selections that have something (nothing when ``item`` is None)."""
    if item is None:
        return
    st.info(md(item.message))
    for row in item.choices:
        choices(row)


def _small(text: str) -> str:
    """Escaped text in the caption's look (small, grey), inside a Markdown block: on one line, since a
    line break would end the directive and show its brackets."""
    return f":gray[:small[{md(' '.join(text.split()))}]]"


def _source_text(ref: SourceRef, lang: str) -> str:
    """One value's source as one Markdown block: what it is, its provenance, then the quote and the
    citation (or the computation). One block, not six elements: an overview sent about a hundred
    elements for its closed source menus on every change (issue 21)."""
    help_text = i18n.t(f"prov_{ref.provenance}_help", lang) if i18n.has(f"prov_{ref.provenance}_help") else ""
    parts = [f"**{md(ref.label)}** · {md(ref.value_text)}",
             _small(f"{i18n.provenance_label(ref.provenance, lang)} — {help_text}")]
    if ref.provenance == "derived":
        parts += [f"{md(i18n.t('derivation', lang))}: {md(ref.derivation)}",
                  _small(i18n.t("computed_from", lang) + ref.source_id)]
        return "\n\n".join(parts)
    if ref.quote:
        parts.append(f"{md(i18n.t('quote', lang))}:\n\n> {md(ref.quote)}")
    title = i18n.t("cite_title", lang, title=ref.title)
    detail = ", ".join(part for part in (ref.publisher, ref.date) if part)
    parts.append(f"{md(i18n.t('citation', lang))}: {md(title)} {md(detail)}")
    url = display.safe_url(ref.url)
    if url:
        parts.append(_small(url))
    if ref.note:
        parts.append(_small(f"{i18n.t('note', lang)}: {ref.note}"))
    return "\n\n".join(parts)


def sources_popover(refs: Sequence[SourceRef], lang: str, key: str) -> None:
    """The sources of a card one click away: quote, citation or computation for each value."""
    label = f"{i18n.t('card_sources', lang)} ({len(refs)})"
    with st.popover(label, key=key):
        st.markdown("\n\n---\n\n".join(_source_text(ref, lang) for ref in refs))


@st.cache_resource(show_spinner=False, max_entries=2048)
def _sparkline(history: tuple[tuple[int, float], ...], year: int, colour: str,
               break_years: tuple[int, ...]) -> go.Figure | None:
    """A card's sparkline, built once for its values (shared, never changed): building eight of them
    took most of an overview's rerun (issue 21)."""
    return sparkline(history, year, colour, break_years)


def card(item: Card, lang: str, key: str) -> None:
    """One overview card: value and unit, change on the year before, target, provenance, sources, sentence."""
    with st.container(border=True):
        delta = f"{item.change.text} {item.change.label}" if item.change is not None else None
        label = f"{item.title} ({item.unit_text})" if item.unit_text else item.title
        st.metric(label=md(label), value=item.number_text or "–", delta=delta,
                  delta_color="normal" if item.higher_is_better else "inverse")
        spark = _sparkline(tuple(item.history), item.year, item.colour, tuple(item.break_years))
        if spark is not None:
            st.plotly_chart(spark, theme=None, key=f"{key}-spark", config={"staticPlot": True, "displayModeBar": False},
                            height=SPARK_HEIGHT)
        notes = []
        if item.value is not None:
            shown = [item.provenance_text, i18n.year_label(item.year, lang)]
            if item.provisional:
                shown.append(i18n.t("provisional", lang))
            notes.append(" · ".join(shown))
            if item.change_note:
                notes.append(item.change_note)
        else:
            notes.append(item.empty_text)
        notes += [text for text in (item.target.text if item.target is not None else None, item.context_text,
                                    i18n.t("card_conflict", lang) if item.conflict else None) if text]
        # one Markdown block for the notes (in the caption's look) and the sentence, not up to seven elements:
        # each element a year change redraws costs the browser more than its text (issue 21)
        lines = [_small(note) for note in notes]
        if item.sentence:
            lines.append(md(item.sentence))
        st.markdown("\n\n".join(lines))
        if item.sources:
            sources_popover(item.sources, lang, key=f"{key}-sources")


def card_grid(cards: Sequence[Card], lang: str, key: str, per_row: int = 4) -> None:
    """Cards in rows of ``per_row``."""
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, item in zip(columns, cards[start:start + per_row], strict=False):
            with column:
                card(item, lang, key=f"{key}-{item.indicator_id}")


def _screen(figure: go.Figure) -> tuple[go.Figure, str, str, str]:
    """``for_screen`` once per figure: the page builders' figures are shared through the cache and
    never changed, so the screen version is kept on the figure and a rerun that shows it again
    does not copy it again."""
    kept = getattr(figure, "_on_screen", None)
    if kept is None:
        kept = for_screen(figure)
        figure._on_screen = kept
    return cast(tuple[go.Figure, str, str, str], kept)


def chart_block(item: Chart | None, lang: str) -> None:
    """A chart as built (our template, ``theme=None``), with its download buttons (nothing for None)."""
    if item is None:
        return
    shown, title, subtitle, footnote = _screen(item.figure)
    if title:
        with st.container(key=f"charttitle-{item.key}"):
            st.markdown(f"**{md(title)}**")
    st.plotly_chart(shown, theme=None, key=item.key, config={"displaylogo": False},
                    width="content" if shown.layout.width else "stretch")
    if subtitle:
        st.caption(md(subtitle))
    if footnote:
        st.caption(md(footnote))
    chart_downloads(item.figure, item.basename, lang, key=item.key)


def table_block(item: Table | None, lang: str, sources: pd.DataFrame | None = None, column_config: dict | None = None,
                height: int | str = "auto") -> None:
    """The display table; its downloads are built from the raw rows it shows (nothing for None)."""
    if item is None:
        return
    st.dataframe(item.display, hide_index=True, column_config=column_config, key=item.key, height=height)
    table_downloads(item.raw, item.kind, item.basename, lang, sources=sources, key=item.key)
