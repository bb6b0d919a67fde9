"""Data scale: load and validate cold and cached against the bare C-loader parse; page reruns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import Figure, Results
from benchmarks.workers import run_worker

ROOT = Path(__file__).resolve().parent.parent
SECTION = "Data scale"
COLD_GOAL = 2.0
"""The generated dataset's cold load against the C-loader parse of the same files."""
SHIPPED_COLD_GOAL_S = 1.0
"""The shipped data's cold load (metrics.yaml and its included files), in seconds."""
CACHED_GOAL_S = 0.1
RERUN_GOAL = 2.0


@dataclass(frozen=True)
class Data:
    """A dataset to measure: its label, YAML file and source texts."""

    label: str
    path: Path
    sources: Path


def measure_loading(results: Results, shipped: Data, large: Data) -> dict[str, dict]:
    """Cold load + validate of each dataset and the C-loader parse of the same files, in fresh processes."""
    found: dict[str, dict] = {}
    for data in (shipped, large):
        cold = run_worker("load", "--data", str(data.path), "--sources", str(data.sources))
        parse = run_worker("cparse", "--data", str(data.path))
        ratio = cold["load_s"] / parse["parse_s"]
        found[data.label] = {"cold": cold, "parse": parse}
        is_large = data is large
        results.add(Figure(SECTION, f"{data.label}: C-loader parse alone (yaml.load, CSafeLoader)", parse["parse_s"], "s",
                           note=f"{parse['files']} file(s); peak RSS {parse['peak_rss_mib']:.0f} MiB"))
        results.add(Figure(SECTION, f"{data.label}: load + validate + provenance, cold (metrics.load.dataset.load)", cold["load_s"],
                           "s", goal="" if is_large else f"< {SHIPPED_COLD_GOAL_S:g} s",
                           met=None if is_large else cold["load_s"] < SHIPPED_COLD_GOAL_S,
                           note=f"{cold['observations']} observations; imports before it {cold['import_s']:.2f} s; "
                                f"peak RSS {cold['peak_rss_mib']:.0f} MiB"))
        results.add(Figure(SECTION, f"{data.label}: cold load ÷ C-loader parse", ratio, "×",
                           goal=f"≤ {COLD_GOAL:g}×" if is_large else "", met=ratio <= COLD_GOAL if is_large else None))
        missed = ratio > COLD_GOAL if is_large else cold["load_s"] >= SHIPPED_COLD_GOAL_S
        if missed:
            profiled = run_worker("load", "--data", str(data.path), "--sources", str(data.sources), "--profile")
            results.profiles[f"{data.label}: metrics.load.dataset.load (cProfile, cumulative)"] = profiled["profile"]
    return found


def measure_app(results: Results, shipped: Data, large: Data, reruns: int) -> dict[str, dict]:
    """The app's cached loader (first and cached call) and page reruns (AppTest), per dataset."""
    found: dict[str, dict] = {}
    for data in (shipped, large):
        found[data.label] = run_worker("app", "--data", str(data.path), "--sources", str(data.sources), "--reruns", str(reruns))
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
