"""The replicas test's arithmetic on ``ui.run_log``'s lines, without servers or browsers."""

from __future__ import annotations

import pytest

from tests.replicas.test_replicas import script_times

pytestmark = pytest.mark.fast


def run(t: float, s: float, page: str = "regions", kind: str = "fragment", pid: int = 1, view: str = "year=2022") -> dict:
    return {"t": t, "pid": pid, "session": "x", "page": page, "view": view, "run": kind, "s": s}


def test_warm_runs_alone_against_the_p95_of_warm_runs_with_the_others():
    runs = [run(1, 5.0), run(2, 0.2), run(3, 0.4),  # alone: the first is cold (left out), median 0.3
            run(9, 7.0, pid=2),  # another replica's first run of the view: cold, left out
            *[run(10 + i, 0.1 * (i + 1)) for i in range(20)],  # busy and warm: 0.1 … 2.0, p95 (nearest rank) 1.9
            run(4, 0.5, "data_sources", "app"),  # a kind seen alone only: left out
            run(100, 9.0)]  # after the first half: left out
    rows = script_times(runs, alone_until=5, half_end=50)
    assert [(r["page"], r["run"], r["alone_n"], r["busy_n"]) for r in rows] == [("regions", "fragment", 2, 20)]
    assert rows[0]["alone_s"] == pytest.approx(0.3) and rows[0]["p95_s"] == pytest.approx(1.9)
    assert rows[0]["ratio"] == pytest.approx(1.9 / 0.3)


def test_a_view_is_cold_once_per_replica_and_the_overview_has_an_empty_path():
    runs = [run(1, 9.0, "", "app"), run(2, 0.1, "", "app"), run(8, 9.0, "", "app", view="year=2023"), run(9, 0.2, "", "app")]
    rows = script_times(runs, alone_until=5, half_end=50)
    assert rows[0]["page"] == "overview" and (rows[0]["alone_n"], rows[0]["busy_n"]) == (1, 1)
    assert rows[0]["ratio"] == pytest.approx(2.0)
