"""The shipped dataset: it loads, every quote verifies, and spot checks hold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from metrics.load.dataset import DEFAULT_DATA, find_problems
from metrics.load.provenance import PROJECT_ROOT
from metrics.load.schema import CitedSource

FACTS = Path(os.environ.get("METRICS_FACTS", PROJECT_ROOT.parent / "shared" / "facts" / "official-results-2021.json"))
FACT_REGIONS = {"宁波市": "ningbo", "北仑区": "beilun", "镇海区": "zhenhai", "慈溪市": "cixi", "海曙区": "haishu",
                "江北区": "jiangbei", "宁波舟山港": "ningbo_zhoushan_port", "鄞州区": "yinzhou", "余姚市": "yuyao",
                "象山县": "xiangshan"}
EXCLUDED_FACTS: dict[tuple, str] = {}
MOVED_FACTS = {("beilun", "gdp_per_capita", 2021, 459323): "gdp_per_capita_registered",
               ("ningbo", "air_quality_good_days_ratio", 2021, 95.9): "air_quality_good_days_ratio_central",
               ("ningbo", "air_quality_good_days_ratio", 2021, 95.8): "air_quality_good_days_ratio_central"}
"""Facts recorded under another indicator after an audit: Beilun's figure is per registered
resident; the good-air shares are the central city's."""
"""Facts deliberately not in the dataset: (region, indicator, year, value) -> why. Empty: all 134 are in."""


def test_shipped_data_has_no_problem():
    assert [str(p) for p in find_problems(DEFAULT_DATA)] == []


def test_every_region_of_ningbo_is_listed(real_dataset):
    names = {r.name_zh for r in real_dataset.regions}
    assert {"宁波市", "海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县"} <= names


def _value(frames, region, indicator, year, kind="actual", period="annual", provenance=None):
    table = frames.table
    rows = table[(table.region_id == region) & (table.indicator_id == indicator) & (table.year == year)
                 & (table.kind == kind) & (table.period == period) & ~table.derived]
    if provenance:
        rows = rows[rows.provenance == provenance]
    assert not rows.empty, (region, indicator, year, kind)
    return rows


@pytest.mark.parametrize(("region", "indicator", "year", "value", "unit"), [
    ("ningbo", "gdp_growth", 2020, 3.3, "%"),
    ("yuyao", "gdp", 2020, 1220.7, "亿元"),
    ("ningbo", "gdp", 2021, 14594.9, "亿元"),
    ("ningbo", "fiscal_revenue", 2020, 1510.8, "亿元"),
])
def test_spot_checks(real_frames, region, indicator, year, value, unit):
    rows = _value(real_frames, region, indicator, year)
    assert (rows["value"] == value).all() and (rows["unit"] == unit).all()


def test_ningbo_2020_gdp_first_release_is_kept_beside_the_2026_report_figure(real_frames):
    quoted = _value(real_frames, "ningbo", "gdp", 2020, provenance="quoted")
    assert (quoted["value"] == 12408.7).all() and (quoted["unit"] == "亿元").all()
    facts = real_frames.facts
    fact = facts[(facts.region_id == "ningbo") & (facts.indicator_id == "gdp") & (facts.year == 2020)
                 & (facts.kind == "actual") & (facts.period == "annual")].iloc[0]
    assert fact["revised"] and fact["value"] == 1.31 and fact["first_value"] == 12408.7


def test_quoted_rows_carry_their_quote_and_cited_rows_never_do(real_frames):
    table = real_frames.table
    quoted, cited = table[table.provenance == "quoted"], table[table.provenance == "cited"]
    assert quoted["quote"].notna().all() and not quoted.empty
    assert cited["quote"].isna().all() and cited["source_url"].notna().all() and not cited.empty
    assert set(table["provenance"]) <= {"quoted", "cited", "derived"}


def test_ningbo_2021_gdp_is_one_fact_with_several_sources(real_frames):
    facts = real_frames.facts
    rows = facts[(facts.region_id == "ningbo") & (facts.indicator_id == "gdp") & (facts.year == 2021) & (facts.kind == "actual")]
    assert len(rows) == 1 and rows.iloc[0]["n_sources"] >= 2 and rows.iloc[0]["value"] == 14594.9


