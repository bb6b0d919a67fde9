"""Chart builders: title, axis titles with units, source footnote, hover, template, marks and colours."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.charts import figures_for, ledger_figure, progress_figure, region_figure, trend_figure
from metrics.charts.theme import BAR_COLOUR, FONT_FAMILY, HIGHLIGHT_COLOUR, TEMPLATE, RegionStyle, region_style
from metrics.charts.trends import LOWER_BOUND_SYMBOL, UPPER_BOUND_SYMBOL
from metrics.figures import comparison
from metrics.load.schema import MARKER_SYMBOLS, Region
from tests.metrics.builders import REGIONS, build_frames, obs


@pytest.fixture
def frames(tmp_path):
    return build_frames(tmp_path, [
        obs("ningbo", "gdp", 2020, 12408.7),
        obs("ningbo", "gdp", 2021, 14594.9),
        obs("ningbo", "gdp", 2025, 1.7, kind="target", unit="万亿元"),
        obs("ningbo", "gdp_growth", 2020, 3.3),
        obs("ningbo", "gdp_growth", 2021, 8.2),
        obs("ningbo", "gdp_growth", 2021, 7, kind="target"),
        obs("ningbo", "gdp_growth", 2020, 6.4, period="average", start_year=2016),
        obs("ningbo", "gdp_growth", 2020, -7, period="Q1"),
        obs("ningbo", "fiscal_revenue", 2020, 1510.8),
        obs("ningbo", "fiscal_revenue", 2021, 1723.1),
        obs("ningbo", "rd_intensity", 2021, 3, kind="target"),
        obs("ningbo", "urbanization_rate", 2020, 75.0),
        obs("ningbo", "urbanization_rate", 2021, 78.4),
        obs("ningbo", "urbanization_rate", 2021, 76, kind="target"),
        obs("ningbo", "registered_unemployment_rate", 2021, 2.31),
        obs("ningbo", "registered_unemployment_rate", 2021, 3.5, kind="target", comparator="at_most"),
        obs("yuyao", "gdp", 2021, 1441.5),
        obs("yuyao", "gdp_growth", 2021, 7.1),
        obs("cixi", "gdp", 2021, 2379.2),
        obs("haishu", "gdp", 2022, 1500, comparator="above"),
        obs("ningbo_zhoushan_port", "port_cargo_throughput", 2021, 12.24),
    ])


def _footnote(fig: go.Figure) -> str:
    notes = [a.text for a in fig.layout.annotations if a.text.startswith(("来源", "Source"))]
    assert len(notes) == 1
    return notes[0]


def _common(fig: go.Figure, lang: str) -> None:
    assert fig.layout.template == TEMPLATE
    assert fig.layout.title.text
    assert fig.layout.meta["indicators"] and fig.layout.meta["sources"]
    axis_titles = [fig.layout[name].title.text for name in fig.layout if name.startswith(("xaxis", "yaxis"))]
    assert any(axis_titles)
    assert ("测试统计公报" if lang == "zh" else "“测试统计公报”") in _footnote(fig)


def test_template_font_and_palette():
    assert TEMPLATE.layout.font.family == FONT_FAMILY and FONT_FAMILY.startswith("Noto Sans CJK SC")
    assert region_style("somewhere_new") == region_style("somewhere_new"), "an unstyled region keeps one style"
    styled = Region(id="ningbo", name_zh="宁波市", name_en="Ningbo", level="city", parent=None, colour="#123456", symbol="star")
    assert region_style("ningbo", styled) == RegionStyle("#123456", "star")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ledger_chart(frames, lang):
    fig = ledger_figure(frames, "ningbo", 2021, lang)
    _common(fig, lang)
    names = {t.name for t in fig.data if t.name}
    assert ("已完成" if lang == "zh" else "met") in names
    targets = [t for t in fig.data if t.marker and t.marker.symbol == "diamond-open"]
    assert targets and all(len(t.x) == len(t.y) for t in targets)
    labels = {y for t in fig.data for y in (t.y or ()) if y}
    assert ("研发投入强度" if lang == "zh" else "R&D intensity") not in labels, "no actual: not in the chart"
    status_texts = {text for t in fig.data if t.mode == "text" for text in t.text}
    assert any(("已完成" if lang == "zh" else "met") in text for text in status_texts), "status as text, not only colour"
    hover = " ".join(h for t in fig.data for h in (t.hovertext or ()))
    assert ("目标" if lang == "zh" else "target") in hover and ("实际" if lang == "zh" else "actual") in hover
    assert "2021" in hover and "%" in hover
    assert fig.layout.xaxis.title.text == "%"


def test_a_ledger_row_names_its_target_above_the_dumbbell_and_leaves_the_width_to_the_axis(real_frames):
    """At 390 px the names beside the rows took half the width, and the axes' labels stood on end
    across the next row: names are written above each dumbbell, wide numbers get at most four ticks,
    and the right margin is the status labels' own width."""
    from metrics.charts.ledger import STATUS_ROOM_PX

    fig = ledger_figure(real_frames, "ningbo", 2025, "zh")
    layout = fig.to_dict()["layout"]
    y_axes = [v for k, v in layout.items() if k.startswith("yaxis")]
    assert y_axes and all(axis.get("showticklabels") is False for axis in y_axes)
    names = {a["text"] for a in layout["annotations"] if a.get("xref", "").endswith("domain")}
    rows = {y for t in fig.data if t.mode == "markers" for y in t.y}
    assert names == rows and "人均地区生产总值" in names, "every row is named, once"
    assert all(a["yanchor"] == "bottom" and a["yshift"] > 0 for a in layout["annotations"] if a["text"] in names)
    assert fig.layout.margin.l < 40, "no room kept for names beside the rows"
    wide = [v for k, v in layout.items() if k.startswith("xaxis") and v.get("title", {}).get("text") == "元"]
    assert wide and wide[0].get("nticks") == 4, "190,000: four ticks at most"
    assert fig.layout.margin.r < 110 and fig.layout.margin.r >= 4 * 13 + STATUS_ROOM_PX, "预计完成 fits, no more"
    english = ledger_figure(real_frames, "ningbo", 2025, "en")
    assert english.layout.margin.r > fig.layout.margin.r, "provisionally met is wider than 预计完成"


