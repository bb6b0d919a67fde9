"""The URL form of a view: bad values give a notice and a default, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.view_models.query_state import (
    MAX_INDICATORS,
    Notice,
    Options,
    ViewState,
    default_state,
    is_valid,
    options_for,
    parse,
    revalidate,
    to_params,
)

REGIONS = {"ningbo": ("宁波市", "Ningbo"), "yuyao": ("余姚市", "Yuyao"), "ningbo_zhoushan_port": ("宁波舟山港", "Ningbo-Zhoushan Port")}
OPTIONS = options_for(REGIONS, [2015, 2020, 2021, 2025], ["output", "fiscal"], ["gdp", "gdp_growth", "fai", "cpi_growth",
                                                                                "fdi", "trade_total", "exports"])


def test_default_is_ningbo_2021_in_chinese():
    state, notices = parse({}, OPTIONS)
    assert state == ViewState(regions=("ningbo",), year=2021, category=None, lang="zh")
    assert notices == []


def test_year_range_covers_2016_2025_and_the_data():
    assert (OPTIONS.first_year, OPTIONS.last_year) == (2015, 2025)
    assert options_for(REGIONS, [], [], []).years == tuple(range(2016, 2026))


def test_a_full_view_round_trips():
    state = ViewState(regions=("yuyao", "ningbo"), year=2020, category="fiscal", lang="en", indicators=("gdp", "fai"),
                      compare="gdp_growth")
    assert parse(to_params(state), OPTIONS) == (state, [])


def test_unknown_region_is_dropped_with_a_notice():
    state, notices = parse({"region": "atlantis"}, OPTIONS)
    assert state.regions == ("ningbo",)
    assert notices == [Notice("region", "atlantis", "unknown_region")]
    state, notices = parse({"region": "yuyao,atlantis"}, OPTIONS)
    assert state.regions == ("yuyao",)
    assert [n.reason for n in notices] == ["unknown_region"]


def test_regions_by_name_case_and_repeated_parameters():
    assert parse({"region": ["Yuyao", "宁波市"]}, OPTIONS)[0].regions == ("yuyao", "ningbo")
    assert parse({"region": "yuyao,yuyao"}, OPTIONS)[0].regions == ("yuyao",)


def test_an_empty_region_list_is_a_valid_empty_selection():
    state, notices = parse({"region": ""}, OPTIONS)
    assert state.regions == () and notices == []


def test_year_out_of_range_and_garbled_year():
    state, notices = parse({"year": "1999"}, OPTIONS)
    assert state.year == 2021 and notices == [Notice("year", "1999", "year_out_of_range")]
    state, notices = parse({"year": "twenty"}, OPTIONS)
    assert state.year == 2021 and notices[0].reason == "garbled"
    assert parse({"year": "2020年"}, OPTIONS)[0].year == 2020


def test_language_category_and_indicators():
    assert parse({"lang": "EN"}, OPTIONS)[0].lang == "en"
    assert parse({"lang": "zh-CN"}, OPTIONS)[0].lang == "zh"
    state, notices = parse({"lang": "fr"}, OPTIONS)
    assert state.lang == "zh" and notices[0].reason == "unknown_language"
    state, notices = parse({"cat": "weather"}, OPTIONS)
    assert state.category is None and notices[0].reason == "unknown_category"
    state, notices = parse({"ind": "gdp,nope", "cmp": "nope"}, OPTIONS)
    assert state.indicators == ("gdp",) and state.compare is None
    assert [n.reason for n in notices] == ["unknown_indicator", "unknown_indicator"]


def test_too_many_indicators_are_cut_with_a_notice():
    many = ",".join(OPTIONS.indicators)
    state, notices = parse({"ind": many}, OPTIONS)
    assert len(state.indicators) == MAX_INDICATORS
    assert notices[-1].reason == "too_many"


def test_control_characters_and_huge_values_are_garbled_and_the_notice_is_short():
    state, notices = parse({"region": "yuyao\x00", "year": "2" * 5000}, OPTIONS)
    assert state == default_state(OPTIONS)
    assert {n.reason for n in notices} == {"garbled"}
    assert all(len(n.value) <= 40 for n in notices)


def test_values_that_are_not_text_are_garbled():
    state, notices = parse({"region": 3, "year": None, "lang": ["en", 5]}, OPTIONS)
    assert state == default_state(OPTIONS)
    assert [n.param for n in notices] == ["region", "lang"]


def test_a_dataset_without_ningbo_defaults_to_its_first_region():
    options = Options(regions=("sample", "east"))
    assert parse({}, options)[0].regions == ("sample",)
    assert parse({}, Options(regions=()))[0].regions == ()


def test_revalidate_keeps_a_valid_view_and_repairs_one_the_data_no_longer_has():
    state = ViewState(regions=("yuyao",), year=2020)
    assert revalidate(state, OPTIONS) == (state, [])
    smaller = Options(regions=("ningbo",), indicators=OPTIONS.indicators)
    repaired, notices = revalidate(state, smaller)
    assert repaired.regions == ("ningbo",) and notices[0].reason == "unknown_region"


_text = st.text(max_size=60) | st.text(alphabet="ningboyuaz_,2019 年%&<>", max_size=30)
_value = _text | st.lists(_text, max_size=4) | st.none() | st.integers() | st.binary(max_size=8)


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({}, optional={key: _value for key in ("region", "year", "cat", "lang", "ind", "cmp", "x")}))
def test_any_query_gives_a_valid_view_without_raising(params):
    state, notices = parse(params, OPTIONS)
    assert is_valid(state, OPTIONS)
    assert all(isinstance(n, Notice) for n in notices)


@settings(max_examples=200, deadline=None)
@given(st.builds(
    ViewState,
    regions=st.lists(st.sampled_from(OPTIONS.regions), unique=True).map(tuple),
    year=st.integers(OPTIONS.first_year, OPTIONS.last_year),
    category=st.none() | st.sampled_from(OPTIONS.categories),
    lang=st.sampled_from(["zh", "en"]),
    indicators=st.lists(st.sampled_from(OPTIONS.indicators), unique=True, max_size=MAX_INDICATORS).map(tuple),
    compare=st.none() | st.sampled_from(OPTIONS.indicators),
))
def test_every_valid_view_round_trips_through_the_url(state):
    assert parse(to_params(state), OPTIONS) == (state, [])


def test_a_notice_quotes_the_value_as_text_never_as_a_python_list():
    from metrics.view_models.query_state import Options, parse

    _, notices = parse({"ind": ["\x00\x01"]}, Options(regions=("ningbo",), indicators=("gdp",)))
    shown = [n.value for n in notices]
    assert shown == ["??"], shown
