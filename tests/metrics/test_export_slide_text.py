"""Text on the deck's slides is readable when projected: at least 14 pt as placed on the 16:9
slide, in the charts' pictures (measured on the rendered chart) and in the slides' own text."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pptx import Presentation
from pptx.util import Pt

from metrics.export.pack import MIN_TEXT_PT, SLIDE_WIDTH, plan, render
from metrics.export.slides import pptx_bytes

TODAY = dt.date(2026, 12, 1)
DECKS = [("ningbo", "zh"), ("cixi", "en")]
_TEXT = re.compile(r"<text\b[^>]*>")
_SIZE = re.compile(r"font-size:\s*([\d.]+)px")
_SCALE = re.compile(r"scale\(([\d.]+)")


def svg_font_sizes(svg: str) -> list[float]:
    """The size in CSS pixels of every text element of a Plotly SVG, a ``scale()`` transform
    on the element (Plotly shrinks bar labels that way) included."""
    sizes = []
    for tag in _TEXT.findall(svg):
        size = _SIZE.search(tag)
        if size is None:
            continue
        scale = _SCALE.search(tag)
        sizes.append(float(size.group(1)) * (float(scale.group(1)) if scale else 1.0))
    return sizes


@pytest.fixture(scope="module", params=DECKS, ids=["-".join(d) for d in DECKS])
def deck(request, real_frames, renderer):
    region, lang = request.param
    pack = render(plan(real_frames, region, 2025, lang, today=TODAY), "png")
    return pack, Presentation(io.BytesIO(pptx_bytes(pack))), renderer


def test_chart_text_is_at_least_14_pt_as_placed_on_the_slide(deck):
    pack, presentation, renderer = deck
    pictures = {shape.name: shape for slide in presentation.slides for shape in slide.shapes if shape.shape_type == 13}
    assert pack.pages
    measured = []
    for page in pack.pages:
        picture = pictures[page.heading]
        image_px = picture.image.size[0]
        css_px = page.figure["layout"].get("width") or SLIDE_WIDTH
        assert image_px % css_px == 0  # the PNG is the figure at an integer scale
        svg = renderer.figure(page.figure, "svg", css_px, page.height).decode("utf-8")
        sizes = svg_font_sizes(svg)
        assert sizes, page.heading
        # a CSS pixel of the figure is image_px / css_px pixels of the PNG, shown picture.width / image_px wide
        smallest_pt = min(sizes) * (image_px / css_px) * (picture.width.pt / image_px)
        measured.append((page.heading, round(smallest_pt, 1)))
        assert smallest_pt >= MIN_TEXT_PT - 0.05, (page.heading, smallest_pt, sorted(set(sizes))[:5])
    print(measured)


def test_every_text_run_on_every_slide_is_at_least_14_pt(deck):
    _, presentation, _ = deck
    small = []
    for number, slide in enumerate(presentation.slides, start=1):
        frames = [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
        frames += [cell.text_frame for shape in slide.shapes if shape.has_table
                   for row in shape.table.rows for cell in row.cells]
        for frame in frames:
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    if run.text.strip() and (run.font.size is None or run.font.size < Pt(MIN_TEXT_PT)):
                        small.append((number, run.text[:30], run.font.size.pt if run.font.size else None))
    assert not small, small
