"""The dashboard served ready: ``streamlit run app.py`` serves ``dashboard.py`` and, when the server
starts, prepares the data, the frames and the export renderer (``ui.warm``) before the first visitor.

``streamlit run dashboard.py`` still works; its first visitor then starts the same warm-up."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import streamlit as st


@contextlib.asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    from ui import warm

    warm.start()
    yield


app = st.App("dashboard.py", lifespan=lifespan)
