"""The deck's summary slides: the headline figures as a grid of cards (value with unit, change
on the year before with the card's label, target line), and the 十四五 scorecard as a table."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationDeck
from pptx.util import Emu, Inches, Pt

from metrics.export.labels import text
from metrics.export.pack import Pack
from metrics.export.pptx_text import (
    BODY_TOP,
    DARK,
    GREY,
    MARGIN,
    SLIDE_H,
    SLIDE_W,
    Line,
    fitting_size,
    part_title,
    set_notes,
    text_width,
    titled_slide,
    write,
    write_lines,
)
from metrics.export.summary import Headline, ScoreRow
from metrics.text import i18n

CARDS_PER_SLIDE = 8
GAP = Inches(0.25)
CARD_FILL = RGBColor(0xF2, 0xF4, 0xF7)
CARD_PADDING = Inches(0.18)
SCORE_ROWS_PER_SLIDE = 7
WAITING_TOP = Inches(6.15)
ROW_HEIGHT = Inches(0.55)
SCORE_COLUMNS = (("col_indicator", 3.6), ("col_plan_target", 2.4), ("col_latest", 2.7), ("col_verdict", 3.633))
"""Column header (``i18n`` key) and width in inches: 12.333 in all, the slide less its margins."""
STATUS_COLOURS = {"met": RGBColor(0x1B, 0x7F, 0x3B), "provisionally_met": RGBColor(0x1B, 0x7F, 0x3B),
                  "not_met": RGBColor(0xB4, 0x23, 0x18), "provisionally_not_met": RGBColor(0xB4, 0x23, 0x18)}


def _grid(count: int) -> tuple[int, int]:
    """(columns, rows) for ``count`` cards: one row up to four, then two rows."""
    if count <= 4:
        return max(count, 1), 1
    columns = 3 if count <= 6 else 4
    return columns, 2


@dataclass(frozen=True)
class CardSizes:
    """Font sizes of a card's lines (points): larger for one row of cards, smaller for two."""

    title: int
    value: int
    change: int
    target: int
    note: int
    space: int


ONE_ROW = CardSizes(20, 44, 20, 16, 14, 6)
TWO_ROWS = CardSizes(16, 32, 16, 14, 14, 3)


def _card(slide, card: Headline, left: Emu, top: Emu, width: Emu, height: Emu, value_size: int, sizes: CardSizes) -> None:
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.name = card.title
    shape.fill.solid()
    shape.fill.fore_color.rgb = CARD_FILL
    shape.line.fill.background()
    shape.shadow.inherit = False
    frame = shape.text_frame
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = CARD_PADDING
    frame.margin_top = frame.margin_bottom = Inches(0.15)
    lines = [Line(card.title, sizes.title, False, GREY), Line(card.value, value_size, True, DARK)]
    lines += [Line(part, size, False, colour) for part, size, colour in
              ((card.change, sizes.change, DARK), (card.target, sizes.target, DARK), (card.context, sizes.note, DARK),
               (card.note, sizes.note, GREY)) if part]
    write_lines(frame, lines, PP_ALIGN.LEFT)
    for paragraph in frame.paragraphs[1:]:
        paragraph.space_before = Pt(sizes.space)


def headline_slides(deck: PresentationDeck, pack: Pack) -> None:
    """The headline figures of the year, as the overview's cards give them, eight to a slide;
    the headline indicators with no figure for the year named in one line under them."""
    cards = pack.headlines.cards
    if not cards:
        return
    chunks = [cards[i:i + CARDS_PER_SLIDE] for i in range(0, len(cards), CARDS_PER_SLIDE)]
    heading = text("deck_headlines", pack.lang).format(region=pack.region_name, year=pack.year)
    missing = pack.headlines.missing
    bottom = SLIDE_H - Inches(0.85 if missing else 0.5)
    for number, chunk in enumerate(chunks, start=1):
        slide = titled_slide(deck, part_title(heading, number, len(chunks), pack.lang))
        columns, rows = _grid(len(chunk))
        width = Emu(int((SLIDE_W - MARGIN * 2 - GAP * (columns - 1)) / columns))
        tallest = Inches(3.6 if any(card.context for card in chunk) else 2.8)  # the context takes two lines more
        height = Emu(int(min((bottom - BODY_TOP - GAP * (rows - 1)) / rows, tallest)))
        top = BODY_TOP + Emu(int((bottom - BODY_TOP - height * rows - GAP * (rows - 1)) / 3))
        sizes = ONE_ROW if rows == 1 else TWO_ROWS
        inner = width - CARD_PADDING * 2
        value_size = min(fitting_size(card.value, inner, sizes.value, 20) for card in chunk)
        for index, card in enumerate(chunk):
            row, column = divmod(index, columns)
            _card(slide, card, MARGIN + (width + GAP) * column, top + (height + GAP) * row, width, height, value_size, sizes)
        if missing:
            line = text("deck_headlines_missing", pack.lang).format(year=pack.year, names=i18n.t("sep_list", pack.lang).join(missing))
            box = slide.shapes.add_textbox(MARGIN, SLIDE_H - Inches(0.8), SLIDE_W - MARGIN * 2, Inches(0.6))
            box.name = "No figures"
            write(box.text_frame, [line], 14, color=GREY)
        notes = [i18n.t("label_value", pack.lang, label=card.title, value=card.value) for card in chunk]
        set_notes(slide, "\n".join(notes))


