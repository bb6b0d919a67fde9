"""Each script run's seconds, on the server, for measuring (issue 20's p95 script time per rerun).

When ``METRICS_RUN_LOG`` names a file, every run of the dashboard appends one JSON line to it: the
wall time it ended (``t``), the server process (``pid``), the session (``session``, Streamlit's id),
the page's URL path (``page``), the view as the URL holds it after the run (``view``: the query
string), whether the whole app ran or only the page's fragment (``run``: ``app`` or ``fragment``)
and the script's seconds (``s``). Lines from several replicas may share
the file: each is one ``write`` in append mode. Without the variable nothing is measured or written.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

ENV = "METRICS_RUN_LOG"


def started() -> float:
    """The moment an app run starts (read by ``timed`` at its end)."""
    return time.perf_counter()


@contextlib.contextmanager
def timed(app_started: float, page: str) -> Iterator[None]:
    """Around the page's fragment: an app run is timed from ``app_started``, a fragment's own rerun
    from its start. The line is written even when the page stops early (``st.stop``)."""
    path = os.environ.get(ENV)
    if not path:
        yield
        return
    ctx = get_script_run_ctx()
    fragment_only = bool(ctx is not None and ctx.fragment_ids_this_run)
    begin = time.perf_counter() if fragment_only else app_started
    try:
        yield
    finally:
        seconds = round(time.perf_counter() - begin, 4)
        view = "&".join(f"{key}={value}" for key, value in sorted(st.query_params.to_dict().items()))
        line = {"t": round(time.time(), 3), "pid": os.getpid(), "session": ctx.session_id if ctx else "",
                "page": page, "view": view, "run": "fragment" if fragment_only else "app", "s": seconds}
        with contextlib.suppress(OSError), open(path, "a", encoding="utf-8") as log:
            log.write(json.dumps(line) + "\n")
