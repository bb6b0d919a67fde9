import pandas as pd
import pytest

from metrics.frames.tidy import COLUMNS, consolidate, tidy_table

REQUIRED = ["region_id", "region_zh", "region_en", "indicator_id", "indicator_zh", "indicator_en", "category",
            "year", "period", "kind", "comparator", "value", "unit", "source_id", "quote"]


def test_required_columns_in_order(sample_dataset):
    table = tidy_table(sample_dataset)
    assert list(table.columns) == COLUMNS
    assert set(REQUIRED) <= set(table.columns)
    assert len(table) == len(sample_dataset.observations)


def test_values_are_standardised_to_the_indicator_unit(sample_dataset):
    table = tidy_table(sample_dataset)
    gdp_2021 = table[(table.indicator_id == "gdp") & (table.year == 2021)].iloc[0]
    assert gdp_2021["unit"] == "万亿元" and gdp_2021["value"] == pytest.approx(1.1)
    assert gdp_2021["value_std"] == pytest.approx(11000)


def test_provenance_follows_the_source(sample_dataset):
    table = tidy_table(sample_dataset).set_index(["indicator_id", "year", "kind"])
    assert table.loc[("gdp", 2020, "actual"), "provenance"] == "quoted"
    cited = table.loc[("gdp_growth", 2021, "actual")]
    assert cited["provenance"] == "cited" and pd.isna(cited["quote"])
    assert cited["source_url"] == "https://example.org/bulletin-2021"


def _pair(cross_source, second_value=14594.9, second_provenance="cited"):
    base = dict(region_id="ningbo", indicator_id="gdp", year=2021, period="annual", start_year=pd.NA, kind="actual",
                value=14594.9, comparator=None, source_id="report", provenance="quoted", cross_source=cross_source, line=10)
    other = dict(base, value=second_value, source_id="bulletin", provenance=second_provenance, line=20)
    return pd.DataFrame([other, base])


def test_agreeing_sources_become_one_row_with_both_sources():
    facts = consolidate(_pair("agrees"))
    assert len(facts) == 1
    assert facts.loc[0, "provenance"] == "quoted"
    assert facts.loc[0, "sources"] == "report; bulletin" and facts.loc[0, "n_sources"] == 2


def test_conflicting_sources_stay_side_by_side():
    facts = consolidate(_pair("conflicts", second_value=95.8))
    assert len(facts) == 2 and facts["conflict"].all()


def test_an_exact_value_is_preferred_to_a_bound():
    table = _pair("agrees", second_value=11926.1)
    table.loc[1, ["comparator", "value"]] = ["above", 10000.0]
    facts = consolidate(table)
    assert len(facts) == 1 and facts.loc[0, "value"] == pytest.approx(11926.1)


def test_agreeing_sources_cite_the_statistical_publication_first():
    table = _pair("agrees").iloc[::-1].reset_index(drop=True)  # the work report first in the file
    table["source_type"] = ["government_work_report", "statistical_bulletin"]
    assert list(table["source_id"]) == ["report", "bulletin"]
    facts = consolidate(table)
    assert facts.loc[0, "sources"] == "bulletin; report"
    assert facts.loc[0, "provenance"] == "quoted", "the row kept is still the one checked against its text"
