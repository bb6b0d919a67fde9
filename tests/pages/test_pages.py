"""Every page with AppTest: a selection with data, an empty selection, English; URL state, bad data, HTML in data.

Assertions are on what is shown (card values, chart traces, table columns, messages), not only
that nothing raised. Image export is switched off (``BROWSER_PATH`` points nowhere) so no
Chromium starts here; the export buttons have their own tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TEST_DATA = ROOT / "tests" / "data"
PAGES = ("overview", "targets", "trends", "regions", "data_sources")


@pytest.fixture(autouse=True)
def _environment(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.delenv("METRICS_DATA", raising=False)
    monkeypatch.delenv("METRICS_SOURCES", raising=False)


def open_page(page: str = "overview", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def opened(at: AppTest, key: str) -> AppTest:
    """The page run again with the expander ``key`` open (its state in the session, as a click leaves it)."""
    at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def shown(at: AppTest) -> str:
    """All text of the page (Markdown unescaped), one element a line."""
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [unescape(str(element.value)) for element in at.get(kind)]
    return "\n".join(parts)


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_titles(at: AppTest) -> list[str]:
    """The charts' titles: on screen each is bold text above its chart (where it wraps), not in the figure."""
    return [unescape(m.value)[2:-2] for m in at.markdown if m.value.startswith("**") and m.value.endswith("**")]


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {unescape(m.label): (m.value, m.delta) for m in at.metric}


def blocks(node, kind: str) -> list:
    found = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) == kind:
            found.append(child)
        found += blocks(child, kind)
    return found


# overview --------------------------------------------------------------------------------------

def test_overview_opens_on_the_latest_mostly_published_year():
    at = open_page()
    assert at.subheader[0].value == "宁波市 · 2024年"
    assert metrics(at)["地区生产总值"][0] == "18147.7亿元"
    assert open_page(region="yuyao").subheader[0].value == "余姚市 · 2020年"


def test_overview_ningbo_2021_in_chinese():
    at = open_page(year="2021")
    assert at.title[0].value == "概览"
    cards = metrics(at)
    assert cards["地区生产总值"] == ("14594.9亿元", "+8.2% 比上年")
    assert cards["常住人口城镇化率"][0] == "78.4%"
    assert cards["城镇登记失业率"][0] == "2.31%"
    assert len(cards) == 8
    text = shown(at)
    assert "2021年，宁波市地区生产总值14594.9亿元，增长8.2%，高于预期目标1.2个百分点。" in text
    assert "目标 7%:已完成,+1.2个百分点" in text
    assert len(blocks(at.main, "popover")) == 8
    assert "原文:" in text and "出处:" in text and "> 地区生产总值(GDP)达到14594.9亿元" in text, "quotes and citations"
    assert at.query_params == {"region": ["ningbo"], "year": ["2021"], "lang": ["zh"]} or \
        dict(at.query_params) == {"region": "ningbo", "year": "2021", "lang": "zh"}


def test_overview_empty_selection_suggests_data_and_a_click_goes_there():
    at = open_page(region="haishu", year="2016")
    assert "海曙区2016年暂无这些指标的数据" in shown(at)
    labels = [b.label for b in at.button]
    assert labels and all(" · " in label for label in labels)
    at.button[0].click().run()
    region, year = labels[0].split(" · ")
    assert at.session_state["_view"].year == int(year.removesuffix("年"))
    assert at.subheader[0].value == f"{region} · {year}"
    assert any(value != "–" for value, _ in metrics(at).values())


def test_overview_in_english():
    at = open_page(lang="en", year="2021")
    assert at.title[0].value == "Overview"
    cards = metrics(at)
    assert cards["GDP (CNY billion)"] == ("1,459.49", "+8.2% on the year before")
    assert cards["R&D intensity"][0] == "3%"
    assert "In 2021, Ningbo's GDP was CNY 1,459.49 billion, up 8.2%, 1.2 percentage points above the target." in shown(at)
    assert at.radio(key="w_lang").value == "en"


