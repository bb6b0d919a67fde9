"""One headless Chromium per process, through kaleido, for every static export.

Why not ``kaleido.start_sync_server``: its server runs Kaleido's own methods only, so it
cannot print a multi-page HTML document (the briefing pack as PDF), and its request and
reply queues are shared without a lock, so two sessions exporting at once could receive
each other's images. Here one ``kaleido.Kaleido`` browser lives on an event loop of its
own in a daemon thread; callers from any thread submit coroutines to that loop and wait on
their own future, so concurrent sessions never collide, and a long deck only queues its
renders one by one between other sessions' renders instead of holding a lock for the
whole deck.

Nothing here reaches the network: MathJax is off (kaleido would otherwise load it from a
CDN) and plotly.js is the copy shipped with the plotly package.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import contextlib
import functools
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CJK_FONT = "Noto Sans CJK SC"
"""The font every export names; Debian's fonts-noto-cjk provides it."""

RENDER_TIMEOUT = 90.0
"""Seconds one image may take in the browser before kaleido gives up."""


class ExportError(RuntimeError):
    """An export failed."""


class ExportUnavailable(ExportError):
    """Static export cannot work on this machine; ``package`` is the Debian package that fixes it."""

    def __init__(self, message: str, package: str) -> None:
        super().__init__(message)
        self.package = package


def _browser_missing(detail: str = "") -> ExportUnavailable:
    suffix = f" ({detail})" if detail else ""
    return ExportUnavailable(
        "Image export needs the Chromium browser, which was not found or did not start"
        f"{suffix}: install the Debian package chromium (apt-get install chromium).", "chromium")


def _font_missing() -> ExportUnavailable:
    return ExportUnavailable(
        f"Image export needs the font {CJK_FONT} for Chinese text: install the Debian package "
        "fonts-noto-cjk (apt-get install fonts-noto-cjk).", "fonts-noto-cjk")


def find_browser() -> str | None:
    """The browser kaleido will start: ``BROWSER_PATH`` if set, else the first on PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


@functools.lru_cache(maxsize=1)
def has_cjk_font() -> bool:
    """Whether fontconfig knows the CJK font (or, without fc-list, whether its file is installed)."""
    if shutil.which("fc-list"):
        try:
            listing = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                                     timeout=20, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            listing = ""
        if CJK_FONT in listing:
            return True
    return any(Path("/usr/share/fonts").glob("**/NotoSansCJK*"))


def check_environment() -> None:
    """Raise ExportUnavailable naming the Debian package that is missing; cheap, starts nothing."""
    if find_browser() is None:
        raise _browser_missing()
    if not has_cjk_font():
        raise _font_missing()


class Renderer:
    """A kaleido browser on its own event loop thread; safe to call from any thread.

    One tab by default: renders queue first come, first served, one image at a time, which on
    two cores is as fast as two tabs and starts in about half the time."""

    def __init__(self, tabs: int = 1) -> None:
        self._tabs = tabs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self.broken = False

    def start(self) -> None:
        """Check the machine, then start Chromium (a few seconds) and load plotly.js in its tabs."""
        check_environment()
        import kaleido
        from choreographer.errors import BrowserDepsError, BrowserFailedError, ChromeNotFoundError

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="export-renderer", daemon=True)
        self._thread.start()

        async def open_browser() -> Any:
            browser = kaleido.Kaleido(n=self._tabs, timeout=RENDER_TIMEOUT, mathjax=False)
            await browser.open()
            return browser

        try:
            self._kaleido = self._run(open_browser(), RENDER_TIMEOUT)
        except (ChromeNotFoundError, BrowserFailedError, BrowserDepsError, FileNotFoundError, PermissionError) as exc:
            self.close()
            raise _browser_missing(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc

    @property
    def alive(self) -> bool:
        return not self.broken and self._thread is not None and self._thread.is_alive() and self._kaleido is not None

    def _run(self, coroutine: Coroutine[Any, Any, T], timeout: float) -> T:
        if self._loop is None:
            coroutine.close()
            raise ExportError("the export renderer is not running")
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise ExportError(f"the export took longer than {timeout:.0f} s") from None

    def _call(self, coroutine: Coroutine[Any, Any, T], timeout: float) -> T:
        from choreographer.errors import BrowserClosedError, BrowserFailedError, ChannelClosedError

        try:
            return self._run(coroutine, timeout)
        except (BrowserClosedError, BrowserFailedError, ChannelClosedError) as exc:
            self.broken = True
            raise ExportError(f"the export browser stopped ({type(exc).__name__}); try again") from exc

    def figure(self, figure: dict, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
        """A plotly figure (as a dict) rendered as png, svg or pdf."""
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        return self._call(self._kaleido.calc_fig(figure, opts=opts), RENDER_TIMEOUT + 30)

    def html_to_pdf(self, html: str, timeout: float = 300.0) -> bytes:
        """Print an HTML document (its own ``@page`` size, one or many pages) to PDF."""
        with tempfile.TemporaryDirectory(prefix="metrics-export-") as folder:
            page = Path(folder) / "document.html"
            page.write_text(html, encoding="utf-8")
            return self._call(self._print(page.as_uri()), timeout)

    async def _print(self, url: str) -> bytes:
        tab = await self._kaleido.create_tab(url="about:blank")
        try:
            await tab.send_command("Page.enable")
            loaded = tab.subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.navigate", params={"url": url})
            await loaded
            response = await tab.send_command(
                "Page.printToPDF", params={"printBackground": True, "preferCSSPageSize": True})
        finally:
            await tab.close()
        if "error" in response:
            raise ExportError(f"printing to PDF failed: {response['error']}")
        return base64.b64decode(response["result"]["data"])

    def close(self) -> None:
        """Close the browser and stop the loop; the renderer cannot be used again.

        choreographer logs a traceback when the pipe closes in the middle of a browser message,
        which is expected here: its log is silenced while closing."""
        loop, browser = self._loop, self._kaleido
        self._kaleido = None
        if loop is None:
            return
        browser_log = logging.getLogger("choreographer")
        level = browser_log.level
        browser_log.setLevel(logging.CRITICAL)
        try:
            if browser is not None and self._thread is not None and self._thread.is_alive():
                with contextlib.suppress(Exception):
                    asyncio.run_coroutine_threadsafe(browser.close(), loop).result(30)
            loop.call_soon_threadsafe(loop.stop)
            if self._thread is not None:
                self._thread.join(10)
            if not loop.is_running():
                loop.close()
        finally:
            browser_log.setLevel(level)
        self._loop = None


_lock = threading.Lock()
_renderer: Renderer | None = None


def get_renderer() -> Renderer:
    """The process's renderer, started on first use (and again if its browser died)."""
    global _renderer
    with _lock:
        if _renderer is None or not _renderer.alive:
            if _renderer is not None:
                _renderer.close()
            renderer = Renderer()
            renderer.start()
            if _renderer is None:
                atexit.register(shutdown)
            _renderer = renderer
        return _renderer


def warm_up() -> None:
    """Start the renderer in the background so the first download does not wait for Chromium."""

    def start() -> None:
        with contextlib.suppress(ExportError):
            get_renderer()

    threading.Thread(target=start, name="export-renderer-warm-up", daemon=True).start()


def shutdown() -> None:
    """Close the process's renderer (tests; a server closes it at exit by itself)."""
    global _renderer
    with _lock:
        if _renderer is not None:
            _renderer.close()
            _renderer = None
