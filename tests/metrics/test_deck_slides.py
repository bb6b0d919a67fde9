"""The deck a leader is shown: a real title on every slide, the headline figures as the overview's
cards give them, the 十四五 scorecard, notes that belong to their slide, citations with publisher,
title, date and 转载, and export modules that do not import each other in a circle."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest
from pptx import Presentation

from metrics.export import deck_pptx
from metrics.export.citations import citation, distinct, official_first
from metrics.export.pack import ChartPage, Pack, plan
from metrics.export.slides import chart_notes, pptx_bytes
from metrics.figures import queries
from metrics.text import display, i18n
from metrics.view_models.overview_cards import overview_cards

TODAY = dt.date(2022, 3, 1)
EXPORT = Path(__file__).resolve().parents[2] / "metrics" / "export"


def texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def table_cells(slide) -> list[list[str]]:
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for table in tables for row in table.rows]


def two_charts() -> list[tuple[str, go.Figure]]:
    growth = go.Figure(go.Bar(x=["目标", "实际"], y=[7, 8.2], name="地区生产总值增长"),
                       layout={"title": {"text": "地区生产总值增长"}, "meta": {"indicators": ["gdp_growth"]}})
    jobs = go.Figure(go.Bar(x=["目标"], y=[3.5], name="城镇登记失业率"),
                     layout={"title": {"text": "城镇登记失业率"}, "meta": {"indicators": ["registered_unemployment_rate"]}})
    return [("增长", growth), ("就业", jobs)]


@pytest.fixture(scope="module")
def sample_deck(sample_frames, renderer):
    return Presentation(io.BytesIO(deck_pptx(sample_frames, "sample", 2021, "zh", two_charts(), today=TODAY)))


@pytest.fixture(scope="module")
def ningbo_pack(real_frames):
    """Ningbo 2024 without charts: the summary and source slides need no renderer."""
    return plan(real_frames, "ningbo", 2024, "zh", charts=[], today=TODAY)


@pytest.fixture(scope="module")
def ningbo_deck(ningbo_pack):
    return Presentation(io.BytesIO(pptx_bytes(ningbo_pack)))


def test_every_slide_has_its_title_in_a_title_placeholder(sample_deck, ningbo_deck):
    for deck in (sample_deck, ningbo_deck):
        for slide in deck.slides:
            title = slide.shapes.title
            assert title is not None and title.is_placeholder and title.text.strip()
    assert [s.shapes.title.text for s in sample_deck.slides][2:4] == ["地区生产总值增长", "城镇登记失业率"]


def test_a_chart_title_moves_from_the_picture_to_the_slide(sample_frames):
    pack = plan(sample_frames, "sample", 2021, "zh", two_charts()[:1], today=TODAY)
    page = pack.pages[0]
    assert page.heading == "地区生产总值增长"
    assert "地区生产总值增长" not in page.figure["layout"]["title"]["text"]
    assert "示例市 · 2021年" in page.figure["layout"]["title"]["text"]  # the view stays in the picture


def test_the_headline_slide_holds_the_cards_values(sample_deck, sample_frames):
    slide = sample_deck.slides[1]
    assert slide.shapes.title.text == "示例市2021年主要指标"
    shown = texts(slide)
    cards = [card for card in overview_cards(sample_frames, "sample", 2021, "zh") if card.value is not None]
    assert cards
    for card in cards:
        assert card.number_text in shown
        if card.change is not None:
            assert f"{card.change.text} {card.change.label}" in shown
        if card.target is not None:
            assert card.target.text in shown
    # the cards with no figure for the year are named, not drawn with a value
    assert "2021年暂无数据：城镇登记失业率" in shown


def test_a_computed_change_keeps_the_cards_label(ningbo_deck, real_frames):
    urbanisation = next(c for c in overview_cards(real_frames, "ningbo", 2024, "zh") if c.indicator_id == "urbanization_rate")
    assert urbanisation.change is not None and urbanisation.change.label == "比上年（本站计算）"
    assert f"{urbanisation.change.text} 比上年（本站计算）" in texts(ningbo_deck.slides[1])


def test_notes_of_a_chart_slide_are_that_charts_sentences(sample_deck):
    growth, jobs = sample_deck.slides[2], sample_deck.slides[3]
    growth_notes = growth.notes_slide.notes_text_frame.text
    jobs_notes = jobs.notes_slide.notes_text_frame.text
    assert growth_notes.startswith("地区生产总值增长") and "地区生产总值1.1万亿元" in growth_notes
    assert "失业率" not in growth_notes
    assert jobs_notes.startswith("城镇登记失业率") and "城镇登记失业率预期目标为3.5%以内" in jobs_notes
    assert "地区生产总值" not in jobs_notes


def test_real_chart_notes_speak_only_of_their_charts_indicators(real_frames):
    pack = plan(real_frames, "ningbo", 2024, "zh", today=TODAY)
    assert len(pack.pages) >= 2
    for page in pack.pages:
        notes = chart_notes(page, "zh")
        assert notes.splitlines()[0] == page.heading
        assert page.indicators and all(name in notes for name in page.indicators)
        for sentence in page.sentences:
            # every sentence names one of the chart's indicators (a growth is spoken of with its level)
            assert any(name.removesuffix("增长") in sentence for name in page.indicators), (page.heading, sentence)


def test_the_scorecard_slide_is_the_targets_pages_view(ningbo_deck, real_frames):
    slides = [s for s in ningbo_deck.slides if "十四五" in s.shapes.title.text]
    assert slides
    cells = [row for slide in slides for row in table_cells(slide)]
    assert cells[0] == [i18n.t(k, "zh") for k in ("col_indicator", "col_plan_target", "col_latest", "col_verdict")]
    page = display.progress_table(queries.progress_for(real_frames, "ningbo"), "zh")
    gdp = page[page["指标"].eq("地区生产总值")].iloc[0]
    assert ["地区生产总值", gdp["规划目标"], gdp["最近实际数"], gdp["完成情况"]] in cells
    assert gdp["最近实际数"].endswith("(2025年)") and gdp["完成情况"] == "已完成"
    progress = next(row for row in cells if row[0] == "研发投入强度")
    assert "2023年" in progress[2] and "非结论" in progress[3]
    # the scorecard and the ledger judge 高新技术企业数 (突破1万家, 预计, against 突破6000) alike: met as
    # provisional (the plan report's 预计 is the latest release), never "no actual"
    tech = next(row for row in cells if row[0] == "高新技术企业数")
    assert tech[2].startswith("突破1万家（预计）") and tech[3] == "预计完成"
    # targets with no actual yet are named under the table, with their targets
    assert "尚无实际数的目标：高技术制造业增加值占规上工业增加值比重（14%）" in texts(slides[-1])
    assert "高新技术企业数" not in texts(slides[-1]).split("尚无实际数的目标")[-1]


def test_no_scorecard_without_2025_targets(sample_deck):
    assert not any("十四五" in slide.shapes.title.text for slide in sample_deck.slides)


def test_a_reposted_source_is_cited_with_publisher_title_date_and_site():
    source = {"id": "x", "provenance": "cited", "title": "2024年宁波市常住人口主要数据", "publisher": "宁波市统计局",
              "date": "2025-03-01", "url": "http://bx2200.com/a.html", "reposted_by": "bx2200.com"}
    assert citation(source, "zh") == ("宁波市统计局：《2024年宁波市常住人口主要数据》，2025-03-01（转载：bx2200.com）。"
                                      "http://bx2200.com/a.html〔引用出版物〕")
    english = citation(source, "en")
    assert english.startswith("宁波市统计局, “2024年宁波市常住人口主要数据”, 2025-03-01 (reposted by bx2200.com).")
    without = citation({**source, "reposted_by": None}, "zh")
    assert "转载" not in without and without.startswith("宁波市统计局：《")


def test_a_bare_domain_is_never_the_publisher():
    source = {"id": "x", "provenance": "cited", "title": "某报告", "publisher": "www.example.com", "url": "http://www.example.com/1"}
    cited = citation(source, "zh")
    assert cited.startswith("发布单位不详：《某报告》，日期不详（转载：www.example.com）")


def test_official_statistical_publications_come_first():
    news = {"id": "n", "type": "news_article", "publisher": "宁波日报"}
    report = {"id": "r", "type": "government_work_report", "publisher": "宁波市人民政府"}
    bureau = {"id": "b", "type": "government_release", "publisher": "宁波市统计局"}
    bulletin = {"id": "s", "type": "statistical_bulletin", "publisher": "宁波市统计局、国家统计局宁波调查队"}
    assert [s["id"] for s in official_first([news, report, bureau, bulletin])] == ["b", "s", "r", "n"]


def test_real_source_slides_say_where_a_page_was_reposted(ningbo_pack, ningbo_deck, real_frames):
    sources = [texts(s) for s in ningbo_deck.slides if s.shapes.title.text.startswith("资料来源")]
    assert sources
    joined = "\n".join(sources)
    reposted = [s for s in real_frames.dataset.sources if getattr(s, "reposted_by", None)]
    def lines_of(source):
        return [line for line in joined.splitlines() if line.startswith(f"{source.publisher}：《{source.title}》")]

    used = [s for s in reposted if lines_of(s)]
    assert used, "Ningbo 2024 cites at least one reposted page, its publisher first"
    for source in used:
        assert any(f"转载：{source.reposted_by}" in line for line in lines_of(source)), (source.id, lines_of(source))
    assert ningbo_pack.citations[0].startswith("宁波市统计局")


def test_a_chart_slide_without_sentences_still_names_its_chart():
    page = ChartPage("趋势", {}, "来源：《某》", [], [], title="某指标", indicators=["某指标"])
    assert chart_notes(page, "zh") == "某指标\n图中指标：某指标\n\n来源：《某》"
    pack = Pack("sample", "示例市", 2021, "zh", TODAY, [], [])
    assert len(Presentation(io.BytesIO(pptx_bytes(pack))).slides) == 2  # title and sources: no empty summaries


def _imports(path: Path) -> set[str]:
    """Every metrics.export module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("metrics.export"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if (EXPORT / f"{alias.name}.py").exists() and node.module == "metrics.export")
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("metrics.export"))
    return found


