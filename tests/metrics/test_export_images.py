"""Chart images: each export is opened and checked (size, colours, text), in a process where
streamlit was imported first, which sets plotly's placeholder template (the black-bars trap)."""

from __future__ import annotations

import io
import threading
import xml.etree.ElementTree as ET

import numpy as np
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit  # noqa: F401  (imported for its side effect on plotly's default template)
from PIL import Image
from pypdf import PdfReader

from metrics.export import Caption, ExportUnavailable, export_filename, figure_bytes, prepare_figure, view_label
from metrics.export import renderer as export_renderer
from metrics.export.images import export_height, project_template

FOOTNOTE = "来源:《2021年宁波市国民经济和社会发展统计公报》(宁波市统计局)"
CAPTION = Caption(region="宁波市", year=2021, lang="zh", footnote=FOOTNOTE, units="单位:亿元")


def streamlit_figure() -> go.Figure:
    """A plotly express chart with the template importing streamlit makes the default (the
    dashboard's theme module sets its own default once imported, so it is named here)."""
    assert "streamlit" in pio.templates
    return px.bar(x=["地区生产总值", "一般公共预算收入"], y=[14594.9, 1723.0], color=["产出", "财政"],
                  title="宁波市主要指标", labels={"x": "", "y": "亿元", "color": ""}, template="streamlit")


def colour_share(image: Image.Image, colour: str, tolerance: int = 12) -> float:
    """The share of pixels within ``tolerance`` of ``colour`` (#rrggbb)."""
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    pixels = np.asarray(image.convert("RGB").resize((640, 360)), dtype=int)
    return float((np.abs(pixels - np.array(target)) <= tolerance).all(axis=2).mean())


def test_export_filename_is_safe_on_windows():
    assert export_filename("宁波市", 2021, "目标与完成", "png") == "宁波市_2021_目标与完成.png"
    name = export_filename('宁波/舟山:港*?"<>|', 2021, "A\\B", ".PDF")
    assert not set('/\\:*?"<>|') & set(name) and name.endswith(".pdf")
    assert export_filename("", None, "  . ", "csv") == "export.csv"


def test_view_label():
    assert view_label("宁波市", 2021, "zh") == "宁波市 · 2021年"
    assert view_label("Ningbo", 2021, "en") == "Ningbo · 2021"


def test_prepare_replaces_the_streamlit_placeholder_template_and_colours():
    figure = prepare_figure(streamlit_figure())
    colours = [trace["marker"]["color"] for trace in figure["data"]]
    colorway = list(project_template().layout.colorway)
    assert colours == colorway[:2]
    assert "#000001" not in str(figure)
    assert "CJK" in (figure["layout"].get("font") or {}).get("family", "") + str(figure["layout"]["template"])


def test_prepare_adds_view_units_and_footnote_once():
    figure = prepare_figure(streamlit_figure(), CAPTION)
    layout = figure["layout"]
    assert layout["title"]["subtitle"]["text"] == "宁波市 · 2021年 · 单位:亿元"
    footnotes = [a for a in layout["annotations"] if "来源" in a["text"]]
    assert len(footnotes) == 1
    again = prepare_figure(figure, CAPTION)
    assert again["layout"]["title"]["subtitle"]["text"] == layout["title"]["subtitle"]["text"]
    assert len([a for a in again["layout"]["annotations"] if "来源" in a["text"]]) == 1


def test_the_view_is_not_repeated_when_the_title_says_it():
    fig = go.Figure(layout={"title": {"text": "宁波市2021年目标与实际"}})
    assert "subtitle" not in prepare_figure(fig, Caption(region="宁波市", year=2021))["layout"]["title"]
    fig = go.Figure(layout={"title": {"text": "宁波市2020年目标与实际"}})
    assert prepare_figure(fig, Caption(region="宁波市", year=2021))["layout"]["title"]["subtitle"]["text"] == "宁波市 · 2021年"


def test_a_tall_figure_keeps_its_height_others_are_16_9():
    assert export_height(go.Figure()) == 720
    assert export_height(go.Figure(layout={"height": 500})) == 720
    assert export_height(go.Figure(layout={"height": 988})) == 988


