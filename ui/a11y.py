"""Names for Streamlit's own controls, in the view's language, for screen readers and phones;
card titles that wrap instead of being cut.

Streamlit labels the button that opens the sidebar "Expand sidebar" (in English, an icon only
on screen: a "»" on a phone) and renders Material icons as their ligature text, which a screen
reader reads out ("expand_more"). Through ``st.html`` with its documented
``unsafe_allow_javascript``, a small script gives that button a visible, translated label and
hides icon ligatures from assistive technology. It only sets attributes and text on Streamlit's
controls; no data passes through it.
"""

from __future__ import annotations

import json

import streamlit as st

from metrics.text import i18n

_STYLE = """
<style>
/* a card's title wraps rather than losing its unit to an ellipsis ("General public budget revenue (…") */
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div { white-space: normal !important; overflow: visible !important; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; height: auto !important; }
/* a chart wider than a phone (the heatmap keeps its cells readable) scrolls sideways, never overlaps */
[data-testid="stPlotlyChart"] { overflow-x: auto; }
</style>
"""
_SCRIPT = """
<script>
(function () {
  window.__ningboWords = %(words)s;
  function name() {
    const words = window.__ningboWords;
    const open = document.querySelector('[data-testid="stExpandSidebarButton"]');
    if (open && open.dataset.named !== words.lang) {
      open.setAttribute("aria-label", words.open);
      let text = open.querySelector(".filters-label");
      if (!text) { text = document.createElement("span"); text.className = "filters-label";
                   text.style.cssText = "margin-left:0.25rem;font-size:0.95rem;"; open.appendChild(text); }
      text.textContent = words.open;
      open.dataset.named = words.lang;
    }
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) { close.setAttribute("aria-label", words.close); }
    document.querySelectorAll('[data-testid="stIconMaterial"]:not([aria-hidden])').forEach(function (icon) {
      icon.setAttribute("aria-hidden", "true");
    });
  }
  name();
  if (!window.__ningboNamer) {
    // Not on every node the page adds: a chart's redraw adds thousands, and an observer of the whole
    // body cost the browser about as much as the redraw itself on a filter change (issue 21). The
    // controls change when a script run ends (the app's state attribute), or on a click or a key
    // (the sidebar opened or closed, a menu opened), or when the window is resized.
    let queued = false;
    const soon = function () {
      if (queued) { return; }
      queued = true;
      window.requestAnimationFrame(function () { queued = false; name(); });
    };
    const later = function () { soon(); window.setTimeout(soon, 300); };
    window.__ningboNamer = new MutationObserver(later);
    const app = document.querySelector('[data-testid="stApp"]');
    if (app) { window.__ningboNamer.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]}); }
    document.addEventListener("click", later, true);
    document.addEventListener("keyup", later, true);
    window.addEventListener("resize", later);
  }
})();
</script>
"""


def name_controls(lang: str) -> None:
    """Label Streamlit's sidebar buttons in ``lang`` and hide icon ligatures from screen readers."""
    words = {"lang": lang, "open": i18n.t("filters_open", lang), "close": i18n.t("filters_close", lang)}
    st.html(_STYLE + _SCRIPT % {"words": json.dumps(words, ensure_ascii=False)}, unsafe_allow_javascript=True)
