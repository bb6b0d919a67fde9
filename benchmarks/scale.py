"""Issue 20's goals measured in one run: the compiled snapshot against the YAML, at 100k and at county scale.

    python benchmarks/scale.py [--quick] [--skip-county | --skip-generated] [--reruns 3]   # writes benchmarks/scale-results.md

Every load is in a fresh process (``benchmarks.county open|yaml``, ``benchmarks.workers``). Wall
seconds are given with the process's CPU seconds beside them, since the machine may be shared:
a ratio is of two figures of this one run. Quick mode uses the 10,000-observation dataset and a
county scale of one county per city (about 0.3 million observations): it checks that every part
still runs, and its numbers are not the goals'.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.report import Figure, Results  # noqa: E402
from benchmarks.workers import run_worker  # noqa: E402

SECTION_100K = "Snapshot against YAML (generated dataset)"
SECTION_COUNTY = "County scale (synthetic, compiled straight into a snapshot)"
SECTION_PAGES = "Page reruns: county scale against the shipped data (AppTest, both from snapshots)"


def _county(*args: str, env: dict[str, str] | None = None, timeout: float = 1800) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.county", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, check=False, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"benchmarks.county {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_generated(results: Results, indicators: int, snapshots: Path) -> None:
    """The generated dataset: the C parse of its YAML, today's loader, the build, the snapshot's first load."""
    from benchmarks.generate import DEFAULT_OUT, generate

    made = generate(DEFAULT_OUT, indicators=indicators)
    data, sources = str(made.data), str(made.sources)
    label = f"{made.observations:,} observations"
    parse = run_worker("cparse", "--data", data)
    yaml = _county("yaml", "--data", data, "--sources", sources)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "metrics", "build", "--data", data, "--sources", sources, "--out", str(snapshots)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    build_s = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"metrics build failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    opened = _county("open", "--data", data, "--snapshots", str(snapshots))
    ratio = opened["open_s"] / parse["parse_s"]
    results.add(Figure(SECTION_100K, f"{label}: YAML parse alone (C loader)", parse["parse_s"], "s"))
    results.add(Figure(SECTION_100K, f"{label}: today's first load (load + validate + frames, no snapshot)", yaml["load_s"], "s",
                       note=f"CPU {yaml['load_cpu_s']:.1f} s; peak RSS {yaml['peak_rss_mib']:.0f} MiB"))
    results.add(Figure(SECTION_100K, f"{label}: python -m metrics build (fresh process, imports included)", build_s, "s"))
    results.add(Figure(SECTION_100K, f"{label}: first load from the snapshot (fresh process)", opened["open_s"], "s",
                       goal="≤ 2 s", met=opened["open_s"] <= 2.0,
                       note=f"CPU {opened['open_cpu_s']:.2f} s; imports before it {opened['import_s']:.2f} s; "
                            f"peak RSS {opened['peak_rss_mib']:.0f} MiB"))
    results.add(Figure(SECTION_100K, f"{label}: snapshot first load ÷ YAML parse", ratio, "×", goal="≤ 0.05×", met=ratio <= 0.05))
    results.add(Figure(SECTION_100K, f"{label}: snapshot first load ÷ today's first load", opened["open_s"] / yaml["load_s"], "×"))


def measure_county(results: Results, counties_per_city: int, out: Path) -> tuple[str, str]:
    """The county-scale build (frames + Parquet) and its first load in a fresh process."""
    built = _county("build", "--out", str(out), "--counties-per-city", str(counties_per_city), timeout=3600)
    label = f"{built['observations']:,} observations, {built['regions']:,} regions"
    results.add(Figure(SECTION_COUNTY, f"{label}: snapshot build (frames + Parquet, from the narrow table)", built["build_s"], "s",
                       goal="≤ 60 s", met=built["build_s"] <= 60,
                       note=f"CPU {built['build_cpu_s']:.1f} s; frames {built['frames_s']:.1f} s, write {built['write_s']:.1f} s; "
                            f"{built['size_mib']:.0f} MiB on disk; build peak RSS {built['peak_rss_mib']:.0f} MiB; "
                            f"generating the models took {built['generate_s']:.1f} s more"))
    opened = _county("open", "--data", built["data"], "--snapshots", built["snapshots"])
    results.add(Figure(SECTION_COUNTY, f"{label}: first load from the snapshot (fresh process)", opened["open_s"], "s",
                       goal="≤ 5 s", met=opened["open_s"] <= 5.0,
                       note=f"CPU {opened['open_cpu_s']:.2f} s; imports before it {opened['import_s']:.2f} s"))
    results.add(Figure(SECTION_COUNTY, f"{label}: peak RSS after the first load", opened["peak_rss_mib"], "MiB",
                       goal="≤ 1024 MiB", met=opened["peak_rss_mib"] <= 1024))
    return built["data"], built["snapshots"]


def measure_pages(results: Results, county: tuple[str, str], reruns: int, snapshots: Path) -> None:
    """Each page's rerun at county scale against the shipped data's, in two fresh processes."""
    from metrics.load.dataset import DEFAULT_DATA

    os.environ["METRICS_SNAPSHOT_DIR"] = str(snapshots)
    shipped = run_worker("app", "--data", str(DEFAULT_DATA), "--reruns", str(reruns), timeout=3600)
    os.environ["METRICS_SNAPSHOT_DIR"] = county[1]
    large = run_worker("app", "--data", county[0], "--reruns", str(reruns), timeout=3600)
    os.environ.pop("METRICS_SNAPSHOT_DIR")
    for label, found in (("shipped", shipped), ("county", large)):
        if not found.get("reruns"):
            raise RuntimeError(f"no page measured on the {label} data: {found.get('why', 'no page found')}")
    for page, seconds in large.get("reruns", {}).items():
        base = shipped.get("reruns", {}).get(page)
        shown = large.get("rerun_errors", {}).get(page) or shipped.get("rerun_errors", {}).get(page)
        results.add(Figure(SECTION_PAGES, f"{page}: shipped data", base, "s"))
        results.add(Figure(SECTION_PAGES, f"{page}: county scale", seconds, "s", note=f"the page shows an error: {shown}" if shown else ""))
        if base:
            ratio = seconds / base
            results.add(Figure(SECTION_PAGES, f"{page}: county ÷ shipped", ratio, "×", goal="≤ 2×", met=ratio <= 2 and not shown))
            if ratio > 2 and large.get("profiles", {}).get(page):
                results.profiles[f"county scale: rerun of {page} (cProfile, cumulative)"] = large["profiles"][page]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-county", action="store_true", help="only the generated dataset")
    parser.add_argument("--skip-generated", action="store_true", help="only the county scale (build, load, page reruns)")
    parser.add_argument("--reruns", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--pages-only", action="store_true",
                        help="only the page reruns, on the county snapshot already built in benchmarks/generated/county")
    args = parser.parse_args(argv)
    out = args.out or ROOT / "benchmarks" / ("scale-results-quick.md" if args.quick else "scale-results.md")
    results = Results("quick" if args.quick else "full")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="scale-snapshots-") as folder:
        snapshots = Path(folder)
        county_dir = ROOT / "benchmarks" / "generated" / "county"
        reruns = 1 if args.quick else args.reruns

        def county_and_pages() -> None:
            built = measure_county(results, 1 if args.quick else 7, county_dir)
            measure_pages(results, built, reruns, snapshots)

        parts: list[tuple[str, Callable[[], None]]] = []
        if not args.skip_generated:
            parts.append(("generated", lambda: measure_generated(results, 8 if args.quick else 80, snapshots)))
        if not args.skip_county:
            parts.append(("county", county_and_pages))
        if args.pages_only:
            parts = [("pages", lambda: measure_pages(
                results, (str(county_dir / "data" / "metrics.yaml"), str(county_dir / "snapshots")), reruns, snapshots))]
        for name, part in parts:
            part_start = time.perf_counter()
            try:
                part()
            except Exception as exc:  # a broken part is written down and fails the run, the others still run
                results.failures.append(f"{name}: {type(exc).__name__}: {str(exc)[-1500:]}")
            results.durations[name] = time.perf_counter() - part_start
    results.notes.append(f"The whole run took {time.perf_counter() - start:.0f} s.")
    out.write_text(results.markdown("Issue 20: snapshot and county-scale results" + (" (quick mode)" if args.quick else "")),
                   encoding="utf-8")
    print(f"{out}: {len(results.figures)} figures, {len(results.misses())} goal(s) missed")
    for failure in results.failures:
        print(f"BROKEN: {failure}", file=sys.stderr)
    return 1 if results.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