def test_headline_2021_targets_of_ningbo(real_frames):
    ledger = real_frames.ledger
    ningbo = ledger[(ledger.region_id == "ningbo") & (ledger.year == 2021) & (ledger.period == "annual")]
    growth = ningbo[ningbo.indicator_id == "gdp_growth"].iloc[0]
    assert growth["target_value"] == 7 and growth["actual_value"] == 8.2 and growth["status"] == "met"
    assert growth["gap"] == pytest.approx(1.2)
    rd = ningbo[ningbo.indicator_id == "rd_intensity"].iloc[0]
    assert rd["status"] == "provisionally_met"
    for indicator in ("cpi_growth", "new_urban_jobs"):
        assert (ningbo[ningbo.indicator_id == indicator]["status"] == "no_actual").all(), indicator
    with_actuals = ningbo[ningbo.status != "no_actual"]
    assert {"gdp_growth", "urbanization_rate", "registered_unemployment_rate", "rd_intensity"} <= set(with_actuals.indicator_id)


def test_yuyao_2021_targets_have_no_actual_yet(real_frames):
    ledger = real_frames.ledger
    yuyao = ledger[(ledger.region_id == "yuyao") & (ledger.year == 2021)]
    assert not yuyao.empty
    assert set(yuyao["status"]) <= {"no_actual", "needs_judgement"}


@pytest.mark.skipif(not FACTS.exists(), reason="needs ../shared/facts")
def test_every_official_fact_is_in_the_dataset_with_its_citation(real_frames, real_dataset):
    facts = json.loads(FACTS.read_text(encoding="utf-8"))
    assert len(facts) == 134
    table = real_frames.table
    cited = table[table.provenance == "cited"]
    missing = []
    for fact in facts:
        key = (FACT_REGIONS[fact["region"]], fact["indicator"], fact["year"], fact["value"])
        if key in EXCLUDED_FACTS:
            continue
        indicator = MOVED_FACTS.get(key, key[1])
        rows = cited[(cited.region_id == key[0]) & (cited.indicator_id == indicator) & (cited.year == key[2])
                     & (cited.value == key[3]) & (cited.unit == fact["unit"]) & (cited.source_url == fact["source"]["url"])]
        if len(rows) != 1:
            missing.append(key)
        elif fact["kind"] == "estimate":
            assert bool(rows.iloc[0]["provisional"]), key
    assert missing == []
    assert cited[(cited.region_id == "beilun") & (cited.indicator_id == "gdp_per_capita")].empty


def test_every_cited_record_has_a_url_and_its_source_a_date_or_a_note(real_dataset):
    for source in real_dataset.sources:
        if isinstance(source, CitedSource):
            assert source.url.startswith(("http://", "https://")), source.id
            assert source.date or source.note, source.id


def test_a_cited_record_can_never_pass_as_quoted(real_dataset, tmp_path):
    import shutil

    shutil.copytree(Path(real_dataset.path).parent, tmp_path / "data")
    text = Path(real_dataset.path).read_text(encoding="utf-8")
    cited_ids = [s.id for s in real_dataset.sources if s.provenance == "cited"]
    assert cited_ids
    forged = text.replace(f"  - id: {cited_ids[0]}\n    provenance: cited", f"  - id: {cited_ids[0]}\n    provenance: quoted", 1)
    assert forged != text
    path = tmp_path / "data" / "forged.yaml"
    path.write_text(forged, encoding="utf-8")
    messages = " ".join(p.message for p in find_problems(path))
    assert "sha256" in messages or "missing" in messages


def test_lower_bound_and_conflict_and_port_are_kept_apart(real_frames):
    table = real_frames.table
    fiscal = _value(real_frames, "ningbo", "total_fiscal_revenue", 2021, provenance="cited")
    assert (fiscal["comparator"] == "above").all()
    air = _value(real_frames, "ningbo", "air_quality_good_days_ratio_central", 2021)
    assert sorted(air["value"]) == [95.8, 95.9] and (air["cross_source"] == "conflicts").all()
    ledger = real_frames.ledger
    city_air = ledger[(ledger.region_id == "ningbo") & (ledger.indicator_id == "air_quality_good_days_ratio") & (ledger.year == 2021)]
    assert list(city_air["status"]) == ["no_actual"], "the central city's figure does not judge the city-wide target"
    port = table[table.indicator_id == "port_container_throughput"]
    assert set(port.region_id) == {"ningbo_zhoushan_port"}
    regions = real_frames.regions.set_index("id")
    assert regions.loc["ningbo_zhoushan_port", "level"] == "port"


