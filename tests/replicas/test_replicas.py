"""Three replicas behind HAProxy on loopback: 20 browser sessions, affinity, and one replica killed.

Debian's ``haproxy`` (``scripts/run-tests`` installs it) balances three ``streamlit run`` servers that
open one compiled snapshot. Two Chromium processes with ten contexts each (a context is a browser
profile: its own cookie, so its own session) open the regions page with a view in the URL, change
the year, go to the data page and download its CSV. Every HTTP response names the replica that served it
(``X-Replica``, set by HAProxy): each session must stay on one. Then one replica is killed: the
sessions on the others change the year again with no error, and the killed replica's sessions come
back on another replica with the view their URL holds.

Marked ``replicas`` (not in ``pytest -m fast``) and run only with ``METRICS_REPLICAS_TEST=1``: the
killed replica's first session does not yet always come back within its wait. Bounded: every wait has a timeout.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from metrics.load.dataset import DEFAULT_DATA
from tests import streamlit_server

pytestmark = [pytest.mark.replicas,
              pytest.mark.skipif(os.environ.get("METRICS_REPLICAS_TEST") != "1",
                                 reason="the killed replica's sessions do not yet all come back within the wait "
                                        "(issue 20): run with METRICS_REPLICAS_TEST=1")]
expect.set_options(timeout=45_000)

REPLICAS = 3
BROWSERS = 2
SESSIONS_PER_BROWSER = 10
FIRST_HALF_S = 540
"""The bound on the first half (20 sessions opened, changed, downloaded): about 100 s on an idle
2-core machine, 280 s seen with ten other processes competing for the cores."""
TIMEOUT_MS = 45_000
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
PROBE = re.compile(r"/[^/?]+/_stcore/(host-config|health)$")
"""Streamlit's client first asks for these under the page's path (``/regions/_stcore/health``), gets
a 404, then asks at the root: its way of finding the server's base path, not an error."""

CONFIG = """
global
    maxconn 2048
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    option redispatch
    retries 2
frontend web
    bind 127.0.0.1:{port}
    default_backend dashboard
backend dashboard
    balance roundrobin
    option httpchk GET /_stcore/health
    http-check expect status 200
    cookie NB_REPLICA insert indirect nocache httponly
    http-response set-header X-Replica %s
{servers}
"""


@dataclass
class Session:
    """One browser context's session and what happened to it."""

    name: str
    page: Page | None = None
    replicas: list[str] = field(default_factory=list)
    """The replica of each response, in order (from ``X-Replica``)."""
    before_kill: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    after_kill_errors: list[str] = field(default_factory=list)
    recovered: str = ""
    change_s: list[float] = field(default_factory=list)
    """Seconds of each year change, click to redrawn chart and idle (in the browser: not asserted on)."""

    def first_replica(self) -> str:
        return self.replicas[0] if self.replicas else ""


