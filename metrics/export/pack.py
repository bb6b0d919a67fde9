"""The briefing pack's content: the charts of one region and year with their titles, footnotes,
sentences and sources, the headline figures, the 十四五 scorecard and the citations. Built here
without images (``plan``), then rendered (``render``); ``slides`` and ``handout`` lay it out."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from metrics.charts import common, figures_for
from metrics.export import citations, summary
from metrics.export.images import Caption, fit_title, names_beside, prepare_figure, readable, units_on_ticks
from metrics.export.labels import text
from metrics.export.renderer import get_renderer
from metrics.figures import queries
from metrics.figures.comparison import briefing_compare_indicator
from metrics.figures.names import growth_of, indicator_name
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n
from metrics.text.citation import official_first
from metrics.text.render import plan_heading
from metrics.text.sentences import indicator_sentence

Chart = tuple[str, go.Figure]
ProgressCallback = Callable[[int, int], None]

SLIDE_WIDTH, SLIDE_HEIGHT = 960, 413
"""CSS pixels of a chart on a slide or handout page: the shape of the picture's box on the slide
(``PICTURE_BOX``), narrower than a screen so that its text is large on the slide; PNGs are
rendered at ``PNG_SCALE`` times this."""
PNG_SCALE = 3
PICTURE_BOX = (12.333, 5.3)
"""Inches a chart's picture may take on a 16:9 slide: between the margins, between title and footnote."""
MIN_TEXT_PT = 14
"""The smallest text of a chart as placed on the slide (points), readable when projected."""
TALL_SHRINK = 0.6
"""A chart laid out taller than the box (a ledger of many rows) keeps this share of its own height."""


def slide_size(figure: dict) -> tuple[int, int]:
    """(width, height) in CSS pixels to render a chart for a slide: the box's shape, or taller
    for a chart laid out taller (``TALL_SHRINK`` of its own height)."""
    own = (figure.get("layout") or {}).get("height")
    height = SLIDE_HEIGHT if not isinstance(own, (int, float)) else max(SLIDE_HEIGHT, round(own * TALL_SHRINK))
    return SLIDE_WIDTH, height


def min_text_px(width: int, height: int) -> float:
    """The smallest font (CSS px) a chart of this size needs for ``MIN_TEXT_PT`` on the slide,
    where it is scaled to fit ``PICTURE_BOX`` (72 pt an inch), rounded up to half a pixel."""
    scale = min(PICTURE_BOX[0] * 72 / width, PICTURE_BOX[1] * 72 / height)
    return math.ceil(MIN_TEXT_PT / scale * 2) / 2


class UnknownRegion(KeyError):
    """A region id the dataset does not have."""

    def __init__(self, region_id: str, known: Sequence[str]) -> None:
        super().__init__(region_id)
        self.region_id = region_id
        self.known = list(known)

    def __str__(self) -> str:
        return f"unknown region {self.region_id!r}; known: {', '.join(self.known)}"


@dataclass
class ChartPage:
    """One chart of the pack: its title, figure ready to render, footnote, sentences and sources."""

    name: str
    figure: dict
    footnote: str
    sentences: list[str]
    source_ids: list[str]
    height: int = SLIDE_HEIGHT
    image: bytes = b""
    title: str = ""
    """The slide's title: the chart's own title (taken out of the picture), else ``name``."""
    indicators: list[str] = field(default_factory=list)
    """Names of the indicators the chart shows, in the pack's language."""
    short_footnotes: list[str] = field(default_factory=list)
    """The footnote naming fewer sources (the first n, then how many in all), longest first: a
    slide prints the longest that fits its footnote band, the notes the whole ``footnote``."""

    @property
    def heading(self) -> str:
        return self.title or self.name


@dataclass
class Pack:
    """Everything a deck or handout shows; ``image`` of each page is filled by ``render``."""

    region_id: str
    region_name: str
    year: int
    lang: str
    date: dt.date
    pages: list[ChartPage]
    citations: list[str]
    headlines: summary.Headlines = field(default_factory=lambda: summary.Headlines([], []))
    scorecard: list[summary.ScoreRow] = field(default_factory=list)
    scorecard_heading: str = ""
    """The scorecard's heading with its plan and years (``render.plan_heading``)."""

    @property
    def title(self) -> str:
        return text("deck_title", self.lang).format(region=self.region_name)


def region_name(frames: DataFrames, region_id: str, lang: str) -> str:
    regions = frames.dataset.region_by_id
    if region_id not in regions:
        raise UnknownRegion(region_id, list(regions))
    return i18n.name(regions[region_id], "name", lang)


def all_charts(frames: DataFrames, region_id: str, year: int, lang: str) -> list[Chart]:
    """"Everything for this region and year": the dashboard's chart catalogue, its regions chart
    on the indicator the briefing is about (GDP first, ``comparison.briefing_compare_indicator``)."""
    return list(figures_for(frames, region_id, year, lang, briefing_compare_indicator(frames, year)))


def chart_sentences(frames: DataFrames, region_id: str, year: int, lang: str, indicators: Sequence[str]) -> list[str]:
    """The briefing sentences (``metrics.text.sentences``) of the indicators a chart shows: a growth
    indicator is spoken of with its level, as in the briefing (地区生产总值…,增长8.2%)."""
    level_of: dict[str, str] = {}
    for indicator in frames.dataset.indicator_by_id:
        growth = growth_of(frames, indicator)
        if growth:
            level_of.setdefault(growth, indicator)
    sentences: list[str] = []
    for indicator in indicators:
        level = level_of.get(indicator, indicator)
        sentence = indicator_sentence(frames, region_id, year, level, lang, growth_of(frames, level))
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return sentences