def test_overview_with_no_region():
    at = open_page(region="")
    assert "尚未选择地区" in shown(at)
    assert at.button, "a suggestion is offered"


def test_filters_change_the_cards_and_the_url():
    at = open_page()
    at.multiselect(key="w_regions").set_value(["yuyao"]).run()
    at.selectbox(key="w_year").set_value(2020).run()
    assert metrics(at)["地区生产总值"][0] == "1220.7亿元"
    assert at.query_params["region"] in ("yuyao", ["yuyao"])
    assert at.query_params["year"] in ("2020", ["2020"])
    at.selectbox(key="w_cat").set_value("income").run()
    assert list(metrics(at)) == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_a_bad_link_gives_notices_and_defaults():
    at = open_page(region="atlantis", year="1999", lang="fr")
    warning = unescape(at.warning[0].value)
    assert "atlantis" in warning and "1999" in warning and "fr" in warning
    assert metrics(at)["地区生产总值"][0] == "18147.7亿元", "the default year, 2024"
    assert at.query_params["region"] in ("ningbo", ["ningbo"])


def test_another_dataset_defaults_to_its_first_region(monkeypatch):
    monkeypatch.setenv("METRICS_DATA", str(TEST_DATA / "valid.yaml"))
    monkeypatch.setenv("METRICS_SOURCES", str(TEST_DATA / "sources"))
    at = open_page()
    assert at.subheader[0].value == "示例市 · 2021年"
    assert metrics(at)["地区生产总值"] == ("1.1万亿元", "+8.2% 比上年")


# targets ---------------------------------------------------------------------------------------

def test_targets_ledger_with_status_as_text_and_colour_and_counts():
    at = open_page("targets", year="2021")
    counts = metrics(at)
    assert set(counts) == {"已完成", "预计完成", "未完成", "预计未完成", "需判断", "尚无实际数"}
    assert int(counts["已完成"][0]) >= 5 and int(counts["尚无实际数"][0]) > 0
    ledger, progress = charts(at)[:2]
    names = {trace.get("name") for trace in ledger["data"]}
    assert {"目标", "已完成", "预计完成"} <= names
    texts = {text for trace in ledger["data"] for text in trace.get("text", []) or []}
    assert any("已完成" in text for text in texts)
    assert "宁波市2021年目标与实际" in chart_titles(at)
    assert "目标所需年均增长" in {trace.get("name") for trace in progress["data"]}
    table = at.dataframe[0].value
    assert "完成情况" in table.columns and "尚无实际数" in set(table["完成情况"])


def test_targets_empty_selection():
    at = open_page("targets", region="cixi", year="2016")
    assert "慈溪市2016年没有目标" in shown(at)
    assert not any("目标与实际" in title for title in chart_titles(at))


def test_targets_in_english():
    at = open_page("targets", lang="en", year="2021")
    assert at.title[0].value == "Targets and results"
    assert {"met", "no actual yet"} <= set(metrics(at))
    assert chart_titles(at)[0] == "Ningbo: targets and actuals, 2021"
    assert "title" not in charts(at)[0]["layout"] or not charts(at)[0]["layout"]["title"].get("text")


# trends ----------------------------------------------------------------------------------------

def test_trends_draws_regions_targets_and_period_averages():
    at = open_page("trends", region="ningbo,yuyao", ind="gdp_growth,gdp")
    (chart,) = charts(at)
    names = {trace.get("name") for trace in chart["data"]}
    assert {"宁波市", "余姚市", "宁波市 目标"} <= names
    segment = next(t for t in chart["data"] if "2016-2020年均" in (t.get("text") or []))
    assert (segment["x"][0], segment["x"][-1]) == (2016, 2020), "the average spans its five years"
    assert at.multiselect(key="w_ind").value == ["gdp_growth", "gdp"]


def test_trends_empty_selection_offers_indicators_with_data():
    at = open_page("trends", region="yuyao", ind="port_cargo_throughput")
    assert "所选地区没有这些指标的年度数据" in shown(at)
    assert not charts(at)
    at.button[0].click().run()
    assert charts(at), "a suggested indicator has data"


