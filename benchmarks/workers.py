"""Measurements that need a fresh process, one per call: ``python -m benchmarks.workers KIND ...``.

Each prints one JSON object on its last line of output. A fresh process is what "cold"
means here: nothing parsed, nothing cached, only the modules imported (their import time
is reported apart).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import sys
import time
from pathlib import Path
from typing import Any


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def profile_summary(profiler: cProfile.Profile, limit: int = 15) -> str:
    """The ``limit`` functions with the most cumulative time, as pstats prints them."""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(limit)
    text = out.getvalue()
    return text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text.rstrip()


def _timed(call: Any, profile: bool) -> tuple[float, Any, str]:
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    result = call()
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    return elapsed, result, profile_summary(profiler) if profiler else ""


def load(data: str, sources: str, profile: bool) -> dict:
    """metrics.dataset.load (read, validate, provenance) in this fresh process."""
    start = time.perf_counter()
    from metrics.dataset import load as load_dataset

    imported = time.perf_counter() - start
    seconds, dataset, summary = _timed(lambda: load_dataset(data, Path(sources)), profile)
    return {"import_s": imported, "load_s": seconds, "observations": len(dataset.observations),
            "peak_rss_mib": peak_rss_mib(), "profile": summary}


def cparse(data: str, profile: bool) -> dict:
    """PyYAML's C safe loader alone on the same file: the floor for parsing it."""
    import yaml

    def parse() -> Any:
        with open(data, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=yaml.CSafeLoader)

    seconds, _, summary = _timed(parse, profile)
    return {"parse_s": seconds, "peak_rss_mib": peak_rss_mib(), "profile": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workers")
    parser.add_argument("kind", choices=("load", "cparse", "app", "firstrun", "exports"))
    parser.add_argument("--data", required=True)
    parser.add_argument("--sources", default="")
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--pages", default="", help="firstrun: comma-separated page names")
    args = parser.parse_args(argv)
    if args.kind == "load":
        result = load(args.data, args.sources, args.profile)
    elif args.kind == "cparse":
        result = cparse(args.data, args.profile)
    elif args.kind == "app":
        from benchmarks.app_timing import measure_app

        result = measure_app(args.data, args.sources, args.reruns, args.profile)
    elif args.kind == "firstrun":
        from benchmarks.app_timing import profile_first_runs

        result = profile_first_runs(args.data, args.sources, [p for p in args.pages.split(",") if p])
    else:
        from benchmarks.export_timing import measure_exports

        result = measure_exports(args.data, args.sources, args.profile)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