def _shown(figure: dict, view_facts: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    """The indicators a chart shows and its sources: from ``layout.meta`` where the chart
    builder put them, else found from the indicator names in the figure and their facts."""
    meta = citations.figure_meta(figure)
    indicators = meta.get("indicators")
    if not isinstance(indicators, (list, tuple)):
        indicators = citations.indicators_in(figure, view_facts, lang)
    sources = meta.get("sources")
    if not isinstance(sources, (list, tuple)):
        shown = view_facts[view_facts["indicator_id"].isin(indicators)] if indicators else view_facts
        sources = citations.source_ids(shown)
    return [str(i) for i in indicators], [str(s) for s in sources]


def short_footnotes(note: str, ids: Sequence[str], catalogue: dict, lang: str) -> list[str]:
    """Shorter forms of a chart's source footnote: its first n sources (official first) and the
    count in all, for n from five down to one; a remark that values were computed is kept."""
    ordered = official_first(ids, catalogue)
    computed = [i18n.t(key, lang) for key in ("footnote_computed_some", "footnote_computed_all")
                if i18n.t(key, lang) in note]
    shorter = []
    for count in range(min(len(ordered) - 1, 5), 0, -1):
        text = common.source_footnote(ordered[:count], catalogue, lang)
        text = i18n.t("chart_sources_and_more", lang, names=text, more=i18n.t("chart_more_sources", lang, n=len(ordered)))
        shorter.append(i18n.t("sep_clause", lang).join([text, *computed]))
    return shorter


def without_title(figure: dict) -> tuple[dict, str]:
    """The figure with its title taken out (it becomes the slide's title) and its subtitle (the
    view, the units) put in the title's place; and that title as plain text."""
    layout = figure.get("layout") or {}
    title = layout.get("title")
    if not isinstance(title, dict) or not isinstance(title.get("text"), str) or not title["text"].strip():
        return figure, ""
    plain = citations.plain(title["text"])
    subtitle = title.pop("subtitle", None) or {}
    title["text"] = subtitle.get("text") or ""
    title["font"] = {**(title.get("font") or {}), **(subtitle.get("font") or {"size": 12, "color": "#555555"})}
    return figure, plain


def plan(frames: DataFrames, region_id: str, year: int, lang: str, charts: Sequence[Chart] | None = None,
         today: dt.date | None = None) -> Pack:
    """The pack's content without images: raises UnknownRegion before any work is done."""
    name = region_name(frames, region_id, lang)
    charts = all_charts(frames, region_id, year, lang) if charts is None else list(charts)
    facts = frames.facts
    view_facts = facts[facts["region_id"].eq(region_id) & facts["year"].eq(year)] if not facts.empty else facts
    catalogue = common.catalogue(frames.sources)
    known = frames.dataset.indicator_by_id
    pages = []
    for chart_name, fig in charts:
        figure = prepare_figure(fig, Caption(region=name, year=year, lang=lang, title=chart_name), SLIDE_WIDTH)
        indicators, ids = _shown(figure, view_facts, lang)
        note = citations.figure_footnote(figure) or common.source_footnote(ids, catalogue, lang)
        figure, title = without_title(citations.without_footnote(figure))
        names_beside(figure)
        sentences = chart_sentences(frames, region_id, year, lang, indicators)
        names = [indicator_name(frames, i, lang) for i in indicators if i in known]
        width, height = slide_size(figure)
        figure["layout"]["height"], figure["layout"]["width"] = height, width
        fit_title(readable(units_on_ticks(figure), min_text_px(width, height)), width)
        pages.append(ChartPage(chart_name, figure, note, sentences, ids, height, title=title, indicators=names,
                               short_footnotes=short_footnotes(note, ids, catalogue, lang)))
    headlines = summary.headlines(frames, region_id, year, lang)
    used = [i for page in pages for i in page.source_ids] or citations.source_ids(view_facts)
    used += [i for card in headlines.cards for i in card.context_source_ids]  # the context's figures are cited too
    ordered = citations.distinct(citations.official_first([catalogue.get(i, {"id": i}) for i in dict.fromkeys(used)]))
    cited = [citations.citation(source, lang) for source in ordered]
    return Pack(region_id, name, year, lang, today or dt.date.today(), pages, cited,
                headlines, summary.scorecard(frames, region_id, lang),
                f"{name} · {plan_heading(queries.scorecard_plan(frames, region_id), lang)}")


def render(pack: Pack, fmt: str, on_progress: ProgressCallback | None = None, extra_steps: int = 1) -> Pack:
    """Render each page's chart (``png`` for slides, ``svg`` for the PDF), one at a time so that
    other sessions' exports interleave; reports ``on_progress(done, total)`` after each."""
    total = len(pack.pages) + extra_steps
    if on_progress:
        on_progress(0, total)
    if not pack.pages:
        return pack
    renderer = get_renderer()
    for done, page in enumerate(pack.pages, start=1):
        page.image = renderer.figure(page.figure, fmt, SLIDE_WIDTH, page.height, PNG_SCALE if fmt == "png" else 1)
        if on_progress:
            on_progress(done, total)
    return pack