def test_trends_for_a_region_without_data_offers_a_selection_with_data(monkeypatch):
    monkeypatch.setenv("METRICS_DATA", str(TEST_DATA / "valid.yaml"))
    monkeypatch.setenv("METRICS_SOURCES", str(TEST_DATA / "sources"))
    at = open_page("trends", region="east")
    assert "请选择一个或多个指标" in shown(at)
    assert not charts(at)
    at.button[0].click().run()
    assert charts(at), "a suggested region has data to draw"


def test_trends_in_english():
    at = open_page("trends", lang="en", ind="gdp")
    (chart,) = charts(at)
    assert chart["layout"]["yaxis"]["title"]["text"] == "CNY billion"
    assert "Ningbo" in {trace.get("name") for trace in chart["data"]}


# regions ---------------------------------------------------------------------------------------

def test_regions_ranks_one_year_and_names_the_missing():
    at = open_page("regions", cmp="gdp", region="yinzhou", year="2023")
    chart, peers = charts(at)  # the heatmap is drawn only once its expander is opened
    assert "宁波市" in peers["data"][0]["y"] and "同类城市" in chart_titles(at)[1]
    assert [e.label for e in at.expander] == ["历年对比"]
    at.session_state["heatmap-open"] = True
    at.run()
    chart, heatmap, peers = charts(at)
    assert heatmap["data"][0]["type"] == "heatmap" and "2015" in heatmap["data"][0]["x"]
    assert "历年数值" in chart_titles(at)[1]
    bar = chart["data"][0]
    assert bar["x"] == sorted(bar["x"], reverse=True)
    assert "鄞州区" in bar["y"] and "宁波市" not in bar["y"]
    text = shown(at)
    assert "其他年份有数据(不参与排名)" in text and "江北区 2024年: 突破1000亿元" in text and "全市(不参与排名)" in text


def test_regions_empty_selection_suggests_years():
    at = open_page("regions", cmp="urbanization_rate", year="2016")
    assert "2016年没有任何区(县、市)的常住人口城镇化率数据" in shown(at)
    year_buttons = [b for b in at.button if b.label.endswith("年")]
    assert year_buttons
    year_buttons[0].click().run()
    assert charts(at)


def test_regions_in_english():
    at = open_page("regions", cmp="gdp", lang="en", year="2021")
    chart = charts(at)[0]
    assert chart_titles(at)[0] == "GDP: districts and counties, 2021"
    assert "Beilun" in chart["data"][0]["y"]


# data and sources -----------------------------------------------------------------------------

def test_data_page_shows_provenance_and_evidence_and_sources():
    at = open_page("data_sources", year="2021")
    table, sources = (frame.value for frame in at.dataframe)
    assert {"来源性质", "原文 / 出处 / 计算方法"} <= set(table.columns)
    assert set(table["来源性质"]) <= {"原文摘录", "引用出版物", "本站推算"}
    quoted = table[table["来源性质"].eq("原文摘录")]
    assert quoted["原文 / 出处 / 计算方法"].str.len().gt(0).all()
    assert {"标题", "日期", "链接"} <= set(sources.columns) and len(sources) > 20
    at.text_input(key="data-search").set_value("14594.9").run()
    table = at.dataframe[0].value
    assert len(table) >= 1 and table["数值"].str.contains("14594.9").all()


def test_data_page_empty_search():
    at = open_page("data_sources")
    at.text_input(key="data-search").set_value("no such thing at all").run()
    assert "没有符合条件的记录" in shown(at)


def test_data_page_in_english():
    at = open_page("data_sources", lang="en")
    table = at.dataframe[0].value
    assert {"Region", "Provenance", "Quote / citation / computation"} <= set(table.columns)
    assert set(table["Provenance"]) <= {"quoted from the text", "cited from a publication", "computed here"}


