"""Included files: read with the main file, every problem at its own file and line; vintages."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.frames.dataframes import data_frames
from metrics.load.dataset import find_problems, load
from tests.conftest import TEST_SOURCES, VALID

BULLETIN_2022 = """\
sources:
  - id: sample-bulletin-2022
    provenance: cited
    title: 示例市2022年统计公报
    publisher: 示例市统计局
    type: statistical_bulletin
    url: https://example.org/bulletin-2022
    date: 2023-02-20
observations:
  - {region: sample, indicator: gdp, year: 2022, period: annual, kind: actual, value: 1300.5, unit: 亿元, source: sample-bulletin-2022}
"""


def _dataset(tmp_path: Path, included: dict[str, str], pattern: str = "cited/*.yaml") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    main = tmp_path / "metrics.yaml"
    main.write_text(f"include:\n  - {pattern}\n" + VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cited").mkdir()
    for name, text in included.items():
        (tmp_path / "cited" / name).write_text(text, encoding="utf-8")
    return main


def test_included_records_join_the_dataset_with_their_own_file_and_line(tmp_path):
    main = _dataset(tmp_path, {"sample-2022.yaml": BULLETIN_2022})
    dataset = load(main, TEST_SOURCES)
    index = next(n for n, o in enumerate(dataset.observations) if o.source == "sample-bulletin-2022")
    file, line = dataset.places[index]
    assert file.endswith("cited/sample-2022.yaml")
    assert line == 10
    assert "sample-bulletin-2022" in dataset.source_by_id


def test_a_problem_in_an_included_file_names_that_file_and_line(tmp_path):
    broken = BULLETIN_2022.replace("region: sample,", "region: smaple,")
    main = _dataset(tmp_path, {"sample-2022.yaml": broken})
    problems = find_problems(main, TEST_SOURCES)
    assert len(problems) == 1
    assert problems[0].path.endswith("cited/sample-2022.yaml")
    assert problems[0].line == 10
    assert "'smaple' is not in the regions list" in problems[0].message and "'sample'" in problems[0].message


@pytest.mark.parametrize(("pattern", "expected"), [
    ("nothing/*.yaml", "matches no file"),
    ("../*.yaml", "must stay inside the data folder"),
])
def test_include_patterns_that_cannot_be_used_are_reported(tmp_path, pattern, expected):
    main = _dataset(tmp_path, {"sample-2022.yaml": BULLETIN_2022}, pattern)
    messages = [p.message for p in find_problems(main, TEST_SOURCES)]
    assert any(expected in m for m in messages), messages


def test_an_included_file_may_not_define_regions(tmp_path):
    text = BULLETIN_2022 + "regions:\n  - {id: west, name_zh: 西区, name_en: West, level: district, parent: sample}\n"
    messages = [p.message for p in find_problems(_dataset(tmp_path, {"x.yaml": text}), TEST_SOURCES)]
    assert any("unknown top-level key 'regions' in an included file" in m for m in messages), messages


def _revision(first_date: str, second_value: float, mark: str = "revised") -> dict[str, str]:
    second = BULLETIN_2022.replace("sample-bulletin-2022", "sample-wr-2023").replace("2023-02-20", first_date).replace(
        "1300.5", str(second_value)).replace("bulletin-2022", "wr-2023").replace("type: statistical_bulletin", "type: government_work_report")
    first = BULLETIN_2022.replace("source: sample-bulletin-2022}", f"source: sample-bulletin-2022, cross_source: {mark}}}")
    second = second.replace("source: sample-wr-2023}", f"source: sample-wr-2023, cross_source: {mark}, provisional: true}}")
    return {"a-bulletin.yaml": first, "b-work-report.yaml": second}


def test_a_revised_fact_shows_the_latest_publication_and_keeps_the_first_release(tmp_path):
    dataset = load(_dataset(tmp_path, _revision("2023-01-10", 1290.0)), TEST_SOURCES)
    facts = data_frames(dataset).facts
    fact = facts[(facts["indicator_id"] == "gdp") & (facts["year"] == 2022)]
    assert len(fact) == 1
    row = fact.iloc[0]
    assert row["value"] == 1300.5 and row["source_id"] == "sample-bulletin-2022"
    assert bool(row["revised"]) and row["first_value"] == 1290.0 and row["first_source_date"] == "2023-01-10"
    assert row["sources"] == "sample-bulletin-2022; sample-wr-2023"


def test_revised_with_equal_values_or_equal_dates_is_reported(tmp_path):
    same_value = [p.message for p in find_problems(_dataset(tmp_path / "a", _revision("2023-01-10", 1300.5)), TEST_SOURCES)]
    assert any("revised but the values are the same" in m for m in same_value), same_value
    same_date = [p.message for p in find_problems(_dataset(tmp_path / "b", _revision("2023-02-20", 1290.0)), TEST_SOURCES)]
    assert any("sources of the same date" in m for m in same_date), same_date
