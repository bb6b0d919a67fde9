"""The dashboard as served: ``streamlit run serve.py`` (``scripts/run-dashboard`` does it).

``dashboard.py`` stays the app's entry script (``streamlit run dashboard.py`` works too, and
AppTest runs it); this file adds what only the server can do, before Streamlit's own handling:
an odd address (a NUL byte, ``..``, a line break, a nested path) goes to the dashboard's own
not-found page instead of a bare "Bad Request" or a blank page (``ui.odd_paths``), the first
visit after a start is routed like every other, and the data, the default view's figures and the
export renderer are prepared when the server starts (``ui.warm``, in the app's lifespan).
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from ui.odd_paths import OddPaths

# The app routes with st.navigation: no session, not even the first after a start, is served in
# the old pages/-folder mode (which answers /tragets with Streamlit's own "Page not found" dialog
# before the router runs; ``ui.state.context`` switches it off too, but only once a page has run).
PagesManager.uses_pages_directory = False



@contextlib.asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """When the server starts: the data, the default view's figures and the export renderer are
    prepared (``ui.warm``) before the first visitor, not by them."""
    from ui import warm

    await asyncio.to_thread(warm.prepare_now)  # the health check answers once this is done
    yield


app = st.App("dashboard.py", middleware=[Middleware(OddPaths, base=st.get_option("server.baseUrlPath") or "")],
             lifespan=lifespan)
