"""The broken-YAML corpus fed to the dashboard: the page lists each problem as file:line: message.

No exception element, not a blank page: the title, an error and the problems are shown.
"""

from __future__ import annotations

import pytest

from tests.bad_input.helpers import FIFTY_MB, expectations, page_text, write_alias_bomb, write_big_file
from tests.conftest import TEST_DATA

CORPUS = sorted((TEST_DATA / "broken").glob("*.yaml"))
"""A bound on one run of the dashboard on a bad file (it takes well under a second)."""


def assert_lists_problems(at, path, expected: list[tuple[int, str]]) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page has no title: blank?"
    assert at.error, "no error message on the page"
    listed = "\n".join(str(code.value) for code in at.code)
    for line, message in expected:
        located = [row for row in listed.splitlines() if row.startswith(f"{path}:{line}: ")]
        assert located, f"{path.name}: nothing listed at line {line}; the page lists:\n{listed}"
        assert any(message in row for row in located), f"{path.name}:{line}: {message!r} not in {located}"
    assert "Traceback" not in page_text(at)


def test_the_corpus_is_there():
    assert len(CORPUS) >= 11 and all(expectations(path) for path in CORPUS)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_broken_file_is_listed_with_file_and_line(dashboard_on, path):
    at = dashboard_on(path)
    assert_lists_problems(at, path, expectations(path))


def test_alias_bomb_in_the_app(dashboard_on, tmp_path):
    path = tmp_path / "bomb.yaml"
    write_alias_bomb(path)
    at = dashboard_on(path)
    assert_lists_problems(at, path, [(1, "anchors and aliases")])


def test_fifty_megabyte_file_in_the_app(dashboard_on, tmp_path):
    path = tmp_path / "big.yaml"
    write_big_file(path, FIFTY_MB)
    at = dashboard_on(path)
    assert_lists_problems(at, path, [(1, "50 MiB, more than the 48 MiB")])


def test_a_missing_file_is_a_message(dashboard_on, tmp_path):
    path = tmp_path / "nowhere.yaml"
    at = dashboard_on(path)
    assert_lists_problems(at, path, [(1, "cannot be read")])
