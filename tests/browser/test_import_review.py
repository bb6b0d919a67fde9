"""导入与审核 in a real browser: a server with METRICS_IMPORT=1 on a copy of the data folder; paste,
read, untick a row, write, then the trends page draws the new year. Without the setting (the
suite's own server) the page's URL is an unknown page.

Every wait is on a condition (Streamlit idle, a cell's text, a message), never on time.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from metrics.load.dataset import DEFAULT_DATA, find_problems, load
from tests import streamlit_server
from tests.browser.conftest import Dashboard

pytestmark = pytest.mark.browser

REPORT = ("一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。"
          "城乡居民人均可支配收入分别达到9.1万元和5.6万元。")
ROW_HEIGHT = 35
"""Streamlit's data editor rows (and its header) are 35 px high."""


@pytest.fixture(scope="module")
def import_server(tmp_path_factory) -> Iterator[tuple[str, object]]:
    """(base URL, data file) of a server started with METRICS_IMPORT=1 on a copy of data/."""
    folder = tmp_path_factory.mktemp("import-server")
    shutil.copytree(DEFAULT_DATA.parent, folder / "data")
    data = folder / "data" / DEFAULT_DATA.name
    with streamlit_server.running("dashboard.py", {"METRICS_DATA": str(data), "METRICS_IMPORT": "1"}) as server:
        yield server.url, data


def test_paste_read_untick_write_then_the_trend_has_the_new_year(shared_context, import_server):
    base, data = import_server
    page = shared_context.new_page()
    try:
        board = Dashboard(page, base).open("/import_review")
        expect(board.heading("导入与审核")).to_be_visible()
        page.get_by_label("或粘贴报告文字").fill(REPORT)
        page.get_by_label("标题(按发布时)").fill("2028年宁波市政府工作报告")
        page.get_by_role("button", name="读取").click()
        grid = page.get_by_test_id("stDataFrame")
        expect(grid).to_be_visible()
        board.idle()
        # the most confident rows first: the growth rate (read with 比上年) is the fourth row; column 5 is the indicator
        expect(page.locator("#glide-cell-5-3")).to_have_text("gdp_growth")
        expect(page.locator("#glide-cell-1-3")).to_have_text("true")
        expect(page.get_by_text("校验通过")).to_be_visible()  # the default selection validates

        accept = page.locator("#glide-cell-1-3")
        for _ in range(3):  # a click while the page is still busy (the server warming up) may not focus the cell
            grid.scroll_into_view_if_needed()
            box = grid.bounding_box()
            page.mouse.click(box["x"] + 15, box["y"] + ROW_HEIGHT * 3.5 + ROW_HEIGHT)  # row 4's number cell
            page.keyboard.press("ArrowRight")  # its accept box
            page.keyboard.press(" ")
            with contextlib.suppress(AssertionError):
                expect(accept).to_have_text("false", timeout=5_000)
                break
        expect(accept).to_have_text("false")
        board.idle()
        expect(page.get_by_text("校验通过")).to_be_visible()
        expect(page.get_by_test_id("stCode")).to_contain_text("21047.7")
        expect(page.get_by_test_id("stCode")).not_to_contain_text("gdp_growth")

        page.get_by_role("button", name="写入数据文件").click()
        expect(page.get_by_text("已写入 3 条数据")).to_be_visible()
        board.no_exception()
        assert find_problems(data) == []
        assert {o.indicator for o in load(data).observations if o.year == 2027} == {
            "gdp", "urban_disposable_income", "rural_disposable_income"}

        board.open("/trends?region=ningbo&ind=gdp&year=2027")
        expect(board.heading("趋势")).to_be_visible()
        expect(board.chart_titles().first).to_be_visible()
        expect(page.get_by_test_id("stAlert")).to_have_count(0)  # 2027 is a year of the data now, no notice
        points = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(
            plot => (plot.data || []).flatMap(trace => (trace.x || []).map((x, i) => [String(x), trace.y[i]])))"""
        # the title is text above the chart, shown before Plotly has drawn it: wait for the point itself
        page.wait_for_function(f"() => ({points})().some(([x, y]) => x === '2027' && y === 21047.7)")
        assert ["2027", 21047.7] in page.evaluate(points)
        board.no_exception()
    finally:
        page.close()


def test_without_the_setting_the_url_is_an_unknown_page(dashboard: Dashboard):
    dashboard.open("/import_review")
    expect(dashboard.heading("没有这个页面")).to_be_visible()
    expect(dashboard.heading("导入与审核")).to_have_count(0)
    expect(dashboard.page.get_by_test_id("stSidebarNav").get_by_text("导入与审核")).to_have_count(0)
    expect(dashboard.page.get_by_test_id("stSidebarNav").get_by_text("趋势", exact=True)).to_be_visible()
    expect(dashboard.page.get_by_label("或粘贴报告文字")).to_have_count(0)
    dashboard.no_exception()
