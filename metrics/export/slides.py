"""The briefing pack as a 16:9 PowerPoint deck (python-pptx)."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Run
from pptx.util import Emu, Inches, Pt

from metrics.export.deck import SLIDE_WIDTH, Pack
from metrics.export.labels import text

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Microsoft YaHei"
"""微软雅黑: on every Chinese Windows machine; elsewhere the viewer substitutes its CJK font."""

CITATIONS_PER_SLIDE = 8
LONG_FOOTNOTE = 220
"""Characters: a longer footnote is set smaller so that it stays in the band under the picture."""
GREY = RGBColor(0x55, 0x55, 0x55)

LAYOUT_TITLE, LAYOUT_TITLE_AND_CONTENT, LAYOUT_BLANK = 0, 1, 6


def _style(run: _Run, size: int, bold: bool = False, color: RGBColor | None = None) -> None:
    """Set size, weight, colour and both the Latin and the East Asian typeface of a run."""
    font = run.font
    font.size, font.bold = Pt(size), bold
    font.name = LATIN_FONT
    if color is not None:
        font.color.rgb = color
    properties = run._r.get_or_add_rPr()
    for element in properties.findall(qn("a:ea")):
        properties.remove(element)
    east_asian = properties.makeelement(qn("a:ea"), {"typeface": EAST_ASIAN_FONT})
    latin = properties.find(qn("a:latin"))
    if latin is not None:
        latin.addnext(east_asian)
    else:
        properties.append(east_asian)


def _write(frame: TextFrame, lines: list[str], size: int, bold: bool = False, color: RGBColor | None = None) -> None:
    frame.clear()
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        _style(run, size, bold, color)


def _place(shape, left: Emu, top: Emu, width: Emu, height: Emu) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _title_slide(deck: Presentation, pack: Pack) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title, MARGIN * 2, Inches(2.0), SLIDE_W - MARGIN * 4, Inches(1.6))
    _place(subtitle, MARGIN * 2, Inches(3.9), SLIDE_W - MARGIN * 4, Inches(1.6))
    _write(title.text_frame, [pack.title], 40, bold=True)
    lines = [text("deck_subtitle", pack.lang).format(region=pack.region_name, year=pack.year),
             text("deck_date", pack.lang).format(date=pack.date.isoformat())]
    _write(subtitle.text_frame, lines, 22, color=GREY)


def _chart_slide(deck: Presentation, pack: Pack, index: int) -> Slide:
    page = pack.pages[index]
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_BLANK])
    box_width, box_height = SLIDE_W - MARGIN * 2, Inches(6.25)
    aspect = SLIDE_WIDTH / page.height
    if aspect >= box_width / box_height:
        width, height = box_width, Emu(int(box_width / aspect))
    else:
        width, height = Emu(int(box_height * aspect)), box_height
    slide.shapes.add_picture(io.BytesIO(page.image), int((SLIDE_W - width) / 2), Inches(0.25), width, height)
    note = slide.shapes.add_textbox(MARGIN, Inches(6.6), SLIDE_W - MARGIN * 2, Inches(0.7))
    note.name = "Source footnote"
    _write(note.text_frame, [page.footnote], 11 if len(page.footnote) <= LONG_FOOTNOTE else 9, color=GREY)
    notes = [*page.sentences, "", page.footnote] if page.sentences else [page.footnote]
    slide.notes_slide.notes_text_frame.text = "\n".join(notes)
    return slide


def _sources_slides(deck: Presentation, pack: Pack) -> None:
    entries = pack.citations or [text("deck_no_sources", pack.lang)]
    chunks = [entries[i:i + CITATIONS_PER_SLIDE] for i in range(0, len(entries), CITATIONS_PER_SLIDE)]
    for number, chunk in enumerate(chunks, start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_AND_CONTENT])
        title, body = slide.placeholders[0], slide.placeholders[1]
        _place(title, MARGIN, Inches(0.3), SLIDE_W - MARGIN * 2, Inches(1.0))
        _place(body, MARGIN, Inches(1.4), SLIDE_W - MARGIN * 2, Inches(5.6))
        heading = text("deck_sources", pack.lang)
        _write(title.text_frame, [heading if len(chunks) == 1 else f"{heading} ({number}/{len(chunks)})"], 30, bold=True)
        _write(body.text_frame, chunk, 14)


def pptx_bytes(pack: Pack) -> bytes:
    """Title slide, one slide per chart (picture, source footnote, sentences in the notes), then
    the sources (as many slides as their list needs)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    deck.core_properties.title = pack.title
    deck.core_properties.subject = text("deck_subtitle", pack.lang).format(region=pack.region_name, year=pack.year)
    deck.core_properties.language = "zh-CN" if pack.lang == "zh" else "en"
    _title_slide(deck, pack)
    for index in range(len(pack.pages)):
        _chart_slide(deck, pack, index)
    _sources_slides(deck, pack)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
