"""Server memory: resident size idle, after one browser session, after N concurrent sessions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from benchmarks import browser as b
from benchmarks import server
from benchmarks.page_speed import NAV_TIMEOUT_MS, errors_on, open_app, wait_idle


@dataclass(frozen=True)
class Memory:
    """Resident bytes of the server process at each step, and errors seen in the pages."""

    idle: int
    one: int
    many: int
    sessions: int
    errors: tuple[str, ...]
    one_tree: int
    many_tree: int
    """PSS of the server with its child processes (the export renderer's Chromium, if it started one)."""


def measure_memory(browser: Any, script: str, env: Mapping[str, str] | None = None, sessions: int = 10,
                   path: str = "") -> Memory:
    """A fresh server; RSS before any session, with one, then with ``sessions`` open at once on ``path``."""
    with server.running(script, env) as srv:
        idle = srv.rss()
        url = srv.url + path
        first, _ = open_app(browser, url)
        pages = [first]
        try:
            wait_idle(first)
            one, one_tree = srv.rss(), srv.tree_pss()
            for _ in range(sessions - 1):
                page = b.new_page(browser)
                pages.append(page)
                page.goto(url, wait_until="commit", timeout=NAV_TIMEOUT_MS)
            for page in pages:
                wait_idle(page)
            many, many_tree = srv.rss(), srv.tree_pss()
            errors = tuple(error for page in pages for error in errors_on(page))
        finally:
            for page in pages:
                page.context.close()
    return Memory(idle, one, many, sessions, errors, one_tree, many_tree)
