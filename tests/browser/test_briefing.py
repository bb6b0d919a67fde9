"""What an official takes into a briefing, in real Chromium: the honest card, the XLSX as
downloaded, the deck's slide titles, and the dashboard on a phone."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import expect
from pptx import Presentation

from tests.browser.conftest import Dashboard

pytestmark = pytest.mark.browser


def test_yuyaos_2021_gdp_card_shows_no_change_of_two_nominal_levels(dashboard: Dashboard):
    dashboard.open("/?region=yuyao&year=2021")
    card = dashboard.page.get_by_test_id("stMetric").filter(has_text="地区生产总值").first
    expect(card).to_contain_text("1441.5亿元")
    expect(card).not_to_contain_text("比上年")
    trade = dashboard.page.get_by_test_id("stMetric").filter(has_text="进出口总额")
    expect(dashboard.page.get_by_text("+18.1%")).to_have_count(0)
    assert trade.count() <= 1
    dashboard.no_exception()


def test_the_xlsx_download_has_numbers_units_and_every_rows_sources(dashboard: Dashboard):
    dashboard.open("/data_sources?region=ningbo&year=2021")
    dashboard.page.get_by_test_id("stPopover").filter(has_text="下载").first.locator("button").first.click()
    button = dashboard.page.get_by_test_id("stDownloadButton").filter(has_text="XLSX").first
    with dashboard.page.expect_download() as download:
        button.click()
    book = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    data, sources = book["数据"], book["来源 Sources"]
    headers = [c.value for c in data[1]]
    assert {"地区", "指标", "数值", "单位", "来源"} <= set(headers)
    rows = data.max_row - 1
    assert rows > 50
    value = headers.index("数值") + 1
    numbers = [data.cell(r, value).value for r in range(2, data.max_row + 1)]
    assert all(isinstance(v, (int, float)) for v in numbers if v is not None)
    listed = {row[0] for row in sources.iter_rows(min_row=2, values_only=True)}
    assert listed == set(range(1, rows + 1)), "every data row has its sources"
    years = [data.cell(r, headers.index("年份") + 1).value for r in range(2, data.max_row + 1)]
    assert all(isinstance(y, int) for y in years if y is not None), "years as integers, not 2021.0"
    source_headers = [c.value for c in sources[1]]
    assert "程序" in source_headers[-1], "the source id is last and labelled for machines"


def test_the_deck_has_a_title_on_every_slide(dashboard: Dashboard):
    dashboard.open("/?region=ningbo&year=2024")
    dashboard.page.get_by_text("简报文字与汇报材料").click()
    dashboard.page.get_by_role("button", name="生成PPTX").click()
    button = dashboard.page.get_by_test_id("stDownloadButton").filter(has_text="PPTX")
    expect(button).to_be_visible(timeout=180_000)
    with dashboard.page.expect_download() as download:
        button.click()
    deck = Presentation(download.value.path())
    titles = [slide.shapes.title.text if slide.shapes.title is not None else "" for slide in deck.slides]
    assert len(titles) >= 5 and all(titles), titles
    assert any("十四五" in t for t in titles)
    sizes = [run.font.size.pt for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
             for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.text.strip()]
    assert sizes and min(sizes) >= 14, min(sizes)


def test_the_pdf_pack_has_no_blank_page_and_copies_as_ordinary_text(dashboard: Dashboard):
    from pypdf import PdfReader

    dashboard.open("/?region=ningbo&year=2024")
    dashboard.page.get_by_text("简报文字与汇报材料").click()
    dashboard.page.get_by_role("button", name="生成PDF").click()
    button = dashboard.page.get_by_test_id("stDownloadButton").filter(has_text="PDF")
    expect(button).to_be_visible(timeout=180_000)
    with dashboard.page.expect_download() as download:
        button.click()
    pages = [page.extract_text() or "" for page in PdfReader(download.value.path()).pages]
    assert pages and all(text.strip() for text in pages), "no blank page"
    text = "".join(pages)
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF], "no CJK radical look-alikes"
    assert "宁波市" in text and "日期" in text


def test_on_a_phone_the_filters_have_a_labelled_button_and_charts_fill_the_width(browser, browser_context_args, app_url):
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": 390, "height": 844}})
    try:
        phone = Dashboard(context.new_page(), app_url).open("/targets?region=ningbo&year=2021")
        opener = phone.page.get_by_role("button", name="筛选")
        expect(opener).to_be_visible()
        chart = phone.page.locator(".js-plotly-plot").first
        expect(chart).to_be_visible()
        width = chart.bounding_box()["width"]
        assert width >= 300, width
        phone.no_exception()
    finally:
        context.close()
