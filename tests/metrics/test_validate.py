"""The broken-YAML corpus: each file names, in its header, the line and message it must produce."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from metrics.load.dataset import find_problems, load
from metrics.load.problems import DatasetError
from metrics.load.yaml_reader import MAX_BYTES, read_yaml
from tests.conftest import TEST_DATA, TEST_SOURCES, VALID

CORPUS = sorted((TEST_DATA / "broken").glob("*.yaml"))


def expectations(path: Path) -> list[tuple[int, str]]:
    found = re.findall(r"^# expect: (\d+): (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return [(int(line), message) for line, message in found]


def test_the_corpus_covers_every_kind_of_break():
    names = {p.stem for p in CORPUS}
    assert {"syntax_error", "wrong_type", "unknown_id", "duplicate", "missing_quote", "quote_not_in_source",
            "alias_bomb", "empty", "unknown_key", "unit_mismatch", "target_without_comparator"} <= names


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_broken_file_reports_line_and_message(path):
    problems = find_problems(path, TEST_SOURCES)
    assert problems, f"{path.name} should not validate"
    for line, message in expectations(path):
        matching = [p for p in problems if message in p.message]
        assert matching, f"{path.name}: no problem says {message!r}; got {[str(p) for p in problems]}"
        assert any(p.line == line for p in matching), f"{path.name}: {message!r} at {[p.line for p in matching]}, expected {line}"
        assert all(p.path == str(path) for p in problems)


def test_every_problem_is_reported_at_once():
    problems = find_problems(TEST_DATA / "broken" / "several_problems.yaml", TEST_SOURCES)
    assert len(problems) >= 2


def test_valid_file_has_no_problem():
    assert find_problems(VALID, TEST_SOURCES) == []


def test_problem_reads_as_path_line_message():
    problem = find_problems(TEST_DATA / "broken" / "unknown_key.yaml", TEST_SOURCES)[0]
    assert re.fullmatch(r".+unknown_key\.yaml:\d+: .+", str(problem))


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DatasetError, match="MiB"):
        read_yaml(big)


def test_bytes_that_are_not_utf8(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"sources: []\n\xff\xfe\n")
    with pytest.raises(DatasetError) as info:
        read_yaml(bad)
    assert info.value.problems[0].line == 2
    assert "UTF-8" in info.value.problems[0].message


def test_missing_sources_folder_is_a_problem_not_a_crash(tmp_path):
    problems = find_problems(VALID, tmp_path / "nowhere")
    assert len(problems) == 1 and "does not exist" in problems[0].message


def test_agreeing_sources_must_really_agree(tmp_path):
    text = VALID.read_text(encoding="utf-8") + (
        "  - region: sample\n    indicator: gdp_growth\n    year: 2021\n    period: annual\n    kind: actual\n"
        "    value: 8.3\n    unit: \"%\"\n    source: sample-report\n    quote: 增长3.3%\n")
    path = tmp_path / "agree.yaml"
    path.write_text(text, encoding="utf-8")
    messages = [p.message for p in find_problems(path, TEST_SOURCES)]
    assert any("mark every record of the group" in m for m in messages)
    marked = text.replace("    source: sample-bulletin\n  - region: sample\n    indicator: gdp\n",
                          "    source: sample-bulletin\n    cross_source: agrees\n  - region: sample\n    indicator: gdp\n")
    marked = marked.replace("    quote: 增长3.3%\n", "    quote: 增长3.3%\n    cross_source: agrees\n", 2)
    path.write_text(marked, encoding="utf-8")
    messages = [p.message for p in find_problems(path, TEST_SOURCES)]
    assert any("values differ" in m for m in messages), messages


def test_load_returns_lines(sample_dataset):
    assert len(sample_dataset.places) == len(sample_dataset.observations)
    assert all(isinstance(line, int) and line > 1 for _, line in sample_dataset.places)
    assert load(VALID, TEST_SOURCES).places[0] == sample_dataset.places[0]
