"""The dashboard in a real browser (Debian's Chromium) against a real server.

Every check waits on a condition (Streamlit idle, a heading, a chart title), never on time.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Dashboard

pytestmark = pytest.mark.browser

PAGES_ZH = (("/", "概览"), ("/targets", "目标与完成"), ("/trends", "趋势"), ("/regions", "区域对比"),
            ("/data_sources", "数据与来源"))
TITLES_EN = ("Overview", "Targets and results", "Trends", "Regions", "Data and sources")


def test_every_page_opens_with_its_content_and_no_exception(dashboard: Dashboard):
    dashboard.open("/?region=ningbo&year=2021")
    expect(dashboard.page.get_by_test_id("stMetric")).to_have_count(8)
    for path, title in PAGES_ZH[1:]:
        dashboard.go_to(title)
        assert dashboard.page.url.startswith(f"{dashboard.base}{path}?"), dashboard.page.url
        dashboard.no_exception()
        if path in ("/targets", "/trends", "/regions"):
            expect(dashboard.chart_titles().first).to_be_visible()
    expect(dashboard.page.get_by_test_id("stDataFrame")).to_have_count(2)
    dashboard.open("/targets?region=yuyao&year=2021")
    expect(dashboard.heading("目标与完成")).to_be_visible()
    expect(dashboard.chart_titles().first).to_be_visible()
    dashboard.no_exception()


def test_changing_year_and_region_redraws_the_chart(dashboard: Dashboard):
    dashboard.open("/regions?region=ningbo&year=2021&cmp=gdp")
    expect(dashboard.chart_titles().first).to_have_text("地区生产总值:2021年各区(县、市)")
    dashboard.choose_year("2022年")
    expect(dashboard.chart_titles().first).to_have_text("地区生产总值:2022年各区(县、市)")
    expect(dashboard.chart_titles()).to_have_count(2)  # the ranking and the city among its peers
    expect(dashboard.chart_titles().nth(1)).to_have_text("地区生产总值:2022年同类城市")
    dashboard.page.get_by_test_id("stExpander").get_by_text("历年对比").click()  # the heatmap is drawn once opened
    expect(dashboard.chart_titles()).to_have_count(3)
    expect(dashboard.chart_titles().nth(1)).to_have_text("地区生产总值:各区(县、市)历年数值")
    dashboard.idle()
    ticks = dashboard.page.locator(".js-plotly-plot").first.locator(".yaxislayer-above .ytick text")
    expect(ticks.filter(has_text="江北区")).to_have_count(1)
    dashboard.no_exception()

    dashboard.go_to("趋势")
    expect(dashboard.page.locator(".js-plotly-plot .legendtext").filter(has_text=re.compile("^宁波市$"))).to_have_count(1)
    dashboard.choose_regions(["余姚市"], remove=[])
    expect(dashboard.page.locator(".js-plotly-plot .legendtext").filter(has_text=re.compile("^余姚市$"))).to_have_count(1)
    assert "region=ningbo%2Cyuyao" in dashboard.page.url or "region=ningbo,yuyao" in dashboard.page.url
    dashboard.no_exception()


def test_a_link_with_query_parameters_restores_the_view(dashboard: Dashboard):
    dashboard.open("/trends?region=yuyao,ningbo&year=2020&lang=en&ind=gdp")
    expect(dashboard.heading("Trends")).to_be_visible()
    tags = dashboard.sidebar.get_by_test_id("stMultiSelect").locator("[data-tag]")
    expect(tags).to_have_text(["Yuyao", "Ningbo"])
    expect(dashboard.sidebar.get_by_test_id("stSelectbox").first.get_by_role("combobox")).to_have_value("2020")
    expect(dashboard.chart_titles().first).to_have_text("GDP")
    expect(dashboard.page.locator(".js-plotly-plot .legendtext").filter(has_text=re.compile("^Yuyao$"))).to_have_count(1)
    dashboard.no_exception()


def test_a_bad_link_shows_a_notice_and_the_default_view(dashboard: Dashboard):
    dashboard.open("/?region=atlantis&year=1999&lang=xx")
    alert = dashboard.page.get_by_test_id("stAlert").first
    expect(alert).to_contain_text("atlantis")
    expect(alert).to_contain_text("1999")
    expect(dashboard.heading("宁波市 · 2024年")).to_be_visible()
    dashboard.no_exception()


def test_switching_to_english_translates_the_page(dashboard: Dashboard):
    dashboard.open("/data_sources?region=ningbo&year=2021")
    expect(dashboard.heading("数据与来源")).to_be_visible()
    dashboard.choose_language("English")
    expect(dashboard.heading("Data and sources")).to_be_visible()
    expect(dashboard.page.get_by_text(re.compile(r"^\d+ records$"))).to_be_visible()
    expect(dashboard.heading("Source documents")).to_be_visible()
    expect(dashboard.page.get_by_test_id("stSidebarNav")).to_contain_text("Targets and results")
    assert "lang=en" in dashboard.page.url
    dashboard.no_exception()


def test_done_when_scenario(dashboard: Dashboard, browser, browser_context_args):
    """Ningbo's latest full year in Chinese -> Yuyao 2020 -> English -> every page -> the copied link reopens the view."""
    dashboard.open("/")
    expect(dashboard.heading("宁波市 · 2024年")).to_be_visible()
    expect(dashboard.page.get_by_test_id("stMetric").first).to_contain_text("18147.7亿元")

    dashboard.choose_regions(["余姚市"], remove=["宁波市"])
    expect(dashboard.heading("余姚市 · 2024年")).to_be_visible()
    dashboard.choose_year("2020年")
    expect(dashboard.heading("余姚市 · 2020年")).to_be_visible()
    expect(dashboard.page.get_by_test_id("stMetric").first).to_contain_text("1220.7亿元")

    dashboard.choose_language("English")
    expect(dashboard.heading("Yuyao · 2020")).to_be_visible()
    expect(dashboard.page.get_by_test_id("stMetric").first).to_contain_text("122.07")

    for title in TITLES_EN[1:]:
        dashboard.go_to(title)
        dashboard.no_exception()
        assert re.search(r"region=yuyao&year=2020&lang=en", dashboard.page.url), dashboard.page.url
    dashboard.go_to("Regions")
    expect(dashboard.chart_titles().first).to_contain_text("2020")

    link = dashboard.page.url
    fresh = browser.new_context(**browser_context_args)
    other = Dashboard(fresh.new_page(), dashboard.base)
    try:
        other.page.goto(link)
        other.idle()
        expect(other.heading("Regions")).to_be_visible()
        expect(other.sidebar.get_by_test_id("stMultiSelect").locator("[data-tag]")).to_have_text(["Yuyao"])
        expect(other.sidebar.get_by_test_id("stSelectbox").first.get_by_role("combobox")).to_have_value("2020")
        expect(other.chart_titles().first).to_have_text(dashboard.chart_titles().first.text_content())
        other.go_to("Overview")
        expect(other.heading("Yuyao · 2020")).to_be_visible()
        expect(other.page.get_by_test_id("stMetric").first).to_contain_text("122.07")
        other.no_exception()
    finally:
        fresh.close()


