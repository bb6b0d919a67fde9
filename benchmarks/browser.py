"""Playwright with Debian's Chromium, and what a page of a Streamlit app is waited for.

Timings are taken in Python around Playwright calls that poll the page on every animation
frame, so a figure is the time until the chart is in the page and drawn, not until some
fixed wait ended.
"""

from __future__ import annotations

from typing import Any

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}

APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHARTS = '[data-testid="stPlotlyChart"] .js-plotly-plot'

_JS_HELPERS = """
const charts = () => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')];
const drawn = (c) => { const t = c.querySelector('g.trace, g.pielayer g.slice'); if (!t) return false;
  const r = c.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
const text = (c) => [...c.querySelectorAll('svg.main-svg')].map(s => s.textContent).join('|')
  + '|' + (c.data || []).map(t => String(t.y)).join(';');  // a sparkline has no text: its values tell a change
const idle = () => { const a = document.querySelector('[data-testid="stApp"]');
  return !!a && a.getAttribute('data-test-script-state') === 'notRunning'; };
const error = () => { const e = document.querySelector('[data-testid="stException"], [data-testid="stAlertContentError"]');
  return e ? 'error shown: ' + e.textContent.trim().slice(0, 300) : ''; };
"""

ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'

FIRST_CHART_DRAWN = "() => {" + _JS_HELPERS + "return charts().some(drawn) || (idle() && error()); }"
"""True once a Plotly chart has a drawn trace and a size on screen; the error's text if the
script finished showing an error instead (see ``outcome``)."""

ALL_CHARTS_TEXT = "() => {" + _JS_HELPERS + "return charts().filter(drawn).map(text); }"

CHANGED_AND_IDLE = "(before) => {" + _JS_HELPERS + """
  if (!idle()) return false;
  if (error()) return error();
  const now = charts().filter(drawn).map(text);
  if (now.length === 0 && before.length > 0) {  // a redraw empties a chart for a moment: only a lasting loss counts
    window.__benchNoChartSince = window.__benchNoChartSince || performance.now();
    return performance.now() - window.__benchNoChartSince > 3000 ? 'no chart drawn 3 s after the change' : false;
  }
  window.__benchNoChartSince = 0;
  return now.some((t, i) => t !== before[i]);
}"""
"""True when the script has finished and a drawn chart's text differs from ``before``; a text
saying what is wrong if the finished run shows an error or no chart (see ``outcome``)."""


def outcome(handle: Any, what: str) -> None:
    """Raise if a wait above ended on what is wrong rather than on ``true``: a benchmark of a page
    that shows an error, or lost its chart, measures nothing (and should not wait two minutes)."""
    value = handle.json_value()
    if value is not True:
        raise RuntimeError(f"{what}: {value}")


def launch(playwright: Any, **options: Any) -> Any:
    """Headless Debian Chromium (Playwright cannot download its own browser here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True, **options)


def new_page(browser: Any) -> Any:
    """A page in a fresh context: its own cookies and storage, so its own Streamlit session."""
    context = browser.new_context(viewport=VIEWPORT)
    return context.new_page()


def is_run_finished(payload: str | bytes) -> bool:
    """Whether a websocket frame from the server is its "script finished" message for a run that
    was not cut short by a newer one. The page takes frames on its main thread, so one arrives
    after the browser has handled (and rendered) the ones before it, not when the server sent it."""
    from google.protobuf.message import DecodeError
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if not isinstance(payload, bytes):
        return False
    try:
        message = ForwardMsg.FromString(payload)
    except DecodeError:
        return False
    return (message.WhichOneof("type") == "script_finished"
            and message.script_finished != ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN)


def on_run_finished(page: Any, callback: Any) -> None:
    """Call ``callback()`` each time the server tells ``page`` that a script run finished."""
    page.on("websocket", lambda socket: socket.on(
        "framereceived", lambda payload: callback() if is_run_finished(payload) else None))
