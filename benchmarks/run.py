"""Run every benchmark of issue 5 once and write the results with their goals.

    python benchmarks/run.py            # full run (5 browser runs each), writes benchmarks/results.md
    python benchmarks/run.py --quick    # one iteration of everything (CI), writes benchmarks/results-quick.md

It generates the 100,000-observation dataset (benchmarks/generated/, git-ignored; 10,000 in
quick mode, which only checks that everything still runs), then measures data scale, page
speed against the bare app, server memory and exports. Nothing here asserts on time: a
missed goal is written down with a profile of where the time goes.

Exit status: 1 when a benchmark is broken (a part raised, measured nothing, or gave a figure
without a value; a page showed an error), 0 otherwise, whether the goals are met or missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUICK_INDICATORS = 8
"""Quick mode generates 50 × 25 × 8 = 10,000 observations: it checks that everything still runs."""
QUICK_SESSIONS = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Benchmarks of the dashboard against a bare Streamlit app (issue 5).")
    parser.add_argument("--quick", action="store_true", help="one iteration of everything (CI): figures, no verdict to trust")
    parser.add_argument("--out", type=Path, help="results file (default benchmarks/results.md, or results-quick.md with --quick)")
    parser.add_argument("--runs", type=int, help="browser runs per app for the medians (default 5, 1 with --quick)")
    parser.add_argument("--sessions", type=int,
                        help=f"concurrent sessions for the memory figure (default 10, {QUICK_SESSIONS} with --quick)")
    parser.add_argument("--indicators", type=int,
                        help=f"indicators in the generated dataset (default 80: 100,000 observations; {QUICK_INDICATORS} with --quick)")
    parser.add_argument("--page-speed", action="store_true",
                        help="only the page-speed part, both references (default out benchmarks/results-page-speed.md)")
    parser.add_argument("--memory", action="store_true",
                        help="only the memory part, the dashboard and the bare app (default out benchmarks/results-memory.md)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.suite import Options, run_all

    out = args.out or ROOT / "benchmarks" / ("results-quick.md" if args.quick
                                             else "results-page-speed.md" if args.page_speed
                                             else "results-memory.md" if args.memory else "results.md")
    runs = args.runs or (1 if args.quick else 5)
    start = time.perf_counter()
    indicators = args.indicators or (QUICK_INDICATORS if args.quick else 80)
    sessions = args.sessions or (QUICK_SESSIONS if args.quick else 10)
    results = run_all(Options(quick=args.quick, runs=runs, sessions=sessions, indicators=indicators,
                              warm_exports=1 if args.quick else 5, only_page_speed=args.page_speed,
                              only_memory=args.memory))
    results.notes.append(f"The whole run took {time.perf_counter() - start:.0f} s.")
    out.write_text(results.markdown("Benchmark results (quick mode: one iteration, figures only)" if args.quick
                                    else "Benchmark results"), encoding="utf-8")
    missed = results.misses()
    print(f"{out}: {len(results.figures)} figures, {len(missed)} goal(s) missed"
          + (": " + "; ".join(f.name for f in missed) if missed else ""))
    broken = results.broken()
    for failure in broken:
        print(f"BROKEN: {failure}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
