"""Text on a PPTX slide: the deck's geometry and fonts, styled runs, and slides whose title is a
real title placeholder (so that PowerPoint's outline, navigation and accessibility read it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationDeck
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Run
from pptx.util import Emu, Inches, Pt

from metrics.export.labels import text
from metrics.text.text_width import is_wide

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.85)
BODY_TOP = Inches(1.25)
"""Where a slide's content starts, under its title."""
LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Microsoft YaHei"
"""微软雅黑: on every Chinese Windows machine; elsewhere the viewer substitutes its CJK font."""
TITLE_SIZE = 28
GREY = RGBColor(0x55, 0x55, 0x55)
DARK = RGBColor(0x22, 0x22, 0x22)

LAYOUT_TITLE, LAYOUT_TITLE_AND_CONTENT, LAYOUT_TITLE_ONLY = 0, 1, 5
"""Layouts of python-pptx's default template, each with a title placeholder."""


@dataclass(frozen=True)
class Line:
    """One paragraph of a text box."""

    text: str
    size: int
    bold: bool = False
    color: RGBColor | None = None


def style(run: _Run, size: int, bold: bool = False, color: RGBColor | None = None) -> None:
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


def write_lines(frame: TextFrame, lines: Sequence[Line], align: PP_ALIGN | None = None) -> None:
    """Replace the frame's text with ``lines``, one paragraph each, wrapped."""
    frame.clear()
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line.text
        style(run, line.size, line.bold, line.color)


def write(frame: TextFrame, lines: Sequence[str], size: int, bold: bool = False, color: RGBColor | None = None) -> None:
    write_lines(frame, [Line(line, size, bold, color) for line in lines])


def place(shape, left: Emu, top: Emu, width: Emu, height: Emu) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def titled_slide(deck: PresentationDeck, title: str, layout: int = LAYOUT_TITLE_ONLY, size: int = TITLE_SIZE,
                 align: PP_ALIGN = PP_ALIGN.LEFT) -> Slide:
    """A new slide whose title placeholder holds ``title``, across the top (left-aligned)."""
    slide = deck.slides.add_slide(deck.slide_layouts[layout])
    heading = slide.shapes.title
    place(heading, MARGIN, TITLE_TOP, SLIDE_W - MARGIN * 2, TITLE_HEIGHT)
    heading.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    fitted = fitting_size(title, heading.width - Inches(0.2), size, TITLE_SIZE - 8)
    write_lines(heading.text_frame, [Line(title, fitted, True, DARK)], align)
    return slide


def text_width(text: str, size: float) -> float:
    """Estimated width in points of bold text, a little on the wide side: a CJK character 1 em,
    a digit 0.56 em, a narrow mark (.,:;' ) 0.3 em, other Latin 0.62 em, and a tenth of an em where
    CJK meets Latin (viewers add a little space there)."""
    def advance(char: str) -> float:
        if is_wide(char):
            return 1.0
        return 0.56 if char.isdigit() else 0.3 if char in ".,:;' " else 0.62
    width = sum(size * advance(ch) for ch in text)
    return width + size * 0.1 * sum(is_wide(a) != is_wide(b) for a, b in pairwise(text))


def fitting_size(text: str, width: Emu, largest: int, smallest: int = 12) -> int:
    """The largest font size up to ``largest`` at which ``text`` fits on one line of ``width``."""
    points = Emu(width).pt
    for size in range(largest, smallest - 1, -1):
        if text_width(text, size) <= points:
            return size
    return smallest


def part_title(heading: str, number: int, count: int, lang: str) -> str:
    """``资料来源（1/4）``: a heading continued on several slides; the heading alone on one."""
    return heading if count == 1 else text("deck_part", lang).format(heading=heading, number=number, count=count)


def set_notes(slide: Slide, notes: str) -> None:
    """The slide's speaker notes (the default template always has a notes placeholder)."""
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        raise ValueError("the slide layout has no notes placeholder")
    frame.text = notes