def test_an_address_naming_no_page_says_so_in_the_views_language(dashboard: Dashboard):
    dashboard.open("/tragets?lang=en")
    expect(dashboard.heading("No such page")).to_be_visible()
    expect(dashboard.page.get_by_text("Page not found")).to_have_count(0)
    dashboard.page.get_by_role("link", name="Back to the overview").click()
    dashboard.idle()
    expect(dashboard.heading("Overview")).to_be_visible()
    dashboard.no_exception()


def test_the_overview_by_its_name_is_the_overview_with_the_view_kept(dashboard: Dashboard):
    """The default page is served at the root; its own name must not meet Streamlit's dialog."""
    dashboard.open("/overview?region=cixi&year=2024&lang=en")
    expect(dashboard.heading("Cixi · 2024")).to_be_visible()
    expect(dashboard.page.get_by_text("Page not found")).to_have_count(0)
    assert "/overview" not in dashboard.page.url and "region=cixi" in dashboard.page.url
    dashboard.no_exception()


def test_back_and_forward_restore_the_earlier_view(dashboard: Dashboard):
    dashboard.open("/?region=ningbo&year=2021")
    expect(dashboard.heading("宁波市 · 2021年")).to_be_visible()
    dashboard.choose_year("2020年")
    expect(dashboard.heading("宁波市 · 2020年")).to_be_visible()
    dashboard.page.go_back()
    dashboard.idle()
    expect(dashboard.heading("宁波市 · 2021年")).to_be_visible()
    expect(dashboard.sidebar.get_by_test_id("stSelectbox").first.get_by_role("combobox")).to_have_value("2021年")
    dashboard.page.go_forward()
    dashboard.idle()
    expect(dashboard.heading("宁波市 · 2020年")).to_be_visible()