def test_ledger_chart_is_none_without_actuals(frames):
    assert ledger_figure(frames, "yuyao", 2021, "zh") is None


def test_progress_chart(frames):
    fig = progress_figure(frames, "ningbo", "zh")
    _common(fig, "zh")
    assert "本站根据上述来源计算" in _footnote(fig)
    bars = [t for t in fig.data if t.type == "bar"]
    assert {t.name for t in bars} == {"目标所需年均增长", "2020年至最新已达到"}
    required = next(t for t in bars if t.name == "目标所需年均增长")
    assert required.text[0] == "+6.5%", "(17000 ÷ 12408.7)^(1/5) − 1, from the 2020 base"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trend_chart_marks(frames, lang):
    fig = trend_figure(frames, ["ningbo", "yuyao"], ["gdp_growth", "gdp"], lang, 2021)
    _common(fig, lang)
    traces = list(fig.data)
    segment = next(t for t in traces if t.text and any("2016" in (x or "") for x in t.text))
    assert list(segment.x) == [2016, 2018, 2020] and set(segment.y) == {6.4}, "an average spans its years"
    assert list(segment.text) == ["", segment.text[1], ""] and "2016" in segment.text[1], "labelled at its middle"
    assert segment.cliponaxis is False, "a label near the edge runs past it rather than being cut"
    targets = [t for t in traces if t.marker.symbol == "diamond-open"]
    assert targets and all(t.line.dash == "dash" for t in targets)
    ningbo_actual = next(t for t in traces if t.name == ("宁波市" if lang == "zh" else "Ningbo"))
    assert ningbo_actual.line.color == "#0072B2", "the colour the data gives the region"
    assert ningbo_actual.marker.symbol == "circle"
    assert -7 not in list(ningbo_actual.y), "a quarter is not drawn as a year"
    years = {x for t in traces for x in t.x}
    assert years <= set(range(2016, 2026))
    hover = " ".join(h for t in traces for h in (t.hovertext or ()))
    assert ("实际" if lang == "zh" else "actual") in hover and ("目标" if lang == "zh" else "target") in hover
    if lang == "en":
        gdp = next(t for t in traces if t.name == "Ningbo" and 1459.49 in list(t.y))
        assert gdp is not None
        assert "CNY billion" in fig.layout.yaxis2.title.text