# bad data, HTML in data ------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_bad_data_lists_the_problem_with_file_and_line(monkeypatch, page):
    monkeypatch.setenv("METRICS_DATA", str(TEST_DATA / "broken" / "unknown_key.yaml"))
    monkeypatch.setenv("METRICS_SOURCES", str(TEST_DATA / "sources"))
    at = open_page(page)
    assert "数据文件有问题" in unescape(at.error[0].value)
    assert "unknown_key.yaml:76: " in at.code[0].value and "unknown key 'colour'" in at.code[0].value
    assert not at.exception


@pytest.mark.parametrize("page", PAGES)
def test_html_in_data_is_shown_as_text(monkeypatch, page):
    monkeypatch.setenv("METRICS_DATA", str(TEST_DATA / "html.yaml"))
    monkeypatch.setenv("METRICS_SOURCES", str(TEST_DATA / "sources"))
    at = open_page(page, region="sample,east", year="2021")
    for kind in ("markdown", "caption", "info", "warning", "subheader", "title"):
        for element in at.get(kind):
            assert not re.search(r"(?<!\\)<(script|img|svg|b)\b", str(element.value)), element.value
    for chart in charts(at):
        assert "<script" not in json.dumps(chart, ensure_ascii=False)


def test_a_source_is_one_markdown_block_that_shows_its_text_as_written():
    from metrics.figures.cards import SourceRef
    from ui.widgets import _source_text

    ref = SourceRef("s1", "quoted", title="宁波[统计]公报", publisher="宁波市统计局", date="2022-02-24",
                    url="https://tjj.ningbo.gov.cn/a.html", quote="增长8.2%\n居全省前列", note="第一行\n第二行 <b>x</b>]",
                    value_text="14594.9亿元", label="地区生产总值 2021年")
    text = _source_text(ref, "zh")
    blocks = text.split("\n\n")
    assert blocks[0] == "**地区生产总值 2021年** · 14594\\.9亿元"
    assert "> 增长8\\.2%  \n居全省前列" in text, "the quote is a block quote, its line break kept"
    assert "宁波\\[统计\\]公报" in text, "brackets in data cannot close a Markdown directive"
    note = blocks[-1]
    assert note.startswith(":gray[:small[") and note.endswith("]]") and "\n" not in note, "a note stays on one line"
    assert "第一行 第二行 \\<b\\>x\\</b\\>\\]" in note, "HTML and brackets shown as written"


def test_the_deck_chooser_is_built_only_once_the_briefing_is_opened(monkeypatch):
    import ui.downloads as downloads

    built: list[tuple] = []
    real = downloads.all_charts
    monkeypatch.setattr(downloads, "_unavailable", lambda: None)  # as where images can be exported
    monkeypatch.setattr(downloads, "all_charts", lambda frames, *view: (built.append(view), real(frames, *view))[1])
    at = open_page("overview", region="ningbo", year="2021")
    assert not built and not [m for m in at.multiselect if m.key.startswith("deck-charts-")], "closed: no deck built"
    opened(at, "briefing-open-ningbo")
    chooser = next(m for m in at.multiselect if m.key == "deck-charts-ningbo-2021-zh")
    assert "趋势" in chooser.options and chooser.value == chooser.options, "every chart of the deck, chosen"
    assert [b.label for b in at.button if b.label.startswith("生成")] == ["生成PPTX", "生成PDF"]
    at.selectbox(key="w_year").set_value(2020).run()
    assert built == [("ningbo", 2021, "zh"), ("ningbo", 2020, "zh")], "once per view, while open"