def _cell(cell, value: str, size: int, bold: bool = False, colour: RGBColor | None = None) -> None:
    cell.margin_left = cell.margin_right = Inches(0.1)
    cell.margin_top = cell.margin_bottom = Inches(0.05)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    write(cell.text_frame, [value], size, bold, colour)


def scorecard_slides(deck: PresentationDeck, pack: Pack) -> None:
    """The 十四五 scorecard (2025 targets), as the targets page gives it: target, the 2025 actual
    or the latest with its year, the status. Nothing when the region has no 2025 target."""
    if not pack.scorecard:
        return
    rows = [row for row in pack.scorecard if row.latest] or pack.scorecard
    waiting = [row for row in pack.scorecard if row not in rows]
    chunks = [rows[i:i + SCORE_ROWS_PER_SLIDE] for i in range(0, len(rows), SCORE_ROWS_PER_SLIDE)]
    heading = pack.scorecard_heading
    for number, chunk in enumerate(chunks, start=1):
        slide = titled_slide(deck, part_title(heading, number, len(chunks), pack.lang))
        height = ROW_HEIGHT * (len(chunk) + 1)
        shape = slide.shapes.add_table(len(chunk) + 1, len(SCORE_COLUMNS), MARGIN, BODY_TOP, SLIDE_W - MARGIN * 2, height)
        shape.name = heading
        table = shape.table
        for index, (key, inches) in enumerate(SCORE_COLUMNS):
            table.columns[index].width = Inches(inches)
            _cell(table.cell(0, index), i18n.t(key, pack.lang), 15, True, RGBColor(0xFF, 0xFF, 0xFF))
        for line, row in enumerate(chunk, start=1):
            values = (row.indicator, row.target, row.latest or "–", row.status)
            for index, value in enumerate(values):
                _cell(table.cell(line, index), value, 15, index == 0,
                      STATUS_COLOURS.get(row.verdict) if index == len(values) - 1 else None)
        if waiting and number == len(chunks):
            _waiting_line(slide, waiting, pack.lang, min(BODY_TOP + _table_height(chunk) + Inches(0.3), WAITING_TOP))
        set_notes(slide, "\n".join(
            i18n.t("label_value", pack.lang, label=row.indicator, value=row.status) for row in chunk))


def _table_height(rows: list[ScoreRow]) -> Emu:
    """The table's height as a viewer lays it out, estimated: a row grows by a line for each wrap."""
    height = ROW_HEIGHT
    for row in rows:
        cells = (row.indicator, row.target, row.latest, row.status)
        lines = max(math.ceil(text_width(cell, 15) / (Inches(inches).pt - 14)) or 1
                    for cell, (_, inches) in zip(cells, SCORE_COLUMNS, strict=True))
        height += max(ROW_HEIGHT, Inches(0.12 + 0.27 * lines))
    return Emu(height)


def _waiting_line(slide, rows: list[ScoreRow], lang: str, top: Emu) -> None:
    """The 2025 targets with no actual yet, in one paragraph under the table: 高新技术企业数（突破6000家）、…"""
    names = i18n.t("sep_waiting", lang).join(i18n.t("name_target", lang, name=row.indicator, target=row.target) for row in rows)
    box = slide.shapes.add_textbox(MARGIN, top, SLIDE_W - MARGIN * 2, SLIDE_H - top - Inches(0.2))
    box.name = "No actual yet"
    write(box.text_frame, [text("deck_no_actual_yet", lang).format(names=names)], 14, color=GREY)
