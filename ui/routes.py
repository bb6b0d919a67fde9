"""The dashboard's pages, and a page of its own for an address that names none of them.

Streamlit answers an unknown page path with its own "Page not found" dialog, in English,
whatever the interface language. There is no setting for it; so when the address's path
(``st.context.url``) names no page, the navigation gets one more page, hidden from the menu,
at exactly that path: it says so in the view's language and links to the overview.

That path is whatever the browser asks for (Chinese, spaces, a script tag, bidi controls, a
thousand characters): the page gets exactly the name the browser sends, decoded, so Streamlit
finds it. What never reaches the script (a NUL byte, ``..``, a line break, a nested path such as
``/a/b``, which Streamlit's server refuses or serves without its assets) is sent to the
not-found page by ``serve.py``'s middleware (``ui.odd_paths``), before Streamlit's server sees it.

The overview is the default page, served at the root; Streamlit reserves the default page's
own path and answers it with that dialog too. So the default page's path is ``~root``, and
``/overview``, which a person may well type, is a hidden page that goes on to the overview,
keeping the view.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlparse

import streamlit as st

from metrics.importer import review
from metrics.text import i18n
from ui import state

PAGES = (
    ("pages/overview.py", "page_overview", "overview", ":material/dashboard:"),
    ("pages/targets.py", "page_targets", "targets", ":material/flag:"),
    ("pages/trends.py", "page_trends", "trends", ":material/show_chart:"),
    ("pages/regions.py", "page_regions", "regions", ":material/bar_chart:"),
    ("pages/data_sources.py", "page_data", "data_sources", ":material/table:"),
)
IMPORT_PAGE = ("pages/import_review.py", "page_import", "import_review", ":material/upload_file:")
"""Listed only with ``METRICS_IMPORT=1``: it writes to the server's data file."""
NOT_FOUND_PAGE = "pages/not_found.py"
NOT_FOUND_PATH = "not_found"
"""Where ``ui.odd_paths`` sends an address Streamlit's server would not answer with the app."""
MAX_PATH = 2000


def listed() -> tuple[tuple[str, str, str, str], ...]:
    return PAGES + ((IMPORT_PAGE,) if review.enabled() else ())


def unknown_path(url: str | None) -> str | None:
    """The page name the browser asks for in ``url`` (its path, decoded) when it names no page of
    the dashboard and a page could have it as its path (one segment, no control character, not
    padded with spaces); None for the root, a known page, or anything else."""
    if not url:
        return None
    path = unquote(urlparse(url).path).strip("/")
    if not path or path in {url_path for _, _, url_path, _ in listed()} or path == DEFAULT_RESERVED:
        return None
    if "/" in path or path != path.strip() or len(path) > MAX_PATH:
        return None
    return None if any(unicodedata.category(c) == "Cc" for c in path) else path


DEFAULT_RESERVED = "~root"
"""The path Streamlit reserves for the default page (which it serves at the root only): one no
one types, outside what an unknown path may be (so the not-found page never claims it)."""


def _to_the_overview() -> None:
    """``/overview``: the overview at the root, with the view the address asked for."""
    st.switch_page(PAGES[0][0], query_params=state.current_params() if state.has_view() else None)


def pages(lang: str) -> list:
    """The navigation: every listed page, plus the hidden not-found page at an unknown path."""
    found = [st.Page(path, title=i18n.t(title, lang), url_path=DEFAULT_RESERVED if number == 0 else url, icon=icon,
                     default=number == 0)
             for number, (path, title, url, icon) in enumerate(listed())]
    found.append(st.Page(_to_the_overview, title=i18n.t("page_overview", lang), url_path=PAGES[0][2], visibility="hidden"))
    missing = unknown_path(st.context.url)
    if missing is not None:
        found.append(st.Page(NOT_FOUND_PAGE, title=i18n.t("not_found_title", lang), url_path=missing, visibility="hidden"))
    return found
