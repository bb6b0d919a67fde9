"""Measurements that need a fresh process: ``run_worker(KIND, ...)`` runs
``python -m benchmarks.workers KIND ...`` and returns the JSON object it prints last.

A fresh process is what "cold" means here: nothing parsed, nothing cached, only the modules
imported (their import time is reported apart). The kinds ``app`` and ``firstrun``
(benchmarks.app_timing) and ``exports`` (benchmarks.export_timing) are imported only in the
child, so this module imports nothing heavy, and nothing imports it back.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.measure import peak_rss_mib, profiled, timed

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("load", "cparse", "app", "firstrun", "figures", "exports")


def run_worker(kind: str, *args: str, timeout: float = 900.0) -> dict:
    """Run one measurement in a fresh process; its JSON answer. Raises if the process fails."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.workers", kind, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"worker {kind} {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def same_figures(data: str, sources: str, pages: list[str]) -> Iterator[Path]:
    """A JSON file of the figures ``pages`` send before and after their filter change (the worker
    ``figures``), for ``figure_app.py`` (``REF_FIGURES``) while the block runs; removed after it."""
    found = run_worker("figures", "--data", data, "--sources", sources, "--pages", ",".join(pages))
    path = Path(tempfile.mkstemp(prefix="bench-figures-", suffix=".json")[1])
    try:
        path.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        yield path
    finally:
        path.unlink(missing_ok=True)


def _measured(call: Any, profile: bool) -> tuple[float, Any, str]:
    return profiled(call) if profile else (*timed(call), "")


def load(data: str, sources: str, profile: bool) -> dict:
    """metrics.load.dataset.load (read with its included files, validate, provenance) in this fresh process."""
    imported, _ = timed(lambda: __import__("metrics.load.dataset"))
    from metrics.load.dataset import load as load_dataset

    seconds, dataset, summary = _measured(lambda: load_dataset(data, Path(sources) if sources else None), profile)
    return {"import_s": imported, "load_s": seconds, "observations": len(dataset.observations),
            "peak_rss_mib": peak_rss_mib(), "profile": summary}


def dataset_files(data: str) -> list[Path]:
    """The main file and the files its ``include`` patterns match (as the loader reads them: the
    patterns relative to the main file's folder, each pattern's files in name order)."""
    import yaml

    main = Path(data)
    with main.open(encoding="utf-8") as handle:
        top = yaml.load(handle, Loader=yaml.CSafeLoader)
    patterns = (top.get("include") or []) if isinstance(top, dict) else []
    files = [main]
    for pattern in patterns:
        files += [p for p in sorted(main.parent.glob(pattern)) if p.is_file() and p not in files]
    return files


def cparse(data: str, profile: bool) -> dict:
    """PyYAML's C safe loader alone on every file of the dataset: the floor for reading it."""
    import yaml

    files = dataset_files(data)

    def parse() -> None:
        for file in files:
            with file.open(encoding="utf-8") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)

    seconds, _, summary = _measured(parse, profile)
    return {"parse_s": seconds, "files": len(files), "peak_rss_mib": peak_rss_mib(), "profile": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workers")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--data", required=True)
    parser.add_argument("--sources", default="")
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--warm-runs", type=int, default=5, help="exports: warm PNG exports for the median")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--pages", default="", help="firstrun, figures: comma-separated page names")
    args = parser.parse_args(argv)
    if args.kind == "load":
        result = load(args.data, args.sources, args.profile)
    elif args.kind == "cparse":
        result = cparse(args.data, args.profile)
    elif args.kind == "app":
        from benchmarks.app_timing import measure_app

        result = measure_app(args.data, args.sources, args.reruns)
    elif args.kind == "firstrun":
        from benchmarks.app_timing import profile_first_runs

        result = profile_first_runs(args.data, args.sources, [p for p in args.pages.split(",") if p])
    elif args.kind == "figures":
        from benchmarks.app_timing import page_figures

        result = page_figures(args.data, args.sources, [p for p in args.pages.split(",") if p])
    else:
        from benchmarks.export_timing import measure_exports

        result = measure_exports(args.data, args.sources, args.warm_runs)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
