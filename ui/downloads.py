"""Download buttons for charts, tables and the briefing pack.

Chart and table files are built only when a button is clicked (``data`` is a callable and
``on_click="ignore"``, so the click neither reruns the page nor races a rerun). The pack takes
several seconds, so it is built on an explicit click with a progress bar, kept in the session,
then offered for download. Without Chromium or the CJK font the image and pack buttons give
way to a one-line notice naming the Debian package; tables always work.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from metrics.export import (
    CSV_MIME,
    FORMATS,
    XLSX_MIME,
    Caption,
    ExportUnavailable,
    check_environment,
    deck_pdf,
    deck_pptx,
    export_filename,
    figure_bytes,
    table_csv,
    table_xlsx,
)
from metrics.export.deck import Chart, all_charts, region_name
from metrics.export.renderer import ExportError, warm_up
from metrics.frames.dataframes import DataFrames
from metrics.text.catalogue import t
from ui import state

_DECK_WRITERS = {"pptx": deck_pptx, "pdf": deck_pdf}
_DECK_MIME = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "pdf": "application/pdf"}


def _file_name(basename: str, ext: str) -> str:
    return export_filename("", None, basename, ext)


def _unavailable() -> ExportUnavailable | None:
    """The reason images cannot be exported here (cheap: starts nothing), or None; on the first
    page that can export, the browser starts in the background so the first click is quick."""
    try:
        check_environment()
    except ExportUnavailable as exc:
        return exc
    _warm_once()
    return None


@st.cache_resource(show_spinner=False)
def _warm_once() -> bool:
    warm_up()
    return True


def _notice(exc: ExportUnavailable, lang: str) -> None:
    st.caption("⚠️ " + t("dl_unavailable", lang, package=exc.package))


def chart_downloads(fig: go.Figure, basename: str, lang: str, caption: Caption | None = None,
                    key: str | None = None) -> None:
    """PNG, SVG and PDF buttons for one chart; ``caption`` adds the view, units and source
    footnote the figure does not already show; ``key`` tells apart two charts of one name."""
    problem = _unavailable()
    if problem is not None:
        _notice(problem, lang)
        return
    with _menu(lang, f"downloads-{key or basename}"):
        for fmt, mime in FORMATS.items():
            st.download_button(
                f"{t('dl_download', lang)} {fmt.upper()}",
                data=_figure_callable(fig, fmt, caption),
                file_name=_file_name(basename, fmt),
                mime=mime,
                on_click="ignore",
                key=f"download-{key or basename}-{fmt}",
                width="stretch",
            )


def _menu(lang: str, key: str):  # st.popover's container
    """One "download" menu per chart or table: its buttons are drawn by the browser only when it
    is opened, where three buttons beside every chart were drawn on every change (issue 21)."""
    return st.popover(t("dl_download", lang), icon=":material/download:", key=key)


def _figure_callable(fig: go.Figure, fmt: str, caption: Caption | None) -> Callable[[], bytes]:
    return lambda: figure_bytes(fig, fmt, caption)


def table_downloads(raw: pd.DataFrame, kind: str, basename: str, lang: str, sources: pd.DataFrame | None = None,
                    key: str | None = None) -> None:
    """CSV (UTF-8 with BOM, for Excel) and XLSX (with a sources sheet) buttons for one table,
    built from the page's raw rows (``kind``: facts, ledger, progress or sources), never from the
    display table. ``sources`` is the dataset's sources table (``frames.sources``)."""
    with _menu(lang, f"downloads-{key or basename}"):
        st.download_button(f"{t('dl_download', lang)} CSV", data=lambda: table_csv(raw, kind, lang, sources),
                           file_name=_file_name(basename, "csv"), mime=CSV_MIME, on_click="ignore",
                           key=f"download-{key or basename}-csv", width="stretch")
        st.download_button(f"{t('dl_download', lang)} XLSX", data=lambda: table_xlsx(raw, kind, lang, sources),
                           file_name=_file_name(basename, "xlsx"), mime=XLSX_MIME, on_click="ignore",
                           key=f"download-{key or basename}-xlsx", width="stretch")


def deck_download(frames: DataFrames, region_id: str, year: int, lang: str,
                  charts: Sequence[Chart] | None = None) -> None:
    """Choose charts (all by default), build the pack as PPTX or PDF with a progress bar, and
    download it. The built file stays in the session until the choice changes."""
    problem = _unavailable()
    if problem is not None:
        _notice(problem, lang)
        return
    available = list(charts) if charts is not None else _deck_charts(frames, region_id, year, lang)
    if not available:
        st.caption(t("dl_deck_none", lang))
        return
    names = [name for name, _ in available]
    chosen = st.multiselect(t("dl_deck_charts", lang), names, default=names,
                            key=f"deck-charts-{region_id}-{year}-{lang}")
    selection = [chart for chart in available if chart[0] in chosen]
    stem = f"{region_name(frames, region_id, lang)}_{year}_{t('dl_deck_file', lang)}"
    columns = st.columns(len(_DECK_WRITERS))
    for column, fmt in zip(columns, _DECK_WRITERS, strict=True):
        key = deck_state_key(region_id, year, lang, chosen, fmt)
        with column:
            if st.button(t("dl_deck_build", lang, fmt=fmt.upper()), key=f"build-{key}", width="stretch",
                         disabled=not selection):
                st.session_state[key] = _build(frames, region_id, year, lang, selection, fmt)
            data = st.session_state.get(key)
            if data:
                st.download_button(f"{t('dl_download', lang)} {fmt.upper()}", data=data,
                                   file_name=_file_name(stem, fmt), mime=_DECK_MIME[fmt], on_click="ignore",
                                   key=f"download-{key}", type="primary", width="stretch")


def _deck_charts(frames: DataFrames, region_id: str, year: int, lang: str) -> list[Chart]:
    """The catalogue's charts for the view, built once per data version and view for every session
    (about a second), not on every rerun; the deck writers work on copies."""
    return cast(list[Chart], state.cached(all_charts, frames, region_id, year, lang))


def deck_state_key(region_id: str, year: int, lang: str, chosen: Sequence[str], fmt: str) -> str:
    """Where the session keeps a built pack: one per view, choice of charts and format."""
    digest = hashlib.sha1("\x1f".join([region_id, str(year), lang, *chosen]).encode()).hexdigest()[:12]
    return f"deck-{fmt}-{digest}"


def _build(frames: DataFrames, region_id: str, year: int, lang: str, charts: list[Chart], fmt: str) -> bytes | None:
    with st.status(t("dl_deck_building", lang), expanded=True) as status:
        bar = st.progress(0.0)

        def progress(done: int, total: int) -> None:
            bar.progress(done / total if total else 1.0, text=f"{done}/{total}")

        try:
            data = _DECK_WRITERS[fmt](frames, region_id, year, lang, charts, on_progress=progress)
        except ExportUnavailable as exc:
            status.update(label=t("dl_unavailable", lang, package=exc.package), state="error")
            return None
        except ExportError as exc:
            status.update(label=t("dl_deck_failed", lang, error=exc), state="error")
            return None
        status.update(label=t("dl_deck_built", lang), state="complete", expanded=False)
    return data
