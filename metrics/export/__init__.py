"""Exports for briefings: chart images (PNG/SVG/PDF), tables (CSV/XLSX), the briefing pack
(PPTX/PDF). Images need Chromium and the Noto CJK font; without them ``ExportUnavailable``
names the Debian package to install, and the tables still work."""

from metrics.export.deck import UnknownRegion, deck_pdf, deck_pptx
from metrics.export.images import FORMATS, Caption, export_filename, figure_bytes, prepare_figure, view_label
from metrics.export.renderer import ExportError, ExportUnavailable, check_environment
from metrics.export.tables import CSV_MIME, XLSX_MIME, table_csv, table_xlsx

__all__ = [
    "CSV_MIME", "FORMATS", "XLSX_MIME", "Caption", "ExportError", "ExportUnavailable", "UnknownRegion",
    "check_environment", "deck_pdf", "deck_pptx", "export_filename", "figure_bytes", "prepare_figure",
    "table_csv", "table_xlsx", "view_label",
]
