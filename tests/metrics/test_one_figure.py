"""One figure, one truth: every view of a fact shows the same value, bound and verdict.

The views are built the way the pages and exports build them (the ledger's and the scorecard's
rows, the data table, the sentence, the heatmap's cell, the ranking's bar, the trends' hover),
and each is held to the figure the renderer makes of the fact.
"""

from __future__ import annotations

import html
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metrics.charts.catalogue import comparison_figure, heatmap_figure, trend_figure
from metrics.figures import figure, queries
from metrics.figures.comparison import comparison, comparison_notes
from metrics.text import display, render
from metrics.text.sentences import indicator_sentence
from tests.metrics.builders import build_frames, obs

BOUNDS = (None, "above", "at_least", "reach")


def _texts(fig_json: dict) -> str:
    """Every text a chart carries (cells, bar labels, hovers), as one string."""
    found = []
    for trace in fig_json["data"]:
        for key in ("text", "hovertext"):
            value = trace.get(key)
            if isinstance(value, list):
                found += [str(v) for row in value for v in (row if isinstance(row, list) else [row])]
            elif value:
                found.append(str(value))
    return html.unescape(" ".join(found))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actual=st.sampled_from([1000, 1441.5, 2135]), bound=st.sampled_from(BOUNDS),
       target=st.sampled_from([900, 1441.5, 1800]), comparator=st.sampled_from(["above", "at_least", "about"]))
def test_every_view_of_a_fact_reads_the_same(tmp_path_factory, actual, bound, target, comparator):
    extra = {"comparator": bound} if bound else {}
    frames = build_frames(tmp_path_factory.mktemp("one"), [
        obs("yuyao", "gdp", 2020, 1220.7),
        obs("yuyao", "gdp", 2025, actual, **extra),
        obs("yuyao", "gdp", 2025, target, kind="target", comparator=comparator, source="report"),
    ])
    fact = frames.facts[frames.facts["kind"].eq("actual") & frames.facts["year"].eq(2025)].iloc[0].to_dict()
    fig = figure.of_fact(fact)
    assert fig.is_bound == bool(bound)
    zh, en = render.value(fig, "zh"), render.value(fig, "en")
    # the ledger and the scorecard: one judge, one actual
    ledger = queries.ledger_for(frames, "yuyao", 2025)
    row = ledger.iloc[0].to_dict()
    card = queries.progress_for(frames, "yuyao")
    assert len(card) == 1
    assert card.iloc[0]["status"] == row["status"] and bool(card.iloc[0]["verdict"])
    assert display.actual_text(row, "zh") == zh
    assert any(zh in str(v) for v in display.progress_table(card, "zh").iloc[0].to_dict().values())
    # the data table, the sentence and the charts
    assert display.value_text(fact, "en") == en
    sentence = indicator_sentence(frames, "yuyao", 2025, "gdp", "zh")
    assert sentence is not None and zh.split("（")[0] in sentence
    cell = render.cell(fig, "zh")
    assert cell.startswith(fig.bound_sign) and (fig.bound_sign != "") == bool(bound)
    heat = heatmap_figure(frames, "gdp", "zh")
    assert heat is not None and cell in _texts(json.loads(heat.to_json()))
    bar = comparison_figure(frames, "gdp", 2025, "zh")
    assert bar is not None and render.label(fig, "zh") in _texts(json.loads(bar.to_json()))
    trend = trend_figure(frames, ["yuyao"], ["gdp"], "zh", 2025)
    assert trend is not None and render.in_unit(fig, "zh") in _texts(json.loads(trend.to_json()))


def test_a_bound_is_never_shown_as_the_exact_figure(tmp_path):
    """均达千亿 (recorded as reach 1000亿元) reads ≥1000 in the cell and ≥1000亿元 in words, never 1000."""
    frames = build_frames(tmp_path, [obs("yuyao", "gdp", 2025, 1000, comparator="reach"),
                                     obs("cixi", "gdp", 2025, 2500), obs("cixi", "gdp", 2024, 2400)])
    heat = json.loads(heatmap_figure(frames, "gdp", "zh").to_json())
    assert "≥1000" in _texts(heat)
    notes = " ".join(comparison_notes(frames, comparison(frames, "gdp", 2024), "zh"))
    assert "≥1000亿元" in notes and "：1000亿元" not in notes and ": 1000亿元" not in notes
    sentence = indicator_sentence(frames, "yuyao", 2025, "gdp", "zh")
    assert sentence == "2025年，余姚市地区生产总值≥1000亿元。"


def test_the_scorecard_judges_a_bound_as_the_ledger_does(real_frames):
    """高新技术企业数: 1万家以上 against 突破6000 is met in the ledger and in the scorecard alike."""
    ledger = real_frames.ledger
    judged = ledger[ledger["year"].eq(2025) & ledger["period"].eq("annual") & ledger["status"].ne("no_actual")]
    card = real_frames.progress
    for row in judged.to_dict("records"):
        same = card[card["region_id"].eq(row["region_id"]) & card["indicator_id"].eq(row["indicator_id"])
                    & card["target_source"].eq(row["target_source"])]
        for scored in same.to_dict("records"):
            assert scored["status"] == row["status"] and scored["verdict"], (row["indicator_id"], row["region_id"])


def test_values_read_as_written(real_frames):
    """1.87万亿元 stays 1.87万亿元 (not 18700亿元), 19万元 stays 19万元, wherever a row is worded."""
    scorecard = display.progress_table(queries.progress_for(real_frames, "ningbo"), "zh")
    text = " ".join(str(v) for v in scorecard.to_numpy().ravel())
    assert "18700亿元" not in text and "190000元" not in text


def test_conflicting_values_are_never_joined(tmp_path):
    frames = build_frames(tmp_path, [obs("cixi", "gdp", 2019, 1900),
                                     obs("cixi", "gdp", 2020, 2008.3, cross_source="conflicts"),
                                     obs("cixi", "gdp", 2020, 2135, cross_source="conflicts", source="report"),
                                     obs("cixi", "gdp", 2021, 2300)])
    trend = json.loads(trend_figure(frames, ["cixi"], ["gdp"], "zh", 2021).to_json())
    for trace in trend["data"]:
        xs = [x for x in trace.get("x", []) if x is not None]
        if "lines" in str(trace.get("mode")):
            assert xs.count(2020) <= 1, "two values of one year joined by a line"
    conflicted = [t for t in trend["data"] if t.get("mode") == "markers" and 2020 in t.get("x", [])]
    assert conflicted and all("来源不一致" in str(t.get("hovertext")) for t in conflicted)
    heat = _texts(json.loads(heatmap_figure(frames, "gdp", "zh").to_json()))
    assert "2008.3" in heat and "2135" in heat


def test_a_boundary_break_is_marked_in_the_heatmap(real_frames):
    heat = json.loads(heatmap_figure(real_frames, "gdp", "zh").to_json())
    lines = [s for s in heat["layout"].get("shapes", []) if s.get("type") == "line"]
    assert lines, "Haishu's and Yinzhou's 2016 boundary change is not drawn"
    assert "口径断点" in heat["layout"]["title"]["subtitle"]["text"].replace("<br>", "")


def test_the_nearest_years_are_the_years_the_sparkline_draws(real_frames):
    from metrics.view_models.overview_cards import overview_cards
    for card in overview_cards(real_frames, "ningbo", 2025, "zh"):
        if card.value is None and card.history:
            drawn = {year for year, _ in card.history}
            assert set(card.nearest_years) <= drawn
            assert max(card.nearest_years) == max(y for y in drawn if y != 2025)