def _haproxy(port: int, replicas: dict[str, str], folder: Path) -> subprocess.Popen:
    servers = "\n".join(f"    server {name} {url.removeprefix('http://')} check inter 500ms fall 1 rise 2 cookie {name}"
                        for name, url in replicas.items())
    config = folder / "haproxy.cfg"
    config.write_text(CONFIG.format(port=port, servers=servers), encoding="utf-8")
    check = subprocess.run([HAPROXY, "-c", "-f", str(config)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    return subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _wait_healthy(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not streamlit_server._healthy(url):
        assert time.monotonic() < deadline, f"{url} not healthy after {timeout:.0f} s"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Three replicas on one snapshot and HAProxy before them: (balancer URL, {name: pid})."""
    if not Path(HAPROXY).exists():
        pytest.fail("haproxy is not installed: `apt-get install -y haproxy` (scripts/run-tests does it)")
    folder = tmp_path_factory.mktemp("replicas")
    source = Path(os.environ.get("METRICS_DATA") or DEFAULT_DATA)
    shutil.copytree(source.parent, folder / "data")
    env = {"METRICS_DATA": str(folder / "data" / source.name), "METRICS_SNAPSHOT_DIR": str(folder / "snapshots"),
           "BROWSER_PATH": "/nonexistent/chromium"}
    built = subprocess.run([sys.executable, "-m", "metrics", "build"], env={**os.environ, **env}, cwd=streamlit_server.ROOT,
                           capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    with contextlib.ExitStack() as stack:
        servers = {f"r{n}": stack.enter_context(streamlit_server.running("dashboard.py", env)) for n in range(1, REPLICAS + 1)}
        port = streamlit_server._free_port()
        balancer = _haproxy(port, {name: s.url for name, s in servers.items()}, folder)
        stack.callback(lambda: (balancer.terminate(), balancer.wait(10)))
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url)
        yield url, {name: s.pid for name, s in servers.items()}


def _idle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)


def _year_box(page: Page):
    return page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first.get_by_role("combobox")


def _choose_year(page: Page, label: str, chart: bool = True) -> None:
    """Choose a year in the sidebar; wait for the chart of that year (or, on a page without one,
    for the URL to hold it) and for the run to end."""
    _year_box(page).click()
    page.get_by_role("option", name=label, exact=True).click()
    if chart:
        expect(page.locator("[class*=\"st-key-charttitle-\"]").filter(has_text=label)).to_have_count(1)
    else:
        page.wait_for_url(re.compile(f"year={label.rstrip('年')}"), timeout=TIMEOUT_MS)
        expect(_year_box(page)).to_have_value(label)
    _idle(page)


def _no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _record(session: Session, page: Page) -> None:
    def seen(response) -> None:
        replica = response.headers.get("x-replica")
        if replica:
            session.replicas.append(replica)
        probe = response.status == 404 and PROBE.search(response.url)
        if response.status >= 400 and not probe:
            session.errors.append(f"HTTP {response.status} {response.url} from {replica}")

    page.on("response", seen)


def _first_half(session: Session, base: str) -> None:
    """Open the regions page with a view, change the year, download the data page's CSV."""
    page = session.page
    assert page is not None
    page.goto(f"{base}/regions?region=ningbo&year=2021&cmp=gdp")
    expect(page.locator("[class*=\"st-key-charttitle-\"]").first).to_contain_text("2021")
    _idle(page)
    start = time.monotonic()
    _choose_year(page, "2022年")
    session.change_s.append(time.monotonic() - start)
    page.get_by_test_id("stSidebarNav").get_by_text("数据与来源", exact=True).click()
    expect(page.get_by_role("heading", name="数据与来源", exact=True)).to_be_visible()
    _idle(page)
    button = page.get_by_test_id("stDownloadButton").filter(has_text="CSV").first
    with page.expect_download(timeout=TIMEOUT_MS) as download:
        button.click()
    failure = download.value.failure()
    assert failure is None, f"the download failed: {failure} ({download.value.url})"
    assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbf"), "the CSV has its BOM"
    _no_exception(page)


def _second_half(session: Session, killed: str) -> None:
    """After the kill: a session on a live replica changes the year; one on the killed replica
    must come back (on another replica) with the view of its URL, then change the year (on the data
    page, where each session is)."""
    page = session.page
    assert page is not None
    if session.first_replica() == killed:
        # Streamlit's client reconnects by itself (the old page stays drawn meanwhile); HAProxy sends
        # it to a live replica, where a new session reads the view from the URL. The year change
        # below then only succeeds through that new session.
        start = time.monotonic()
        while not any(r != killed for r in session.replicas[len(session.before_kill):]):
            assert time.monotonic() - start < 60, f"{session.name} did not reconnect in 60 s"
            page.wait_for_timeout(250)  # lets Playwright deliver the reconnection's responses
        page.wait_for_load_state()  # the client may reload the page when it meets a new server
        expect(page.get_by_role("heading", name="数据与来源", exact=True)).to_be_visible()
        expect(_year_box(page)).to_have_value("2022年")  # the URL's view, in the new session
        session.recovered = f"on another replica after {time.monotonic() - start:.1f} s"
    _idle(page)
    start = time.monotonic()
    _choose_year(page, "2023年", chart=False)
    session.change_s.append(time.monotonic() - start)
    _no_exception(page)
    expect(page.get_by_role("heading", name="数据与来源", exact=True)).to_be_visible()
    assert re.search(r"region=ningbo&year=2023&lang=zh", page.url) and "cmp=gdp" in page.url, f"the view was lost: {page.url}"


def _drive(base: str, sessions: list[Session], half_done: threading.Barrier, killed_box: dict[str, str],
           resume: threading.Event, alone: threading.Event) -> None:
    """One Chromium and its contexts, in this thread (Playwright's sync API is per thread). The
    first thread's first session runs alone (its year change is the one-session figure); the
    others start when it is done."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=streamlit_server.CHROMIUM, args=streamlit_server.LAUNCH_ARGS)
        try:
            if not sessions[0].name.endswith("s0") or not sessions[0].name.startswith("b0"):
                alone.wait(timeout=120)
            for session in sessions:
                context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="zh-CN", accept_downloads=True)
                context.set_default_timeout(TIMEOUT_MS)
                session.page = context.new_page()
                _record(session, session.page)
                try:
                    _first_half(session, base)
                except Exception as exc:  # every failure is a counted error, not a crash of the run
                    session.errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")
                alone.set()
            half_done.wait(timeout=FIRST_HALF_S)
            resume.wait(timeout=FIRST_HALF_S)
            killed = killed_box["name"]
            for session in sessions:  # before any Playwright call: a call delivers every page's events
                session.before_kill = list(session.replicas)
            for session in sessions:
                before = len(session.errors)
                try:
                    _second_half(session, killed)
                except Exception as exc:  # counted, as above
                    session.errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")
                session.after_kill_errors = session.errors[before:]
        finally:
            browser.close()


def test_three_replicas_twenty_sessions_affinity_and_a_replica_killed(cluster):
    base, pids = cluster
    sessions = [Session(f"b{b}s{s}") for b in range(BROWSERS) for s in range(SESSIONS_PER_BROWSER)]
    groups = [sessions[b * SESSIONS_PER_BROWSER:(b + 1) * SESSIONS_PER_BROWSER] for b in range(BROWSERS)]
    half_done = threading.Barrier(BROWSERS + 1)
    resume = threading.Event()
    killed_box: dict[str, str] = {}
    alone = threading.Event()
    threads = [threading.Thread(target=_drive, args=(base, group, half_done, killed_box, resume, alone), daemon=True)
               for group in groups]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    half_done.wait(timeout=FIRST_HALF_S)
    first_half_s = time.monotonic() - start

    per_replica: dict[str, list[Session]] = defaultdict(list)
    for session in sessions:
        per_replica[session.first_replica()].append(session)
    killed = max((r for r in per_replica if r), key=lambda r: len(per_replica[r]))
    os.killpg(pids[killed], signal.SIGKILL)
    killed_box["name"] = killed
    kill_time = time.monotonic()
    resume.set()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a browser thread did not finish in time"

    report = (f"first half {first_half_s:.0f} s, after the kill {time.monotonic() - kill_time:.0f} s; "
              f"sessions per replica {({r: len(s) for r, s in sorted(per_replica.items())})}, killed {killed}; "
              + "; ".join(f"{s.name}: {s.recovered}" for s in sessions if s.recovered))
    changes = sorted(t for s in sessions[1:] for t in s.change_s)
    if changes and sessions[0].change_s:
        p95 = changes[min(len(changes) - 1, int(0.95 * len(changes)))]
        report += (f"; year change in the browser: one session alone {sessions[0].change_s[0]:.2f} s, "
                   f"p95 of the others {p95:.2f} s ({p95 / sessions[0].change_s[0]:.1f}×)")
    print(report)
    first_errors = {s.name: s.errors[:len(s.errors) - len(s.after_kill_errors)] for s in sessions}
    assert not any(first_errors.values()), first_errors
    assert len(per_replica) >= 2 and all(per_replica), f"sessions were spread: {report}"
    for session in sessions:  # affinity: one replica per session until the kill, and after it for the others
        kept = session.replicas if session.first_replica() != killed else session.before_kill
        assert len(set(kept)) == 1, f"{session.name} moved between replicas: {session.replicas}"
    survivors = {s.name: s.after_kill_errors for s in sessions if s.first_replica() != killed}
    assert not any(survivors.values()), survivors
    returned = {s.name: s.after_kill_errors for s in per_replica[killed]}
    assert not any(returned.values()), returned
    for session in per_replica[killed]:  # they came back on another replica (the reconnection's first
        after = session.replicas[len(session.before_kill):]  # parallel probes may meet two before the new cookie)
        assert after and killed not in after, f"{session.name}: {session.replicas}"