def test_trend_chart_marks_derived_values(frames):
    fig = trend_figure(frames, ["ningbo"], ["fiscal_revenue_growth"], "zh")
    derived = [t for t in fig.data if t.name and "推算" in t.name]
    assert derived and derived[0].marker.symbol == "circle-open" and derived[0].line.dash == "dot"
    assert "部分数值由本站推算" in _footnote(fig)


def test_trend_chart_is_none_without_data(frames):
    assert trend_figure(frames, ["cixi"], ["rd_intensity"], "zh") is None


def test_region_chart_ranks_one_year_only_and_leaves_out_city_and_port(frames):
    comp = comparison.comparison(frames, "gdp", 2021)
    fig = region_figure(frames, comp, "zh", ["yuyao"])
    _common(fig, "zh")
    bar = fig.data[0]
    assert list(bar.y) == ["慈溪市", "余姚市"] and list(bar.x) == [2379.2, 1441.5]
    assert list(bar.marker.color) == [BAR_COLOUR, HIGHLIGHT_COLOUR], "one colour, the chosen region highlighted"
    assert fig.layout.title.subtitle.text.endswith("3个区(县、市)中2个有数据;无数据:海曙区")
    assert comp.missing == ["haishu"]
    assert comp.other_years["year"].tolist() == [2022]
    assert comp.city["value"].tolist() == [14594.9]
    notes = comparison.comparison_notes(frames, comp, "zh")
    assert any("海曙区 2022年" in note and "不参与排名" in note for note in notes)
    assert any("全市" in note for note in notes)


def test_region_chart_labels_the_port(frames):
    comp = comparison.comparison(frames, "port_cargo_throughput", 2021)
    assert comp.ranked.empty and region_figure(frames, comp, "zh") is None
    notes = comparison.comparison_notes(frames, comp, "en")
    assert any("is a port, not a district" in note for note in notes)


def test_data_text_is_escaped_in_charts(tmp_path):
    regions = [dict(r) for r in REGIONS]
    regions[1]["name_zh"] = "<b>余姚</b>"
    frames = build_frames(tmp_path, [obs("ningbo", "gdp", 2021, 1.0), obs("yuyao", "gdp", 2021, 2.0)], regions=regions)
    fig = region_figure(frames, comparison.comparison(frames, "gdp", 2021), "zh")
    assert "&lt;b&gt;余姚&lt;/b&gt;" in fig.data[0].y


def test_the_catalogue_names_every_chart(real_frames):
    charts = list(figures_for(real_frames, "ningbo", 2021, "zh"))
    assert [name for name, _ in charts] == ["目标与完成", "“十四五”目标完成情况(2021–2025年)", "趋势", "区域对比", "同类城市对比"]
    assert [name for name, _ in figures_for(real_frames, "yuyao", 2021, "zh")][-1] == "区域对比", "peers: the city only"
    assert all(isinstance(fig, go.Figure) and fig.layout.template == TEMPLATE for _, fig in charts)


def test_the_heatmap_leaves_gaps_blank_and_shows_bounds_as_bounds(tmp_path):
    from metrics.charts import heatmap_figure
    from tests.metrics.builders import build_frames, obs

    frames = build_frames(tmp_path, [obs("yuyao", "gdp", 2019, 1100.0), obs("yuyao", "gdp", 2021, 1441.5),
                                     obs("haishu", "gdp", 2021, 1000, comparator="above"), obs("ningbo", "gdp", 2021, 14594.9)])
    fig = heatmap_figure(frames, "gdp", "zh")
    cells = fig.data[0]
    assert list(cells.x) == ["2019", "2020", "2021"]
    rows = dict(zip(cells.y, cells.text, strict=True))
    assert list(rows["余姚市"]) == ["1100", "", "1441.5"], "2020 is a gap, not joined or guessed"
    assert rows["海曙区"][2] == "&gt;1000", "escaped for Plotly, shown as >1000"
    assert "宁波市" not in rows, "the city is not one of the districts"
    assert "3个区(县、市)中2个有数据" in fig.layout.title.subtitle.text