def test_year_2022_values_are_labelled_2022(real_frames):
    table = real_frames.table
    jiangbei = table[(table.region_id == "jiangbei") & (table.indicator_id == "gdp")
                     & (table.source_id == "jiangbei-2022-statistical-bulletin")]
    assert list(jiangbei["year"]) == [2022]


def test_derived_rows_say_how(real_frames):
    derived = real_frames.table[real_frames.table.derived]
    assert derived["derivation"].str.contains("computed here").all()
    assert (derived["provenance"] == "derived").all()
    assert pd.isna(derived["quote"]).all()


@pytest.mark.parametrize(("region", "indicator", "year", "value", "unit", "source"), [
    ("ningbo", "gdp", 2024, 18147.7, "亿元", "ningbo-2024-statistical-bulletin"),
    ("ningbo", "gdp", 2025, 1.87, "万亿元", "ningbo-2026-government-work-report"),
    ("ningbo", "gdp_growth", 2025, 4.9, "%", "ningbo-2025-plan-execution-report"),
    ("ningbo", "fiscal_revenue", 2025, 1795.23, "亿元", "ningbo-2025-budget-execution-report"),
    ("ningbo", "resident_population", 2024, 977.7, "万人", "ningbo-2024-statistical-bulletin"),
    ("ningbo_zhoushan_port", "port_container_throughput", 2022, 3335, "万标箱", "ningbo-zhoushan-port-2022-zgsyb"),
    ("zhenhai", "gdp", 2016, 754, "亿元", "zhenhai-2017-government-work-report"),
    ("yinzhou", "gdp", 2019, 2211, "亿元", "yinzhou-2019-plan-execution-report"),
    ("cixi", "gdp", 2024, 2929, "亿元", "cixi-14th-fyp-review-nbrb-2025-11-20"),
    ("xiangshan", "gdp", 2023, 770.15, "亿元", "xiangshan-2023-economy-statistics-bureau"),
    ("beilun", "gdp_per_capita_registered", 2021, 459323, "元", "beilun-2021-statistical-bulletin"),
    ("haishu", "gdp", 2015, 568.72, "亿元", "haishu-2016-government-work-report"),
])
def test_spot_checks_of_the_decade(real_frames, region, indicator, year, value, unit, source):
    """A dozen of the 2015–2025 figures, across years and districts, as their publications give them."""
    facts = real_frames.facts
    row = facts[(facts.region_id == region) & (facts.indicator_id == indicator) & (facts.year == year)
                & (facts.kind == "actual") & (facts.period == "annual")]
    assert len(row) == 1
    assert row.iloc[0]["value"] == pytest.approx(value) and row.iloc[0]["unit"] == unit
    assert source in row.iloc[0]["sources"].split("; ")


def test_a_revised_figure_shows_its_latest_vintage_and_keeps_both_sources(real_frames):
    facts = real_frames.facts
    gdp = facts[(facts.region_id == "ningbo") & (facts.indicator_id == "gdp") & (facts.year == 2023)
                & (facts.period == "annual") & (facts.kind == "actual")].iloc[0]
    assert gdp["value"] == 17146.6 and bool(gdp["revised"]) and gdp["first_value"] == 16452.8
    assert gdp["n_sources"] == 2 and gdp["sources"].startswith("ningbo-2024-statistical-bulletin")


def test_boundary_and_census_breaks_are_in_the_data(real_dataset):
    from metrics.frames import indicators as series

    haishu = real_dataset.region_by_id["haishu"]
    assert [b.year for b in series.breaks(haishu, real_dataset.indicator_by_id["gdp"])] == [2016]
    urban = real_dataset.indicator_by_id["urbanization_rate"]
    assert [b.year for b in series.breaks(real_dataset.region_by_id["ningbo"], urban)] == [2021]
