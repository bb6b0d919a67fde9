"""Every page on a phone (390 px) and on a wide screen (1920 px), in both languages, for the city
and a district: each opens with its heading and no exception, no text runs past the page's right
edge, and a screenshot is kept in ``test-results/screens/`` to be looked at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Dashboard

SCREENS = Path(__file__).resolve().parents[2] / "test-results" / "screens"
PAGES = (("/", "概览", "Overview"), ("/targets", "目标与完成", "Targets and results"), ("/trends", "趋势", "Trends"),
         ("/regions", "区域对比", "Regions"), ("/data_sources", "数据与来源", "Data and sources"))
VIEWS = (("zh", "ningbo", 2025), ("en", "xiangshan", 2024))

# What of a page may be wider than a phone: a chart that scrolls sideways (the heatmap), a table.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], h1, h2, h3')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 2) wide.push(el.textContent.slice(0, 40));
  }
  return wide;
}"""


_DRAWN = """() => {
  const titles = document.querySelectorAll('[class*="st-key-charttitle-"]').length;
  const drawn = [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('.main-svg')).length;
  return drawn >= titles && !document.querySelector('[data-testid="stSkeleton"]');
}"""
"""Every chart whose title is shown is drawn, and no element is still a loading placeholder."""


@pytest.mark.parametrize("width", [390, 1920])
def test_every_page_at_phone_and_desktop_width(dashboard: Dashboard, width: int):
    SCREENS.mkdir(parents=True, exist_ok=True)
    dashboard.page.set_viewport_size({"width": width, "height": 844 if width < 600 else 1080})
    for lang, region, year in VIEWS:
        for path, title_zh, title_en in PAGES:
            dashboard.open(f"{path}?region={region}&year={year}&lang={lang}")
            expect(dashboard.heading(title_zh if lang == "zh" else title_en)).to_be_visible()
            dashboard.page.wait_for_function(_DRAWN, polling=100)  # a chart's title shows before Plotly draws it
            dashboard.no_exception()
            assert dashboard.page.evaluate(_OVERFLOW) == [], f"text wider than {width} px on {path} ({lang})"
            name = path.strip("/") or "overview"
            dashboard.page.screenshot(path=str(SCREENS / f"{name}-{lang}-{region}-{year}-{width}.png"))