def test_overview_offers_copyable_briefing_sentences():
    import html

    closed = open_page("overview", region="ningbo", year="2021")
    assert not [h for h in closed.get("html") if 'id="copy-brief-' in h.proto.body], "closed: nothing drawn"
    assert "每个有数据的指标一句话" not in shown(closed)
    zh = opened(closed, "briefing-open-ningbo")
    assert not zh.code, "prose, not a monospace code box"
    assert "每个有数据的指标一句话" in shown(zh)
    briefing = next(m.value for m in zh.markdown if "2021年，宁波市地区生产总值" in m.value and ":gray[" not in m.value)
    assert len(briefing.split("\n\n")) >= 5, "the sentences as paragraphs of one block"
    assert "2021年，宁波市地区生产总值14594.9亿元，增长8.2%，高于预期目标1.2个百分点" in shown(zh)
    button = next(h.proto.body for h in zh.get("html") if 'id="copy-brief-ningbo"' in h.proto.body)
    assert 'aria-label="复制全部句子"' in button
    assert "2021年，宁波市地区生产总值14594.9亿元" in html.unescape(button), "the copy button holds the sentences"
    en = opened(open_page("overview", region="yuyao", year="2020", lang="en"), "briefing-open-yuyao")
    english = next(h.proto.body for h in en.get("html") if 'id="copy-brief-yuyao"' in h.proto.body)
    stored = html.unescape(english.split("<textarea", 1)[1])
    assert "In 2020" in stored and "Yuyao" in stored and "年" not in stored


@pytest.mark.parametrize(("page", "params", "kinds"), [
    ("data_sources", {"region": "ningbo", "year": "2021"}, {"facts", "sources"}),
    ("targets", {"region": "ningbo", "year": "2021"}, {"ledger", "progress"}),
])
def test_every_table_download_lists_each_rows_sources(monkeypatch, page, params, kinds):
    """The XLSX the page offers, built from exactly what the page hands to the download: its
    sources sheet names a source for every data row (it once was empty for every table)."""
    import io

    import openpyxl

    import ui.widgets
    from metrics.export import table_xlsx
    from metrics.export.labels import SOURCES_SHEET

    handed: list[tuple] = []
    real = ui.widgets.table_downloads
    monkeypatch.setattr(ui.widgets, "table_downloads",
                        lambda raw, kind, *args, **kwargs: (handed.append((raw, kind, kwargs.get("sources"))), real(raw, kind, *args, **kwargs)))
    open_page(page, **params)
    assert {kind for _, kind, _ in handed} == kinds
    for raw, kind, sources in handed:
        book = openpyxl.load_workbook(io.BytesIO(table_xlsx(raw, kind, "zh", sources)))
        assert book["数据"].max_row == len(raw) + 1
        if kind != "sources":
            rows = {row[0] for row in book[SOURCES_SHEET].iter_rows(min_row=2, values_only=True)}
            assert rows == set(range(1, len(raw) + 1)), kind


def test_the_year_selector_marks_years_without_data():
    at = open_page(region="fenghua", year="2020")
    labels = at.selectbox(key="w_year").options
    assert "2020年" in labels and "2016年（无数据）" in labels


def test_targets_list_judged_first_and_filter_by_status():
    at = open_page("targets", year="2021")
    table = at.dataframe[0].value
    statuses = list(table["完成情况"])
    assert statuses.index("尚无实际数") > statuses.index("已完成"), "judged targets come first"
    at.get("button_group")[0].set_value(["met"]).run()
    assert set(at.dataframe[0].value["完成情况"]) == {"已完成"}


def test_the_scorecard_judges_the_2025_targets_with_the_2025_actuals():
    at = open_page("targets", year="2025")
    text = shown(at)
    assert "“十四五”目标完成情况(2021–2025年)" in text
    score = at.dataframe[-1].value
    gdp = score[score["指标"].eq("地区生产总值")].iloc[0]
    assert gdp["完成情况"] == "已完成" and gdp["最近实际数"].endswith("(2025年)")


def test_a_url_the_browser_changes_back_restores_that_view():
    """Back and forward change the query string and rerun: the view follows the URL."""
    at = open_page(year="2021")
    at.selectbox(key="w_year").set_value(2020).run()
    assert at.query_params["year"] in ("2020", ["2020"])
    at.query_params["year"] = "2021"
    at.run()
    assert at.selectbox(key="w_year").value == 2021
    assert at.subheader[0].value == "宁波市 · 2021年"
