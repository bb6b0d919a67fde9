"""Data files a careless editor (or an attacker) could write: each is a file:line message, exit 1,
and nothing is written. ``validate`` was "OK, 442 observations" for a second top-level include
(1,244 before), and an internal error (exit 3) for a 400-digit number."""

from __future__ import annotations

import re

import pytest

from tests.bad_input.helpers import run_metrics, snapshot


def _validate(data) -> tuple[int, list[str]]:
    before = snapshot(data.parent)
    result = run_metrics("validate", "--data", str(data))
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert snapshot(data.parent) == before, "validate changed the data folder"
    return result.returncode, result.stdout.splitlines()


def _line_of(path, pattern: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if re.search(pattern, line))


def test_the_copy_is_valid(data_copy):
    code, out = _validate(data_copy)
    assert code == 0 and "OK" in out[-1]


@pytest.mark.parametrize("section", ["include", "observations"])
def test_a_second_top_level_key_is_an_error_not_lost_records(data_copy, section):
    first = _line_of(data_copy, rf"^{section}:")
    text = data_copy.read_text(encoding="utf-8")
    addition = "include:\n  - cited/ningbo-2022-2025.yaml\n" if section == "include" else "observations: []\n"
    data_copy.write_text(text + addition, encoding="utf-8")
    second = len(text.splitlines()) + 1
    code, out = _validate(data_copy)
    assert code == 1
    assert f"{data_copy}:{second}: the key '{section}' appears twice at this level (first on line {first})" in "\n".join(out)
    assert "everything under the first would be lost" in out[0]


def test_a_duplicate_key_inside_a_record_is_an_error(data_copy):
    text = data_copy.read_text(encoding="utf-8")
    line = _line_of(data_copy, r"^  - region: ")
    lines = text.splitlines(keepends=True)
    lines.insert(line, "    region: yuyao\n")
    data_copy.write_text("".join(lines), encoding="utf-8")
    code, out = _validate(data_copy)
    assert code == 1 and out[0].startswith(f"{data_copy}:{line + 1}: the key 'region' appears twice")


def _cited_value(data_copy, replacement: str):
    cited = data_copy.parent / "cited" / "ningbo-2022-2025.yaml"
    text = cited.read_text(encoding="utf-8")
    line = _line_of(cited, r"value: [0-9]")  # GDP 2024, a flow mapping: {region: ningbo, ..., value: 18147.7, ...}
    lines = text.splitlines(keepends=True)
    lines[line - 1] = re.sub(r"value: [0-9.]+", f"value: {replacement}", lines[line - 1], count=1)
    cited.write_text("".join(lines), encoding="utf-8")
    return cited, line


@pytest.mark.parametrize("value", [".nan", ".inf", "-.Inf", ".NaN"])
def test_nan_or_infinity_in_a_cited_file_is_an_error_at_its_line(data_copy, value):
    cited, line = _cited_value(data_copy, value)
    code, out = _validate(data_copy)
    assert code == 1
    assert out == [f"{cited}:{line}: '{value}' is not a finite number (NaN or infinity): write the figure, or null with a "
                   "note when there is none"]


@pytest.mark.parametrize(("value", "digits"), [("9" * 400, 400), ("-" + "1" * 40, 40), ("12345678901234567", 17)])
def test_a_number_too_large_to_hold_is_an_error_not_an_internal_error(data_copy, value, digits):
    cited, line = _cited_value(data_copy, value)
    code, out = _validate(data_copy)
    assert code == 1
    assert out == [f"{cited}:{line}: this number has {digits} digits, more than the dataset holds exactly (below 10^15 in "
                   "absolute value): check the figure and its unit (亿元 rather than 元?)"]


def test_a_date_that_is_no_date_is_an_error_at_its_line(data_copy):
    cited = data_copy.parent / "cited" / "ningbo-2022-2025.yaml"
    line = _line_of(cited, r"^    date: \d")
    lines = cited.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = "    date: 2024-13-45\n"
    cited.write_text("".join(lines), encoding="utf-8")
    code, out = _validate(data_copy)
    assert code == 1 and out[0].startswith(f"{cited}:{line}: '2024-13-45' cannot be read (month must be in 1..12)")
