"""Issue 20's goals through the load balancer, measured by the replicas test's own run.

    python benchmarks/replicas.py [--out benchmarks/results-replicas.md]

It runs ``tests/replicas`` (three ``serve.py`` replicas behind Debian's HAProxy with
``deploy/haproxy.cfg``, 20 browser sessions, one replica killed) once, with
``METRICS_REPLICAS_REPORT`` set so that the test writes what it saw, and turns that into the
results file: errors, affinity, the killed replica's sessions, and the server-side script time per
rerun (``ui.run_log``) with 20 sessions against one session alone. The test asserts the behaviour;
the times are only written down here, never asserted.

Exit status: 1 when the test wrote no report (it could not run), 0 otherwise, whether it passed or not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.report import Figure, Results, machine  # noqa: E402

SECTION = "Three replicas behind HAProxy, 20 browser sessions, one replica killed"
SECTION_TIMES = "Server-side script time per rerun: 20 sessions against one alone (ui.run_log)"
GOAL_RATIO = 2.0


def results_from(summary: dict, passed: bool, seconds: float, started: str) -> Results:
    """The results file's figures from the test's report; ``started``: the machine and its load
    before the test ran (``report.machine``)."""
    results = Results("replicas", started=started)
    results.durations["the replicas test"] = seconds
    spread = ", ".join(f"{replica}: {n}" for replica, n in summary["per_replica"].items())
    results.add(Figure(SECTION, "sessions driven", summary["sessions"], "", note=f"per replica {spread}; killed {summary['killed']}"))
    results.add(Figure(SECTION, "errors before the kill", summary["errors_before_kill"], "", goal="0",
                       met=summary["errors_before_kill"] == 0))
    results.add(Figure(SECTION, "affinity: every session's responses from its cookie's replica", float(summary["affinity_held"]), "",
                       goal="1 (yes)", met=bool(summary["affinity_held"])))
    results.add(Figure(SECTION, "errors after the kill, sessions of the other replicas", summary["errors_after_kill_survivors"], "",
                       goal="0", met=summary["errors_after_kill_survivors"] == 0))
    returned = summary["returned"]
    results.add(Figure(SECTION, "the killed replica's sessions back with their view", sum(1 for r in returned if r), "",
                       goal=f"{len(returned)} of {len(returned)}", met=all(returned) and summary["errors_after_kill_returned"] == 0,
                       note="; ".join(r for r in returned if r)
                       + (f"; {summary.get('chose_twice', 0)} needed a second choice of the year (Streamlit's client did not "
                          "take the first one after the reconnection)" if summary.get("chose_twice") else "")))
    results.add(Figure(SECTION, "first half (20 sessions opened, a year changed, a CSV downloaded)", summary["first_half_s"], "s"))
    results.add(Figure(SECTION, "after the kill (every session changes the year again)", summary["after_kill_s"], "s"))
    worst = None
    for row in summary["script_times"]:
        name = f"{row['page']}, {'whole app' if row['run'] == 'app' else 'page fragment'}"
        results.add(Figure(SECTION_TIMES, f"{name}: one session alone (median of {row['alone_n']})", row["alone_s"], "s"))
        results.add(Figure(SECTION_TIMES, f"{name}: p95 of {row['busy_n']} runs with the others", row["p95_s"], "s"))
        figure = results.add(Figure(SECTION_TIMES, f"{name}: p95 ÷ alone", row["ratio"], "×", goal=f"≤ {GOAL_RATIO:g}×",
                                    met=row["ratio"] <= GOAL_RATIO))
        worst = figure if worst is None or row["ratio"] > (worst.value or 0) else worst
    if not summary["script_times"]:
        results.failures.append(f"no script times: {summary['runs_logged']} runs logged")
    results.notes += [
        f"The replicas test {'passed' if passed else 'FAILED'} in this run.",
        "Two Chromium processes drive ten sessions each, one after the other, so two sessions act at once while all "
        "20 stay open (more browsers at once would measure the browsers on two cores, not the servers). The first "
        "session runs alone first: its runs are the one-session figures.",
        "Each kind of run (page; whole app or the page's fragment) is compared with itself, warm runs only: the first "
        "run of a view on a replica fills its caches and is left out of both phases, so the first session goes through "
        "its views twice.",
    ]
    if worst is not None:
        results.notes.append(f"Worst ratio: {worst.name} {worst.shown()}.")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-replicas.md")
    args = parser.parse_args(argv)
    report = Path(tempfile.mkdtemp(prefix="replicas-")) / "report.json"
    started = machine()
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "tests/replicas", "-q", "-s", "-p", "no:cacheprovider"], cwd=ROOT,
                          env={**os.environ, "METRICS_REPLICAS_REPORT": str(report)}, capture_output=True, text=True,
                          timeout=1800, check=False)
    seconds = time.monotonic() - start
    if not report.exists():
        print(done.stdout[-4000:], done.stderr[-2000:], sep="\n")
        print("the replicas test wrote no report", file=sys.stderr)
        return 1
    results = results_from(json.loads(report.read_text(encoding="utf-8")), done.returncode == 0, seconds, started)
    args.out.write_text(results.markdown("Issue 20: replicas behind a load balancer"), encoding="utf-8")
    print(f"wrote {args.out}: {len(results.misses())} goals missed; the test {'passed' if done.returncode == 0 else 'failed'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
