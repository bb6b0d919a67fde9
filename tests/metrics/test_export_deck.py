"""The briefing pack, opened and checked: PPTX slides, footnotes and notes; PDF pages."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from metrics.export import UnknownRegion, deck_pdf, deck_pptx
from metrics.export.citations import footnote_index, plain
from metrics.export.handout import SENTENCES_UNDER_CHART, handout_html
from metrics.export.pack import PNG_SCALE, SLIDE_HEIGHT, SLIDE_WIDTH, ChartPage, Pack, plan
from metrics.export.slides import CITATIONS_PER_SLIDE, pptx_bytes

TODAY = dt.date(2022, 3, 1)
GDP_SENTENCE = "2021年，示例市地区生产总值1.1万亿元，增长8.2%，高于预期目标1.2个百分点。"
UNEMPLOYMENT_SENTENCE = "2021年，示例市城镇登记失业率预期目标为3.5%以内，尚无实际数。"


def charts() -> list[tuple[str, go.Figure]]:
    """One chart that names its indicators in ``layout.meta`` (as the dashboard's do), one that
    only shows the indicator's name."""
    growth = go.Figure(go.Bar(x=["目标", "实际"], y=[7, 8.2], name="地区生产总值增长"),
                       layout={"title": {"text": "地区生产总值增长"}, "yaxis": {"title": {"text": "%"}},
                               "meta": {"indicators": ["gdp_growth"]}})
    level = go.Figure(go.Scatter(x=[2020, 2021], y=[1000.5, 11000], name="地区生产总值"),
                      layout={"title": {"text": "地区生产总值"}})
    return [("地区生产总值增长:目标与完成", growth), ("地区生产总值", level)]


@pytest.fixture(scope="module")
def progress_calls():
    return []


@pytest.fixture(scope="module")
def pptx(sample_frames, renderer, progress_calls):
    data = deck_pptx(sample_frames, "sample", 2021, "zh", charts(), today=TODAY,
                     on_progress=lambda done, total: progress_calls.append((done, total)))
    return Presentation(io.BytesIO(data))


def pdf_text(page) -> str:
    """A PDF page's text with CJK radicals (⽣ for 生, ⻓ for 长) mapped back to the ideographs."""
    return unicodedata.normalize("NFKC", page.extract_text()).replace("⻓", "长")


def slide_texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_deck_is_16_9_with_title_chart_and_source_slides(pptx):
    assert pptx.slide_width == Inches(13.333) and pptx.slide_height == Inches(7.5)
    assert len(pptx.slides) == 5
    title = slide_texts(pptx.slides[0])
    assert "示例市" in title and "2021" in title and "2022-03-01" in title


def test_each_chart_slide_has_its_picture_footnote_and_sentences(pptx):
    for slide in list(pptx.slides)[2:4]:
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        assert len(pictures) == 1
        image = pictures[0].image
        assert image.content_type == "image/png" and image.size == (SLIDE_WIDTH * PNG_SCALE, SLIDE_HEIGHT * PNG_SCALE)
        footnote = "\n".join(shape.text_frame.text for shape in slide.shapes
                             if shape.has_text_frame and shape != slide.shapes.title)
        assert footnote.startswith("来源") and "示例市2021年统计公报" in footnote
        notes = slide.notes_slide.notes_text_frame.text
        assert GDP_SENTENCE in notes and footnote in notes
        assert UNEMPLOYMENT_SENTENCE not in notes


def test_closing_slide_lists_the_sources_with_citations(pptx):
    closing = slide_texts(pptx.slides[4])
    assert pptx.slides[4].shapes.title.text == "资料来源"
    assert "示例市统计局：《示例市2021年统计公报》，2022-02-20。https://example.org/bulletin-2021" in closing
    assert "示例市人民政府：《示例市政府工作报告》，2021-01-20" in closing
    # the statistical bulletin is cited before the work report, whichever chart used which first
    assert closing.index("示例市2021年统计公报") < closing.index("示例市政府工作报告")


def test_progress_is_reported_from_zero_to_done(pptx, progress_calls):
    assert progress_calls[0] == (0, 3) and progress_calls[-1] == (3, 3)
    assert [done for done, _ in progress_calls] == sorted(done for done, _ in progress_calls)


def test_pdf_has_the_same_pages(sample_frames, renderer):
    data = deck_pdf(sample_frames, "sample", 2021, "zh", charts(), today=TODAY)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 5
    for page in reader.pages:
        assert float(page.mediabox.width) / float(page.mediabox.height) == pytest.approx(16 / 9, rel=0.01)
    assert "2022-03-01" in reader.pages[0].extract_text()
    assert "示例市2021年主要指标" in pdf_text(reader.pages[1]) and "1.1万亿元" in pdf_text(reader.pages[1])
    assert pdf_text(reader.pages[2]).startswith("地区生产总值增长")  # the chart's title, printed above it
    assert "https://example.org/bulletin-2021" in reader.pages[4].extract_text()


def test_english_deck(sample_frames, renderer):
    deck = Presentation(io.BytesIO(deck_pptx(sample_frames, "sample", 2021, "en", charts()[:1], today=TODAY)))
    assert len(deck.slides) == 4
    assert "Sample City" in slide_texts(deck.slides[0])
    assert deck.slides[1].shapes.title.text == "Sample City: headline figures, 2021"
    assert deck.slides[2].shapes.title.text == "地区生产总值增长"  # the chart's own title, out of the picture
    assert "Source" in slide_texts(deck.slides[2])
    assert deck.slides[3].shapes.title.text == "Sources"


def test_unknown_region_is_refused_before_any_work(sample_frames):
    with pytest.raises(UnknownRegion) as caught:
        deck_pptx(sample_frames, "atlantis", 2021, "zh", [])
    assert "atlantis" in str(caught.value) and "sample" in str(caught.value)


def test_a_long_source_list_continues_on_more_slides():
    citations = [f"来源{n}" for n in range(CITATIONS_PER_SLIDE + 3)]
    pack = Pack("sample", "示例市", 2021, "zh", TODAY, [], citations)
    deck = Presentation(io.BytesIO(pptx_bytes(pack)))
    assert len(deck.slides) == 3
    assert deck.slides[1].shapes.title.text == "资料来源（1/2）" and "来源10" in slide_texts(deck.slides[2])


def test_handout_escapes_text():
    pack = Pack("sample", "<示例>", 2021, "zh", TODAY, [], ["A & B <script>"])
    page = handout_html(pack)
    assert "<script>" not in page and "A &amp; B &lt;script&gt;" in page


def test_a_chart_with_its_own_footnote_keeps_it_as_slide_text_not_in_the_picture(sample_frames):
    fig = go.Figure(go.Bar(x=["目标"], y=[7]), layout={"margin": {"b": 102}, "title": {"text": "地区生产总值增长"}})
    fig.add_annotation(text="来源:《自带的来源》<br>(示例市统计局)", xref="paper", yref="paper", x=0, y=0,
                       showarrow=False)
    pack = plan(sample_frames, "sample", 2021, "zh", [("增长", fig)], today=TODAY)
    page = pack.pages[0]
    assert page.footnote == "来源:《自带的来源》(示例市统计局)"
    assert footnote_index(page.figure) is None
    assert page.figure["layout"]["margin"]["b"] < 102
    assert page.sentences == [GDP_SENTENCE]


def test_plain_text_of_a_wrapped_footnote():
    assert plain("来源:《宁波<br>统计》") == "来源:《宁波统计》"
    assert plain("Source: “Ningbo<br>bulletin” &amp; more") == "Source: “Ningbo bulletin” & more"


def test_many_sentences_follow_the_chart_on_a_page_of_their_own():
    page = ChartPage("图", {}, "来源:《某》", [f"第{n}句。" for n in range(SENTENCES_UNDER_CHART + 1)], [], image=b"<svg/>")
    pack = Pack("sample", "示例市", 2021, "zh", TODAY, [page], [])
    html = handout_html(pack)
    assert html.count("<section") == 4 and "图 · 要点" in html and "<h2>图</h2>" in html
    page.sentences = page.sentences[:SENTENCES_UNDER_CHART]
    assert handout_html(pack).count("<section") == 3