def test_the_trend_line_stops_at_gaps_and_breaks_and_names_a_revision(tmp_path):
    from metrics.charts import trend_figure
    from tests.metrics.builders import build_frames, obs

    frames = build_frames(tmp_path, [
        obs("ningbo", "urbanization_rate", 2019, 73.6), obs("ningbo", "urbanization_rate", 2020, 74.0),
        obs("ningbo", "urbanization_rate", 2021, 78.4), obs("ningbo", "urbanization_rate", 2023, 79.9),
        obs("ningbo", "gdp", 2023, 16452.8, source="report", cross_source="revised"),
        obs("ningbo", "gdp", 2023, 17146.6, cross_source="revised"), obs("ningbo", "gdp", 2022, 15704.3),
    ])
    urban = trend_figure(frames, ["ningbo"], ["urbanization_rate"], "zh")
    line = next(t for t in urban.data if t.name == "宁波市")
    assert list(line.x) == [2019, 2020, None, 2021, None, 2023]
    assert any(getattr(s, "x0", None) == 2020.5 for s in urban.layout.shapes), "the census break is marked"
    gdp = trend_figure(frames, ["ningbo"], ["gdp"], "en")
    line = next(t for t in gdp.data if t.name == "Ningbo")
    point = line.hovertext[list(line.x).index(2023)]
    assert "CNY 1,714.66 billion" in point and "first published as CNY 1,645.28 billion (2022-01-20)" in point


def test_one_wrapping_rule_breaks_after_a_separator_and_counts_cjk_as_one_em():
    from metrics.text.text_width import em_width, wrap

    assert em_width("宁波ab") == 3.0 and em_width("ab", latin_em=0.55) == pytest.approx(1.1)
    lines = wrap("来源:《宁波市统计公报》(宁波市统计局,2025-03-01);《宁波日报》", 20)
    assert all(em_width(line) <= 20 for line in lines) and len(lines) == 2
    assert lines == ["来源:《宁波市统计公报》(宁波市统计局,", "2025-03-01);《宁波日报》"], "broken after a separator, not inside a date"


def test_an_actual_published_as_a_bound_is_not_joined_to_the_line(tmp_path):
    bounded = build_frames(tmp_path, [obs("haishu", "gdp", 2020, 1400.0), obs("haishu", "gdp", 2021, 1000.0, comparator="above"),
                                      obs("haishu", "gdp", 2022, 1500.0)])
    fig = trend_figure(bounded, ["haishu"], ["gdp"], "zh", 2021)
    line = next(t for t in fig.data if t.name == "海曙区")
    assert 1000.0 not in list(line.y) and list(line.x) == [2020, None, 2022], "the line has a gap at the bound"
    bound = next(t for t in fig.data if t.name.startswith("海曙区(仅公布"))
    assert bound.mode == "markers" and list(bound.y) == [1000.0] and bound.marker.symbol[0] == "arrow-bar-up-open"
    assert not {LOWER_BOUND_SYMBOL, UPPER_BOUND_SYMBOL} & set(MARKER_SYMBOLS), "a bound never looks like a region's point"


def test_a_long_subtitle_wraps_and_the_chart_makes_room_for_it(frames):
    from metrics.charts.common import SUBTITLE_EM, frame
    from metrics.text.text_width import em_width

    short = frame(go.Figure(), title="t", subtitle="短", footnote="", meta={}, height=300)
    long = frame(go.Figure(), title="t", subtitle="无数据:" + "、".join(["海曙区"] * 30), footnote="", meta={}, height=300)
    lines = long.layout.title.subtitle.text.split("<br>")
    assert len(lines) > 1 and all(em_width(line) <= SUBTITLE_EM for line in lines)
    assert long.layout.margin.t - short.layout.margin.t == 20 * (len(lines) - 1)


def test_a_decade_lets_plotly_space_the_year_ticks_and_a_few_years_tick_every_year(tmp_path):
    """Every year of 2010-2026 as a tick stood on end and crowded on a phone; a short span keeps
    every year (Plotly's own spacing could put a tick between two years)."""
    decade = build_frames(tmp_path, [obs("ningbo", "gdp", year, 1000.0 + year) for year in (2011, 2015, 2025)])
    few = build_frames(tmp_path, [obs("ningbo", "gdp", year, 1000.0 + year) for year in (2022, 2023, 2025)], name="few.yaml")
    long = trend_figure(decade, ["ningbo"], ["gdp"], "zh", 2025)
    short = trend_figure(few, ["ningbo"], ["gdp"], "zh", 2025)
    assert long.layout.xaxis.dtick is None and long.layout.xaxis.tickformat == "d"
    assert short.layout.xaxis.dtick == 1 and short.layout.xaxis.tickformat == "d"


