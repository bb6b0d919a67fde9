"""Each ledger rule written in the README and in metrics/frames/ledger.py has a test here."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.frames.ledger import STATUSES, gap, judge, status_counts, target_ledger


def test_at_least_and_reach():
    assert judge("at_least", "higher", 7, 7)[0] == "met"
    assert judge("reach", "higher", 3, 2.9)[0] == "not_met"


def test_above_needs_more_than_the_target():
    assert judge("above", "higher", 1000, 1000.1)[0] == "met"
    assert judge("above", "higher", 1000, 1000)[0] == "needs_judgement"
    assert judge("above", "higher", 1000, 990)[0] == "not_met"


def test_at_most_for_lower_is_better():
    assert judge("at_most", "lower", 3.5, 2.9)[0] == "met"
    assert judge("at_most", "lower", 3.5, 3.6)[0] == "not_met"


def test_about_is_judged_with_a_tolerance_and_the_direction():
    assert judge("about", "higher", 7, 6.6, is_rate=True)[0] == "met"
    assert judge("about", "higher", 7, 6.4, is_rate=True)[0] == "not_met"
    assert judge("about", "higher", 7, 8.2, is_rate=True)[0] == "met"
    assert judge("about", "lower", 3, 1.2, is_rate=True)[0] == "met"
    assert judge("about", "lower", 3, 3.6, is_rate=True)[0] == "not_met"
    assert judge("about", "band", 3, 4, is_rate=True)[0] == "not_met"
    assert judge("about", "higher", 1000, 985)[0] == "met"
    assert judge("about", "higher", 1000, 975)[0] == "not_met"


def test_qualitative_target_needs_judgement():
    assert judge("qualitative", "higher", None, 8.2)[0] == "needs_judgement"


def test_no_actual():
    assert judge("at_least", "higher", 7, None)[0] == "no_actual"
    assert judge("at_least", "higher", 7, math.nan)[0] == "no_actual"


def test_a_bound_against_a_bound():
    assert judge("above", "higher", 1.0, 1.0, actual_bound="above")[0] == "met"
    assert judge("above", "higher", 1.2, 1.0, actual_bound="above")[0] == "needs_judgement"
    assert judge("at_most", "lower", 3.5, 3.0, actual_bound="at_most")[0] == "met"


def test_gap_in_points_for_rates_and_percent_for_levels():
    assert gap(7, 8.2, "%") == (pytest.approx(1.2), "百分点")
    assert gap(17000, 14594.9, "亿元") == (pytest.approx(-14.147647), "%")
    assert math.isnan(gap(None, 1, "%")[0])


@given(st.sampled_from(["at_least", "reach", "above", "at_most", "about"]), st.sampled_from(["higher", "lower", "band"]),
       st.floats(-50, 50), st.floats(-50, 50), st.floats(0, 20))
def test_status_never_gets_worse_as_the_actual_improves(comparator, direction, target, actual, step):
    rank = {"not_met": 0, "needs_judgement": 1, "met": 2}
    lower_is_better = comparator == "at_most" or (comparator == "about" and direction == "lower")
    if comparator == "about" and direction == "band":
        return  # a band has no better side
    better = actual - step if lower_is_better else actual + step
    before = judge(comparator, direction, target, actual, is_rate=True)[0]
    after = judge(comparator, direction, target, better, is_rate=True)[0]
    assert rank[after] >= rank[before]


def test_ledger_on_the_sample(sample_frames):
    ledger = sample_frames.ledger.set_index("indicator_id")
    assert ledger.loc["gdp_growth", "status"] == "met"
    assert ledger.loc["gdp_growth", "gap"] == pytest.approx(1.2)
    assert ledger.loc["gdp_growth", "actual_provenance"] == "cited"
    assert ledger.loc["registered_unemployment_rate", "status"] == "no_actual"
    counts = status_counts(sample_frames.ledger)
    assert set(counts) == set(STATUSES) and counts["met"] == 1 and counts["no_actual"] == 2


def _row(**over):
    base = dict(region_id="r", region_zh="r", region_en="r", indicator_id="i", indicator_zh="i", indicator_en="i",
                category="output", direction="higher", indicator_unit="%", year=2021, period="annual", start_year=pd.NA,
                kind="actual", comparator=None, value=8.0, unit="%", value_std=8.0, source_id="s", provenance="quoted",
                quote="q", note=None, provisional=False, derived=False, line=1)
    base.update(over)
    return base


def test_provisional_actual_gives_provisionally_met():
    table = pd.DataFrame([_row(kind="target", comparator="reach", value=3.0, value_std=3.0),
                          _row(value=3.0, value_std=3.0, provisional=True, provenance="cited", quote=None)])
    assert target_ledger(table).loc[0, "status"] == "provisionally_met"


def test_conflicting_actuals_need_judgement():
    table = pd.DataFrame([_row(kind="target", comparator="reach", value=3.0, value_std=3.0),
                          _row(value=3.1, value_std=3.1, source_id="a"), _row(value=2.9, value_std=2.9, source_id="b")])
    ledger = target_ledger(table)
    assert ledger.loc[0, "status"] == "needs_judgement"
    assert "conflict" in ledger.loc[0, "rule"]


def test_derived_actuals_never_judge_a_target():
    table = pd.DataFrame([_row(kind="target", comparator="reach", value=3.0, value_std=3.0),
                          _row(value=9.0, value_std=9.0, derived=True, provenance="derived")])
    assert target_ledger(table).loc[0, "status"] == "no_actual"


def test_the_ledger_judges_the_latest_figure_and_shows_the_first_release(tmp_path):
    from metrics.text.display import actual_text
    from tests.metrics.builders import build_frames, obs

    frames = build_frames(tmp_path, [
        obs("ningbo", "gdp_growth", 2024, 5.5, source="report", cross_source="revised", provisional=True),
        obs("ningbo", "gdp_growth", 2024, 5.4, cross_source="revised"),
        obs("ningbo", "gdp_growth", 2024, 5.5, kind="target", comparator="about", source="report"),
    ])
    row = frames.ledger.iloc[0].to_dict()
    assert row["actual_value"] == 5.4 and row["status"] == "met" and not row["actual_provisional"]
    assert actual_text(row, "zh") == "5.4%;已修订;首次公布为5.5%(2022-01-20)"
