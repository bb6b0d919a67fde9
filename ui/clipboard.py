"""Copy buttons: the briefing sentences, and the link to the current view.

Streamlit has no copy button of its own besides the code box's icon, and a code box shows prose
in a monospace frame. ``st.html`` with its documented ``unsafe_allow_javascript`` draws a real
button; the text to copy sits HTML-escaped in a hidden textarea (never in the script), so data
can never become code. The clipboard API needs a secure origin (localhost or https); elsewhere
the textarea is selected and copied the older way.
"""

from __future__ import annotations

import html
import re

import streamlit as st

_SCRIPT = """
<script>
(function () {
  const root = document.getElementById("%(id)s");
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  const button = root.querySelector("button");
  const store = root.querySelector("textarea");
  button.addEventListener("click", async function () {
    const text = store.dataset.link === "1" ? window.location.href : store.value;
    try { await navigator.clipboard.writeText(text); }
    catch (err) { store.value = text; store.hidden = false; store.select(); document.execCommand("copy"); store.hidden = true; }
    button.textContent = button.dataset.done;
    setTimeout(function () { button.textContent = button.dataset.label; }, 2000);
  });
})();
</script>
"""
_STYLE = ("font: inherit; padding: 0.35rem 0.8rem; border: 1px solid rgba(49,51,63,0.3); border-radius: 0.5rem; "
          "background: #fff; cursor: pointer; min-height: 2.4rem")


def _button(key: str, label: str, done: str, text: str, link: bool) -> None:
    element_id = "copy-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)
    body = (f'<div id="{element_id}" class="copy-button">'
            f'<button type="button" aria-label="{html.escape(label)}" data-label="{html.escape(label)}" '
            f'data-done="{html.escape(done)}" style="{_STYLE}">{html.escape(label)}</button>'
            f'<textarea hidden aria-hidden="true" data-link="{1 if link else 0}">{html.escape(text)}</textarea></div>')
    st.html(body + _SCRIPT % {"id": element_id}, unsafe_allow_javascript=True)


def copy_text_button(text: str, label: str, done: str, key: str) -> None:
    """A button that copies ``text``."""
    _button(key, label, done, text, link=False)


def copy_link_button(label: str, done: str, key: str) -> None:
    """A button that copies the address of the current view (the URL holds the view)."""
    _button(key, label, done, "", link=True)
