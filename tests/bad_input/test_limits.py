"""An alias bomb and a file over the size limit are refused with a message, in bounded time and memory.

Each case is measured (wall time with ``perf_counter``, Python allocations with
``tracemalloc``) and the bounds asserted once it has finished: nothing waits or sleeps.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

from metrics.load.dataset import find_problems
from metrics.load.problems import Problem
from tests.bad_input.helpers import FIFTY_MB, write_alias_bomb, write_big_file
from tests.conftest import TEST_DATA, TEST_SOURCES

MAX_PEAK_BYTES = 200 * 2**20
"""Memory, not time, shows that a bomb was refused rather than expanded: time is for benchmarks."""


def measured(call: Callable[[], list[Problem]]) -> tuple[list[Problem], int]:
    """The problems ``call`` returns and its peak of traced allocations."""
    tracemalloc.start()
    try:
        problems = call()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return problems, peak


@pytest.mark.parametrize("make", ["corpus", "generated"])
def test_alias_bomb_is_refused_without_expanding(tmp_path, make):
    path = TEST_DATA / "broken" / "alias_bomb.yaml"
    if make == "generated":
        path = tmp_path / "bomb.yaml"
        write_alias_bomb(path)
    problems, peak = measured(lambda: find_problems(path, TEST_SOURCES))
    assert [p.message for p in problems if "anchors and aliases" in p.message], problems
    assert peak < MAX_PEAK_BYTES, f"peak {peak / 2**20:.0f} MiB"


def test_fifty_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.yaml"
    write_big_file(path, FIFTY_MB)
    assert path.stat().st_size == FIFTY_MB
    problems, peak = measured(lambda: find_problems(path, TEST_SOURCES))
    assert len(problems) == 1
    assert problems[0].line == 1 and "50 MiB" in problems[0].message and "48 MiB" in problems[0].message
    assert peak < MAX_PEAK_BYTES, f"peak {peak / 2**20:.0f} MiB"
