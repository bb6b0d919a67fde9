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
    // at most once a frame, however many nodes a redraw adds (a chart adds thousands)
    let queued = false;
    window.__ningboNamer = new MutationObserver(function () {
      if (queued) { return; }
      queued = true;
      window.requestAnimationFrame(function () { queued = false; name(); });
    });
    window.__ningboNamer.observe(document.body, {childList: true, subtree: true});
  }
})();
</script>
"""


def name_controls(lang: str) -> None:
    """Label Streamlit's sidebar buttons in ``lang`` and hide icon ligatures from screen readers."""
    words = {"lang": lang, "open": i18n.t("filters_open", lang), "close": i18n.t("filters_close", lang)}
    st.html(_STYLE + _SCRIPT % {"words": json.dumps(words, ensure_ascii=False)}, unsafe_allow_javascript=True)
