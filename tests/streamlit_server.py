"""A real ``streamlit run`` for the browser tests, and Debian's Chromium for Playwright.

The tests' own copy, apart from the benchmarks' (tests do not import the benchmark harness):
a free loopback port in 8600-8699, healthy before it is used, its process group ended after.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORTS = range(8600, 8700)
START_TIMEOUT = 120.0  # serve.py answers its health check once the data and the renderer are prepared (ui.warm)

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
"""Playwright cannot download its own browser here; root needs ``--no-sandbox``."""


@dataclass(frozen=True)
class Running:
    url: str
    """``http://127.0.0.1:PORT``, without a trailing slash."""
    log: Path
    pid: int = 0
    """The server's process id, also its process group's (a test may kill it)."""


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(15)
            return
        except subprocess.TimeoutExpired:
            continue


def _default_env() -> dict[str, str]:
    """The environment of a server as deployed by default: the import page off unless asked for."""
    return {key: value for key, value in os.environ.items() if key != "METRICS_IMPORT"}


@contextlib.contextmanager
def running(script: str = "dashboard.py", env: Mapping[str, str] | None = None, port: int | None = None) -> Iterator[Running]:
    """``streamlit run script`` from the project root with ``env`` added, healthy, for the block."""
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    log = Path(tempfile.mkstemp(prefix=f"streamlit-test-{port}-", suffix=".log")[1])
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env={**_default_env(), **(env or {})}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _healthy(url):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}: {log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit was not healthy after {START_TIMEOUT:.0f} s")
            time.sleep(0.2)
        yield Running(url, log, process.pid)
    finally:
        _stop(process)
