"""Data scale: load and validate cold and cached against the bare C-loader parse; page reruns."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import Figure, Results

ROOT = Path(__file__).resolve().parent.parent
SECTION = "Data scale"
COLD_GOAL = 2.0
CACHED_GOAL_S = 0.1
RERUN_GOAL = 2.0


@dataclass(frozen=True)
class Data:
    """A dataset to measure: its label, YAML file and source texts."""

    label: str
    path: Path
    sources: Path


def worker(*args: str, timeout: float = 900.0) -> dict:
    """Run ``python -m benchmarks.workers ARGS`` in a fresh process; its JSON answer."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.workers", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"worker {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_loading(results: Results, shipped: Data, large: Data) -> dict[str, dict]:
    """Cold load + validate of each dataset and the C-loader parse of the same file, in fresh processes."""
    found: dict[str, dict] = {}
    for data in (shipped, large):
        cold = worker("load", "--data", str(data.path), "--sources", str(data.sources))
        parse = worker("cparse", "--data", str(data.path))
        ratio = cold["load_s"] / parse["parse_s"]
        found[data.label] = {"cold": cold, "parse": parse}
        is_large = data is large
        results.add(Figure(SECTION, f"{data.label}: C-loader parse alone (yaml.load, CSafeLoader)", parse["parse_s"], "s",
                           note=f"peak RSS {parse['peak_rss_mib']:.0f} MiB"))
        results.add(Figure(SECTION, f"{data.label}: load + validate + provenance, cold (metrics.dataset.load)", cold["load_s"],
                           "s", note=f"{cold['observations']} observations; imports before it {cold['import_s']:.2f} s; "
                                     f"peak RSS {cold['peak_rss_mib']:.0f} MiB"))
        results.add(Figure(SECTION, f"{data.label}: cold load ÷ C-loader parse", ratio, "×",
                           goal=f"≤ {COLD_GOAL:g}×" if is_large else "", met=ratio <= COLD_GOAL if is_large else None))
        if is_large and ratio > COLD_GOAL:
            profiled = worker("load", "--data", str(data.path), "--sources", str(data.sources), "--profile")
            results.profiles[f"{data.label}: metrics.dataset.load (cProfile, cumulative)"] = profiled["profile"]
    return found


def measure_app(results: Results, shipped: Data, large: Data, reruns: int) -> dict[str, dict]:
    """The app's cached loader (first and cached call) and page reruns (AppTest), per dataset."""
    found: dict[str, dict] = {}
    for data in (shipped, large):
        found[data.label] = worker("app", "--data", str(data.path), "--sources", str(data.sources), "--reruns", str(reruns))
    for data in (shipped, large):
        app = found[data.label]
        is_large = data is large
        if app.get("cached_s") is not None:
            results.add(Figure(SECTION, f"{data.label}: the app's loader, first call in a fresh process", app["first_s"], "s",
                               note=app.get("loader", "")))
            results.add(Figure(SECTION, f"{data.label}: the app's loader, cached (second call)", app["cached_s"], "s",
                               goal=f"≤ {CACHED_GOAL_S:g} s" if is_large else "",
                               met=app["cached_s"] <= CACHED_GOAL_S if is_large else None))
        else:
            results.add(Figure(SECTION, f"{data.label}: the app's cached loader", None, "s", note=app.get("why", "")))
    for page, large_rerun in found[large.label].get("reruns", {}).items():
        shipped_rerun = found[shipped.label].get("reruns", {}).get(page)
        broken = [data.label for data in (shipped, large) if found[data.label].get("rerun_errors", {}).get(page)]
        results.add(Figure(SECTION, f"page rerun {page}: {shipped.label}", shipped_rerun, "s",
                           note=found[shipped.label].get("rerun_notes", {}).get(page, "")))
        results.add(Figure(SECTION, f"page rerun {page}: {large.label}", large_rerun, "s",
                           note=found[large.label].get("rerun_notes", {}).get(page, "")))
        if shipped_rerun:
            ratio = large_rerun / shipped_rerun
            results.add(Figure(SECTION, f"page rerun {page}: {large.label} ÷ {shipped.label}", ratio, "×",
                               goal=f"≤ {RERUN_GOAL:g}×", met=ratio <= RERUN_GOAL and not broken,
                               note=f"not comparable: the page shows an error with {', '.join(broken)}" if broken else ""))
            if ratio > RERUN_GOAL:
                for data in (large, shipped):
                    text = found[data.label].get("profiles", {}).get(page)
                    if text:
                        results.profiles[f"{data.label}: rerun of {page} (cProfile, cumulative)"] = text
    return found