def test_no_export_module_imports_one_that_imports_it_back():
    graph = {f"metrics.export.{p.stem}": _imports(p) - {"metrics.export"} for p in EXPORT.glob("*.py") if p.stem != "__init__"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert "metrics.export.pack" in graph["metrics.export.slides"]
    cycles = [module for module in graph if reaches(module, module, {module})]
    assert cycles == []


@pytest.mark.parametrize("module", ["export.pack", "export.slides", "export.handout", "export.summary_slides", "export.deck", "cli.brief"])
def test_each_export_module_imports_alone(module):
    result = subprocess.run([sys.executable, "-c", f"import metrics.{module}"], capture_output=True, text=True,
                            timeout=120, cwd=EXPORT.parents[1])
    assert result.returncode == 0, result.stderr


def test_one_publication_is_cited_once():
    china_daily = {"id": "cixi-cd", "provenance": "cited", "title": "Cixi city", "publisher": "China Daily",
                   "date": "2020-04-28", "url": "https://ningbo.chinadaily.com.cn/2020-04/28/c_544065.htm"}
    channel = {**china_daily, "id": "cixi-cd-ningbo", "publisher": "China Daily (Ningbo channel)"}
    other_url = {**channel, "id": "cixi-cd-2", "url": "http://www.chinadaily.com.cn/cixi"}
    bulletin = {"id": "b", "title": "2024年公报", "publisher": "慈溪市统计局", "date": "2025-03-01"}
    assert [s["id"] for s in distinct([china_daily, channel, other_url, china_daily, bulletin])] == ["cixi-cd", "b"]


@pytest.mark.parametrize("region", ["cixi", "ningbo", "yinzhou"])
def test_real_source_slides_list_each_publication_once(real_frames, region):
    pack = plan(real_frames, region, 2025, "en", today=TODAY, charts=None)
    titles = [line.split("“")[1].split("”")[0] + line.split("”")[1].split(".")[0] for line in pack.citations]
    urls = [url for line in pack.citations for url in re.findall(r"https?://\S+", line)]
    assert len(titles) == len(set(titles)) and len(urls) == len(set(urls)), pack.citations


def test_a_citation_prints_the_title_as_published():
    source = {"id": "x", "provenance": "cited", "title": "【宁波招商】宁波市政府工作报告", "publisher": "宁波市人民政府",
              "date": "2021-02-21", "note": "2021年2月21日在宁波市第十五届人民代表大会第六次会议上"}
    assert "《宁波市政府工作报告》" in citation(source, "zh") and "【" not in citation(source, "zh")
    noted = {**source, "title": "2022年慈溪市统计公报(镜像页;摘录未显示标题)", "note": None}
    assert "《2022年慈溪市统计公报》" in citation(noted, "zh")
    with_note = {**source, "title": "冲锋号(县委书记谈2025年)", "note": "县委书记谈2025年"}
    assert "“冲锋号”" in citation(with_note, "en") and "县委书记" not in citation(with_note, "en")


def test_real_citations_print_no_portal_prefix_or_reading_note(real_frames):
    lines = [line for region in ("ningbo", "cixi") for lang in ("zh", "en")
             for line in plan(real_frames, region, 2025, lang, charts=[], today=TODAY).citations]
    assert lines and not [line for line in lines if "【" in line or "摘录未显示" in line or "镜像页" in line]


def _ranked(frames) -> list[str]:
    from metrics.figures.names import RANKED_LEVELS
    return [r.id for r in frames.dataset.regions if r.level in RANKED_LEVELS]


@pytest.mark.parametrize("year", [2020, 2024, 2025])
def test_the_comparison_slide_is_on_the_briefings_headline_indicator(real_frames, year):
    """GDP, the first headline indicator, for Cixi and every district: not urbanisation, which
    more districts happen to have for 2024, nor GDP growth for 2020."""
    from metrics.export.pack import all_charts
    for region in ["cixi", *_ranked(real_frames)]:
        regions_chart = [figure for name, figure in all_charts(real_frames, region, year, "zh")
                         if name == i18n.t("page_regions", "zh")]
        assert regions_chart, region
        assert (regions_chart[0].layout.meta or {}).get("indicators") == ["gdp"], (region, year)


def test_the_comparison_falls_back_to_the_next_headline_indicator_with_enough_regions(real_frames):
    import dataclasses

    from metrics.figures import comparison
    without_gdp = dataclasses.replace(real_frames, facts=real_frames.facts[real_frames.facts["indicator_id"].ne("gdp")])
    assert comparison.briefing_compare_indicator(without_gdp, 2020) == "gdp_growth"  # eight districts have it
    assert comparison.briefing_compare_indicator(without_gdp, 2021) == "fiscal_revenue"  # gdp_growth: two only


def test_only_a_title_written_in_chinese_is_marked_in_chinese_for_an_english_reader():
    """A recorder's remark in Chinese after an English headline made Macao News "(in Chinese)"."""
    from metrics.text.citation import cite, is_chinese_title

    english = {"id": "x", "provenance": "cited", "title": "Shenzhen economy outpaces Beijing and Shanghai(报道)",
               "publisher": "Macao News", "date": "2026-02-26"}
    assert not is_chinese_title(english["title"]) and "(in Chinese)" not in cite(english, "en")
    chinese = {**english, "title": "青岛进入万亿俱乐部(报道)"}
    assert is_chinese_title(chinese["title"]) and cite(chinese, "en").endswith("(in Chinese)")
    assert is_chinese_title("(宁波市政府工作报告)"), "a title that is all brackets is read whole"


@pytest.mark.parametrize(("region", "year", "lang"), [("yinzhou", 2024, "en"), ("ningbo", 2025, "zh")])
def test_a_slide_charts_title_starts_in_the_picture_and_ends_above_its_legend(real_frames, renderer, region, year, lang):
    """Rendered: the title block of each chart of the deck (its former subtitle, wrapped anew at the
    slide's font size) alone in the picture. Yinzhou's English trends chart had four lines pushed
    down across its legend; a title moved too little loses its first line above the picture."""
    import copy

    import numpy as np
    from PIL import Image

    pack = plan(real_frames, region, year, lang)
    checked = 0
    for page in pack.pages:
        figure = copy.deepcopy(page.figure)
        layout = figure["layout"]
        legend = layout.get("legend") or {}
        if "<br>" not in layout["title"]["text"] or legend.get("yref") != "container":
            continue
        width, height = int(layout["width"]), int(layout["height"])
        legend_top = (1 - float(legend["y"])) * height
        for trace in figure["data"]:
            trace["visible"] = False
        layout.update(annotations=[], shapes=[], showlegend=False, paper_bgcolor="white", plot_bgcolor="white")
        for key in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
            layout[key] = {**layout[key], "visible": False}
        png = renderer.figure(figure, "png", width, height, 1)
        grey = np.array(Image.open(io.BytesIO(png)).convert("L"))
        rows = np.where((grey[:, : width // 2] < 160).any(axis=1))[0]
        assert rows.size, page.name
        assert rows.min() >= 4, f"{page.name}: the title's first line is cut at the top ({rows.min()} px)"
        assert rows.max() < legend_top, f"{page.name}: the title ends at {rows.max()} px, under its legend's top ({legend_top:.0f} px)"
        checked += 1
    assert checked, "a chart with a title of several lines and a legend was checked"


def test_a_slide_labels_every_year_where_it_has_room_and_gives_raised_labels_their_margin():
    """The trends chart lets Plotly space its year ticks on screen; a slide of 960 px has room for every
    year, so 2025 is labelled. Fonts raised for a slide get automargin: the screen's margins were measured
    at its smaller text (城镇居民人均可支配收入 lost its first character on the progress slide)."""
    from metrics.charts.trends import YEAR_SPAN
    from metrics.export.images import every_year, prepare_figure, readable

    def figure() -> dict:
        return {"data": [{"type": "scatter", "x": list(range(2011, 2026)), "y": [1] * 15}],
                "layout": {"xaxis": {"tickformat": "d"}, "yaxis": {}, "margin": {"l": 76, "r": 20}, "font": {"size": 12},
                           "meta": {YEAR_SPAN: [2011, 2025]}}}

    assert every_year(figure(), 960)["layout"]["xaxis"]["dtick"] == 1
    assert "dtick" not in every_year(figure(), 390)["layout"]["xaxis"], "a narrow picture keeps Plotly's spacing"
    assert prepare_figure(figure(), None, 1280)["layout"]["xaxis"]["dtick"] == 1, "a downloaded image too"
    raised = readable(figure(), 18)["layout"]
    assert raised["xaxis"]["automargin"] is True and raised["yaxis"]["automargin"] is True
    assert "automargin" not in readable(figure(), 10)["layout"]["yaxis"], "text not raised keeps the measured margins"


def test_a_slide_names_the_ledger_rows_beside_them_and_gives_back_their_height(real_frames):
    """On screen a target's name is above its row (a phone's width); a slide is wide and short, so the
    names go back beside the rows as tick labels and the chart is as much shorter."""
    from metrics.charts import ledger_figure
    from metrics.charts.ledger import ROW_BESIDE_PX, ROW_NAME, ROW_PX
    from metrics.export.images import names_beside, prepare_figure

    screen = prepare_figure(ledger_figure(real_frames, "ningbo", 2025, "zh"), None, 960)
    rows = [a for a in screen["layout"]["annotations"] if a.get("name") == ROW_NAME]
    height = screen["layout"]["height"]
    slide = names_beside(screen)["layout"]
    assert rows and not [a for a in slide["annotations"] if a.get("name") == ROW_NAME]
    y_axes = [v for k, v in slide.items() if k.startswith("yaxis")]
    assert y_axes and all(axis["showticklabels"] is True and axis["automargin"] is True for axis in y_axes)
    assert slide["height"] == height - len(rows) * (ROW_PX - ROW_BESIDE_PX)
    pack = plan(real_frames, "ningbo", 2025, "zh", charts=None, today=TODAY)
    ledger = next(page for page in pack.pages if page.figure["layout"].get("meta", {}).get("chart") == "ledger")
    assert not [a for a in ledger.figure["layout"].get("annotations", []) if a.get("name") == ROW_NAME]
