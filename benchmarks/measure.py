"""What every part measures with: a timed call, a profiled call, and what /proc says about a process.

A leaf module: it imports nothing else of ``benchmarks``, so every part can use it.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds ``call()`` took, and what it returned."""
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def repeated(call: Callable[[], Any], times: int) -> list[float]:
    """Seconds of each of ``times`` calls."""
    return [timed(call)[0] for _ in range(times)]


def profile_summary(profiler: cProfile.Profile, limit: int = 15) -> str:
    """The ``limit`` functions with the most cumulative time, as pstats prints them."""
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(limit)
    text = out.getvalue()
    return text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text.rstrip()


def profiled(call: Callable[[], Any], limit: int = 15, new_threads: bool = False) -> tuple[float, Any, str]:
    """Seconds, result and profile summary of ``call()``. With ``new_threads``, the threads the call
    starts are profiled instead of the calling one: AppTest runs the page script in a thread of its
    own, so profiling the calling thread would only show AppTest waiting for it."""
    profiler = cProfile.Profile()

    def enable_here(*_: object) -> None:
        sys.setprofile(None)
        profiler.enable()

    if new_threads:
        threading.setprofile(enable_here)
    else:
        profiler.enable()
    try:
        seconds, result = timed(call)
    finally:
        if new_threads:
            threading.setprofile(None)  # type: ignore[arg-type]
        else:
            profiler.disable()
    return seconds, result, profile_summary(profiler, limit)


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _proc_kib(path: str, field: str) -> int:
    """A ``Field:  N kB`` line of a /proc file, in bytes; 0 once the process is gone."""
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (VmRSS), 0 once it is gone."""
    return _proc_kib(f"/proc/{pid}/status", "VmRSS")


def pss_bytes(pid: int) -> int:
    """Proportional set size (shared pages divided among their users), 0 once it is gone:
    the honest way to add up a browser's many processes."""
    return _proc_kib(f"/proc/{pid}/smaps_rollup", "Pss")


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, grandchildren...), from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        children = parents.get(queue.pop(), [])
        found += children
        queue += children
    return found

