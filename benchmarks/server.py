"""Start and stop a Streamlit server on a free loopback port; its memory (from /proc, by benchmarks.measure)."""

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
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import descendants, pss_bytes, rss_bytes

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(8600, 8700)
"""The ports this project's benchmarks and browser tests may use."""

HEALTH_TIMEOUT = 120.0
"""A server answers its health check once its lifespan has prepared the data and the renderer (ui.warm)."""


def free_port(ports: range = PORTS) -> int:
    """The first port of ``ports`` nothing listens on (and that binds) on 127.0.0.1."""
    for port in ports:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


@dataclass
class Server:
    """A running ``streamlit run``; ``stop`` ends it and everything it started."""

    script: str
    port: int
    process: subprocess.Popen
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def rss(self) -> int:
        """The server process's resident memory in bytes."""
        return rss_bytes(self.process.pid)

    def tree_pss(self) -> int:
        """The server and its children (an export Chromium, for instance): their PSS, in bytes."""
        return sum(pss_bytes(pid) for pid in [self.process.pid, *descendants(self.process.pid)])

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def wait_healthy(self, timeout: float = HEALTH_TIMEOUT) -> float:
        """Seconds until /_stcore/health answers ok; raises with the log if the server died."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return time.perf_counter() - start
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """End the server's process group (it was started in a session of its own)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


def start(script: str, env: Mapping[str, str] | None = None, port: int | None = None) -> Server:
    """``streamlit run script`` from the project root (its .streamlit/config.toml applies), healthy."""
    port = port or free_port()
    log = Path(tempfile.mkstemp(prefix=f"streamlit-{port}-", suffix=".log")[1])
    full_env = {**os.environ, **(env or {})}
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Server(script, port, process, log, dict(env or {}))
    try:
        server.wait_healthy()
    except BaseException:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def running(script: str, env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """A healthy server for the ``with`` block, stopped after it whatever happens."""
    server = start(script, env)
    try:
        yield server
    finally:
        server.stop()
