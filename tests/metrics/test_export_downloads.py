"""ui.downloads in Streamlit (AppTest, no browser): which buttons appear, what their files are,
and the notice that replaces them when exports cannot work on the machine."""

from __future__ import annotations

import io
from unittest import mock

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from streamlit.testing.v1 import AppTest

import ui.downloads as downloads


def chart_and_table_page():
    import pandas as pd
    import plotly.graph_objects as go

    from ui.downloads import chart_downloads, table_downloads

    chart_downloads(go.Figure(go.Bar(x=["甲"], y=[1])), "宁波市_2021_目标与完成", "zh")
    table_downloads(pd.DataFrame({"title": ["报告"], "publisher": ["宁波市统计局"]}), "sources", "宁波市_2021_目标表", "zh")


def deck_page(frames, charts):
    from ui.downloads import deck_download

    deck_download(frames, "sample", 2021, "zh", charts)


def test_chart_and_table_buttons_build_their_files_only_on_click():
    at = AppTest.from_function(chart_and_table_page).run(timeout=30)
    assert not at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["下载 PNG", "下载 SVG", "下载 PDF", "下载 CSV", "下载 XLSX"]
    assert all(b.proto.ignore_rerun and b.proto.deferred_file_id for b in buttons)


def test_without_chromium_a_notice_names_the_package_and_tables_still_download(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = AppTest.from_function(chart_and_table_page).run(timeout=30)
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == ["下载 CSV", "下载 XLSX"]
    assert any("chromium" in caption.value for caption in at.caption)


def test_the_callables_return_the_files(monkeypatch, renderer):
    fake = mock.MagicMock()
    fake.columns.side_effect = lambda n: [mock.MagicMock() for _ in range(n)]
    monkeypatch.setattr(downloads, "st", fake)
    monkeypatch.setattr(downloads, "_warm_once", lambda: True)
    downloads.chart_downloads(go.Figure(go.Bar(x=["甲"], y=[1])), "宁波市_2021_目标与完成", "zh")
    downloads.table_downloads(pd.DataFrame({"title": ["Report"], "publisher": ["Bureau"]}), "sources", "宁波市_2021_表", "en")
    calls = {c.kwargs["file_name"]: c for c in fake.download_button.call_args_list}
    assert set(calls) == {"宁波市_2021_目标与完成.png", "宁波市_2021_目标与完成.svg", "宁波市_2021_目标与完成.pdf",
                          "宁波市_2021_表.csv", "宁波市_2021_表.xlsx"}
    assert all(c.kwargs["on_click"] == "ignore" for c in calls.values())
    assert calls["宁波市_2021_目标与完成.png"].kwargs["data"]().startswith(b"\x89PNG")
    assert calls["宁波市_2021_目标与完成.svg"].kwargs["data"]().lstrip().startswith(b"<svg")
    assert calls["宁波市_2021_目标与完成.pdf"].kwargs["data"]().startswith(b"%PDF")
    assert calls["宁波市_2021_表.csv"].kwargs["data"]().startswith(b"\xef\xbb\xbfTitle,Publisher")
    assert calls["宁波市_2021_表.xlsx"].kwargs["data"]().startswith(b"PK")


def test_deck_is_built_with_progress_then_offered(sample_frames, renderer):
    charts = [("地区生产总值增长", go.Figure(go.Bar(x=["目标", "实际"], y=[7, 8.2])))]
    at = AppTest.from_function(deck_page, kwargs={"frames": sample_frames, "charts": charts}).run(timeout=60)
    assert not at.exception
    assert at.multiselect[0].value == ["地区生产总值增长"]
    assert not at.get("download_button")
    build = next(b for b in at.button if b.label == "生成PPTX")
    build.click().run(timeout=120)
    assert not at.exception
    offered = at.get("download_button")
    assert [b.proto.label for b in offered] == ["下载 PPTX"]
    data = at.session_state[downloads.deck_state_key("sample", 2021, "zh", ["地区生产总值增长"], "pptx")]
    deck = Presentation(io.BytesIO(data))
    assert [slide.shapes.title.text for slide in deck.slides][1:] == ["示例市2021年主要指标", "地区生产总值增长", "资料来源"]


def test_the_pack_offers_every_chart_of_the_view_by_default(sample_frames):
    at = AppTest.from_function(deck_page, kwargs={"frames": sample_frames, "charts": None}).run(timeout=60)
    assert not at.exception
    assert at.multiselect[0].value == at.multiselect[0].options == ["目标与完成", "趋势"]
    assert [b.label for b in at.button] == ["生成PPTX", "生成PDF"]