def test_a_caliber_breaks_line_counts_in_the_span_of_years(real_frames):
    """Yinzhou's GDP from 2018 with its 2016 boundary change drawn at 2015.5: every year of 2012-2026 as
    a tick stood on end at 390 px, though its figures span only 2018-2025."""
    fig = trend_figure(real_frames, ["yinzhou"], ["gdp"], "en", 2024)
    assert any(shape.x0 == 2015.5 for shape in fig.layout.shapes), "the break is drawn"
    assert fig.layout.xaxis.dtick is None


def test_an_average_lower_than_the_one_before_is_labelled_below_it(tmp_path):
    frames = build_frames(tmp_path, [obs("ningbo", "gdp_growth", 2015, 8.9, period="average", start_year=2011),
                                     obs("ningbo", "gdp_growth", 2020, 6.4, period="average", start_year=2016),
                                     obs("ningbo", "gdp_growth", 2021, 5.7, period="average", start_year=2020),
                                     obs("ningbo", "gdp_growth", 2025, 5.9, period="average", start_year=2021)])
    fig = trend_figure(frames, ["ningbo"], ["gdp_growth"], "zh", 2021)
    segments = sorted((t for t in fig.data if t.text and any(t.text)), key=lambda t: t.x[0])
    assert [t.textposition for t in segments] == ["top center", "bottom center", "bottom center", "top center"]
    assert all(t.textfont.shadow == "auto" for t in segments), "a label keeps a halo where a line crosses it"


def _naive_wrap(text: str, width_em: float, latin_em: float = 0.5) -> list[str]:
    """The wrapping rule as first written: the line measured again for every character."""
    import re

    from metrics.text.text_width import em_width

    lines: list[str] = []
    current = ""
    for token in re.split(r"(?<=[;；,，、 ])", text):
        if current and em_width(current + token, latin_em) > width_em:
            lines.append(current.rstrip())
            current = ""
        for ch in token:
            if current and em_width(current + ch, latin_em) > width_em:
                lines.append(current.rstrip())
                current = ""
            current += ch
    if current.strip():
        lines.append(current.rstrip())
    return lines


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="宁波市统计局，；、 abXY09（）《》;,-", max_size=200),
       width=st.sampled_from([3, 10.5, 20, 42, 64]), latin=st.sampled_from([0.5, 0.55]))
def test_wrapping_as_a_line_grows_breaks_where_measuring_it_again_did(text, width, latin):
    from metrics.text.text_width import wrap

    assert wrap(text, width, latin) == _naive_wrap(text, width, latin)


def _every_chart(frames) -> list[go.Figure]:
    from metrics.charts import coverage_figure, heatmap_figure
    from metrics.charts.sparkline import sparkline

    charts = [fig for _, fig in figures_for(frames, "ningbo", 2021, "zh")]
    charts += [heatmap_figure(frames, "gdp", "zh"), coverage_figure(frames, "en"),
               sparkline([(2020, 1.0), (2021, 2.0)], 2021, "#0072B2")]
    return [fig for fig in charts if fig is not None]


def test_the_template_keeps_the_defaults_of_the_traces_drawn_and_no_more(real_frames):
    from metrics.charts.theme import DRAWN_TRACES

    drawn = {trace.type for fig in _every_chart(real_frames) for trace in fig.data}
    assert drawn <= set(DRAWN_TRACES), f"a chart draws {drawn - set(DRAWN_TRACES)}: add it to DRAWN_TRACES"
    assert set(TEMPLATE.to_plotly_json()["data"]) == set(DRAWN_TRACES)
    assert "polar" not in TEMPLATE.to_plotly_json()["layout"] and len(str(TEMPLATE.to_plotly_json())) < 4000


def test_the_screen_copy_is_not_validated_again_and_needs_not_be(real_frames):
    from metrics.charts.common import for_screen

    for fig in _every_chart(real_frames):
        shown = for_screen(fig)[0]
        assert go.Figure(shown.to_dict()).to_dict() == shown.to_dict(), "validation would change the copy"
        if fig.layout.meta and "screen" in fig.layout.meta:
            assert shown is not fig and shown.layout.title.text is None and fig.layout.title.text, "the built figure is kept"
