"""The PDF briefing pack of real regions, read as a reader's PDF tool reads it: no blank page,
and text that copies as ordinary characters (no CJK radical look-alikes, no U+0000)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from metrics.export import deck_pdf
from metrics.export.handout import handout_html
from metrics.export.pack import ChartPage, Pack
from metrics.export.pdf_fonts import font_faces, ideographs, is_radical

TODAY = dt.date(2026, 12, 1)
PACKS = [("ningbo", "zh"), ("ningbo", "en"), ("cixi", "zh"), ("cixi", "en")]


@pytest.fixture(scope="module", params=PACKS, ids=["-".join(p) for p in PACKS])
def pack_pages(request, real_frames, renderer) -> list[str]:
    region, lang = request.param
    reader = PdfReader(io.BytesIO(deck_pdf(real_frames, region, 2025, lang, today=TODAY)))
    return [page.extract_text() or "" for page in reader.pages]


def test_no_page_of_the_pack_is_blank(pack_pages):
    blank = [number for number, text in enumerate(pack_pages, start=1) if not text.strip()]
    assert not blank, f"blank pages {blank} of {len(pack_pages)}"


def test_the_packs_text_copies_as_ordinary_characters(pack_pages):
    text = "\n".join(pack_pages)
    radicals = sorted({ch for ch in text if is_radical(ch)})
    assert not radicals, f"radical code points in the PDF's text: {''.join(radicals)}"
    assert "\x00" not in text
    assert "2025" in text


def test_radicals_in_the_text_are_written_as_ideographs():
    assert ideographs("⽇期：增⻓⼀成") == "日期：增长一成"
    assert ideographs("地区生产总值") == "地区生产总值"


def test_the_handout_names_a_subset_font_and_holds_its_charts_as_svg():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>2025</text></svg>'
    page = ChartPage("图", {}, "来源:《某》", ["⽇期"], [], image=svg)
    html = handout_html(Pack("sample", "示例市", 2025, "zh", TODAY, [page], []))
    assert "<img" not in html and "<text>2025</text>" in html and "⽇" not in html
    if font_faces("日"):  # fontTools and the font are there (they are in CI)
        assert html.count("@font-face") == 2
