"""The briefing pack as a 16:9 PowerPoint deck (python-pptx): title, headline figures, the
十四五 scorecard, one slide per chart, the sources. Every slide's title is in its title
placeholder; each chart slide's speaker notes are that chart's own sentences."""

from __future__ import annotations

import io
import math

from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as PresentationDeck
from pptx.slide import Slide
from pptx.util import Emu, Inches

from metrics.export.labels import text
from metrics.export.pack import MIN_TEXT_PT, PICTURE_BOX, SLIDE_WIDTH, ChartPage, Pack
from metrics.export.pptx_text import (
    BODY_TOP,
    GREY,
    LAYOUT_TITLE,
    LAYOUT_TITLE_AND_CONTENT,
    MARGIN,
    SLIDE_H,
    SLIDE_W,
    part_title,
    place,
    set_notes,
    text_width,
    titled_slide,
    write,
)
from metrics.export.summary_slides import headline_slides, scorecard_slides
from metrics.text import i18n

CITATIONS_PER_SLIDE = 8
FOOTNOTE_SIZE = MIN_TEXT_PT
FOOTNOTE_LINES = 2
"""Lines of the footnote band under a chart: a longer footnote names fewer sources on the slide
(the notes and the sources slides name them all)."""
PICTURE_W, PICTURE_H = Inches(PICTURE_BOX[0]), Inches(PICTURE_BOX[1])
FOOTNOTE_TOP = BODY_TOP + PICTURE_H + Inches(0.05)


def _title_slide(deck: PresentationDeck, pack: Pack) -> None:
    slide = titled_slide(deck, pack.title, LAYOUT_TITLE, 40, PP_ALIGN.CENTER)
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    place(title, MARGIN * 2, Inches(2.0), SLIDE_W - MARGIN * 4, Inches(1.6))
    place(subtitle, MARGIN * 2, Inches(3.9), SLIDE_W - MARGIN * 4, Inches(1.6))
    lines = [text("deck_subtitle", pack.lang).format(region=pack.region_name, year=pack.year),
             text("deck_date", pack.lang).format(date=pack.date.isoformat())]
    write(subtitle.text_frame, lines, 22, color=GREY)


def chart_notes(page: ChartPage, lang: str) -> str:
    """The speaker notes of a chart's slide: what the chart is, the indicators it shows, their
    sentences, its sources."""
    lines = [page.heading]
    if page.indicators:
        lines.append(text("deck_notes_indicators", lang).format(names=i18n.t("sep_list", lang).join(page.indicators)))
    lines += page.sentences
    return "\n".join([*lines, "", page.footnote] if page.footnote else lines)


def slide_footnote(page: ChartPage, width: Emu) -> str:
    """The chart's footnote as the slide prints it: the whole one if it fits ``FOOTNOTE_LINES``
    lines of the band, else the longest shorter form that does (the shortest at worst)."""
    room = (Emu(width).pt - 14) * FOOTNOTE_LINES * 0.92
    for candidate in [page.footnote, *page.short_footnotes]:
        if text_width(candidate, FOOTNOTE_SIZE) <= room:
            return candidate
    return page.short_footnotes[-1] if page.short_footnotes else page.footnote


def _chart_slide(deck: PresentationDeck, pack: Pack, page: ChartPage) -> Slide:
    slide = titled_slide(deck, page.heading)
    box_width, box_height = PICTURE_W, PICTURE_H
    aspect = SLIDE_WIDTH / page.height
    if aspect >= box_width / box_height:
        width, height = box_width, Emu(int(box_width / aspect))
    else:
        width, height = Emu(int(box_height * aspect)), box_height
    picture = slide.shapes.add_picture(io.BytesIO(page.image), int((SLIDE_W - width) / 2), BODY_TOP, width, height)
    picture.name = page.heading
    note = slide.shapes.add_textbox(MARGIN, FOOTNOTE_TOP, SLIDE_W - MARGIN * 2, SLIDE_H - FOOTNOTE_TOP - Inches(0.15))
    note.name = "Source footnote"
    write(note.text_frame, [slide_footnote(page, note.width)], FOOTNOTE_SIZE, color=GREY)
    set_notes(slide, chart_notes(page, pack.lang))
    return slide


def _sources_slides(deck: PresentationDeck, pack: Pack) -> None:
    entries = pack.citations or [text("deck_no_sources", pack.lang)]
    count = math.ceil(len(entries) / CITATIONS_PER_SLIDE)
    size = math.ceil(len(entries) / count)
    chunks = [entries[i:i + size] for i in range(0, len(entries), size)]
    # as many slides as eight to a slide needs, the entries shared evenly between them
    for number, chunk in enumerate(chunks, start=1):
        heading = part_title(text("deck_sources", pack.lang), number, len(chunks), pack.lang)
        slide = titled_slide(deck, heading, LAYOUT_TITLE_AND_CONTENT)
        body = slide.placeholders[1]
        place(body, MARGIN, BODY_TOP, SLIDE_W - MARGIN * 2, SLIDE_H - BODY_TOP - Inches(0.4))
        write(body.text_frame, chunk, 14)


def pptx_bytes(pack: Pack) -> bytes:
    """Title slide, headline figures, the scorecard (when the region has 2025 targets), one slide
    per chart (picture, source footnote, its sentences in the notes), then the sources."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    deck.core_properties.title = pack.title
    deck.core_properties.subject = text("deck_subtitle", pack.lang).format(region=pack.region_name, year=pack.year)
    deck.core_properties.language = i18n.t("lang_tag", pack.lang)
    _title_slide(deck, pack)
    headline_slides(deck, pack)
    scorecard_slides(deck, pack)
    for page in pack.pages:
        _chart_slide(deck, pack, page)
    _sources_slides(deck, pack)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