def test_prepare_keeps_a_real_template():
    template = go.layout.Template(layout={"colorway": ["#123456"], "font": {"family": "Noto Sans CJK SC"}})
    fig = go.Figure(go.Bar(x=["a"], y=[1]), layout={"template": template})
    assert prepare_figure(fig)["layout"]["template"]["layout"]["colorway"] == ["#123456"]


def test_png_is_2x_16_9_not_blank_and_in_the_chart_colours(renderer):
    png = figure_bytes(streamlit_figure(), "png", CAPTION)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (2560, 1440)
    assert len(image.convert("RGB").resize((320, 180)).getcolors(320 * 180) or []) > 20
    first, second = project_template().layout.colorway[:2]
    assert colour_share(image, first) > 0.05
    assert colour_share(image, second) > 0.005
    assert colour_share(image, "#000001", tolerance=8) < 0.02


def test_svg_parses_and_carries_title_view_footnote_and_font(renderer):
    svg = figure_bytes(streamlit_figure(), "svg", CAPTION)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    texts = "".join(element.text or "" for element in root.iter())
    for expected in ("宁波市主要指标", "宁波市 · 2021年", "2021年宁波市国民经济和社会发展统计公报"):
        assert expected in texts
    assert "Noto Sans CJK SC" in svg.decode()


def test_pdf_is_one_16_9_page(renderer):
    pdf = figure_bytes(streamlit_figure(), "pdf", CAPTION)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    assert "2021" in reader.pages[0].extract_text()


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        figure_bytes(go.Figure(), "gif")


def test_concurrent_exports_do_not_collide(renderer):
    results: dict[int, bytes] = {}

    def export(number: int) -> None:
        fig = go.Figure(go.Bar(x=["甲"], y=[number]), layout={"title": {"text": f"图表编号{number}"}})
        results[number] = figure_bytes(fig, "svg")

    threads = [threading.Thread(target=export, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sorted(results) == [0, 1, 2, 3]
    for number, svg in results.items():
        assert f"图表编号{number}".encode() in svg
        assert all(f"图表编号{other}".encode() not in svg for other in results if other != number)


def test_the_browser_is_started_once_and_reused(renderer):
    """Speed is measured by the benchmarks (benchmarks/export_timing.py), not asserted here."""
    assert export_renderer.get_renderer() is renderer
    assert figure_bytes(go.Figure(go.Bar(x=["a"], y=[1])), "png").startswith(b"\x89PNG")
    assert export_renderer.get_renderer() is renderer


def test_missing_chromium_names_the_debian_package(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportUnavailable) as caught:
        export_renderer.check_environment()
    assert caught.value.package == "chromium" and "apt-get install chromium" in str(caught.value)
    with pytest.raises(ExportUnavailable):
        export_renderer.Renderer().start()


def test_missing_font_names_the_debian_package(monkeypatch):
    monkeypatch.setattr(export_renderer, "has_cjk_font", lambda: False)
    with pytest.raises(ExportUnavailable) as caught:
        export_renderer.check_environment()
    assert caught.value.package == "fonts-noto-cjk" and "fonts-noto-cjk" in str(caught.value)


def test_this_machine_has_what_exports_need():
    export_renderer.check_environment()


def test_a_figure_with_a_footnote_gets_no_second_one():
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    fig.add_annotation(text="来源:《图表自带》", xref="paper", yref="paper", x=0, y=0, showarrow=False)
    annotations = prepare_figure(fig, CAPTION)["layout"]["annotations"]
    assert [a["text"] for a in annotations] == ["来源:《图表自带》"]


def test_the_tenth_placeholder_is_the_tenth_colour():
    fig = go.Figure([go.Bar(x=["a"], y=[1], marker={"color": "#000010"})], layout={"template": "streamlit"})
    colorway = project_template().layout.colorway
    assert prepare_figure(fig)["data"][0]["marker"]["color"] == colorway[9 % len(colorway)]
