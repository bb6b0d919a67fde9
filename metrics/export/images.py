"""Chart images: a figure made ready for a briefing (template, font, view, units, source) and
rendered as PNG, SVG or PDF by the process's Chromium (``metrics.export.renderer``)."""

from __future__ import annotations

import copy
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from metrics.charts.ledger import ROW_BESIDE_PX, ROW_NAME, ROW_PX
from metrics.charts.trends import YEAR_SPAN
from metrics.export.citations import footnote_index, plain
from metrics.export.renderer import CJK_FONT, ExportError, ExportUnavailable, get_renderer
from metrics.text import i18n
from metrics.text.text_width import is_wide, wrap

__all__ = [
    "DEFAULT_SCALE", "DEFAULT_WIDTH", "FORMATS", "Caption", "ExportError", "ExportUnavailable",
    "export_filename", "export_height", "figure_bytes", "fit_title", "prepare_figure", "readable", "view_label",
]

DEFAULT_WIDTH, DEFAULT_SCALE = 1280, 2
"""16:9 at this width by default (see ``export_height``); PNGs are rendered at twice the size
so they stay sharp on a projector."""

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
"""Export format -> MIME type."""

FOOTNOTE_SIZE = 11
FOOTNOTE_LINE = 15

_PLACEHOLDER = re.compile(r"^#0000[0-9a-fA-F]{2}$")
"""Streamlit's template colours (#000001...) that only its front end replaces with real ones."""

_WINDOWS_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Caption:
    """What an exported image must say besides the chart, each added only where the figure does
    not already say it: the view (``region`` and ``year``, as ``宁波市 · 2021年``), ``units``
    (e.g. ``单位:亿元``), the source ``footnote``; ``title`` only for a figure without one."""

    region: str | None = None
    year: int | None = None
    lang: str = "zh"
    footnote: str | None = None
    units: str | None = None
    title: str | None = None

    @property
    def view(self) -> str | None:
        return view_label(self.region, self.year, self.lang) if self.region else None


def view_label(region_name: str, year: int | None, lang: str) -> str:
    """The view an image shows, e.g. ``宁波市 · 2021年`` or ``Ningbo · 2021``."""
    if year is None:
        return region_name
    return i18n.t("view_label", lang, region=region_name, year=year)


def export_filename(region_name: str, year: int | None, page_name: str, ext: str) -> str:
    """``宁波市_2021_目标与完成.png``: safe on Windows (no /\\:*?"<>|, no trailing dot or space)."""
    parts = [region_name, str(year) if year is not None else "", page_name]
    stem = "_".join(_safe_part(part) for part in parts if part and _safe_part(part))
    stem = stem.rstrip(". ") or "export"
    return f"{stem[:150]}.{ext.lstrip('.').lower()}"


def _safe_part(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text))
    text = _WINDOWS_FORBIDDEN.sub("-", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def project_template() -> go.layout.Template:
    """The dashboard's chart template, so that an export looks like the screen."""
    from metrics.charts.theme import TEMPLATE

    return TEMPLATE


def _is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and bool(_PLACEHOLDER.match(value))


def _has_placeholder(node: Any) -> bool:
    if isinstance(node, dict):
        return any(_has_placeholder(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_placeholder(v) for v in node)
    return _is_placeholder(node)


def _replace_placeholders(node: Any, colorway: tuple[str, ...]) -> Any:
    """Placeholder #0000NN -> the template's NNth colour (what Streamlit's front end would do;
    Streamlit numbers them in decimal: #000010 is the tenth)."""
    if isinstance(node, dict):
        return {k: _replace_placeholders(v, colorway) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_placeholders(v, colorway) for v in node]
    if isinstance(node, tuple):
        return tuple(_replace_placeholders(v, colorway) for v in node)
    if _is_placeholder(node):
        digits = node[5:]
        number = int(digits) if digits.isdigit() else int(digits, 16)
        return colorway[(max(number, 1) - 1) % len(colorway)]
    return node


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _axes(layout: dict, letters: str = "xy") -> list[dict]:
    """The layout's axes (xaxis, xaxis2, …; ``letters`` "x" for the horizontal ones alone)."""
    return [axis for key, axis in layout.items() if re.match(rf"^[{letters}]axis\d*$", key) and isinstance(axis, dict)]


def _all_text(layout: dict) -> str:
    """Title, subtitle, axis titles and annotations: where units or a view could already be."""
    pieces = [_text((layout.get("title") or {}).get("text")),
              _text(((layout.get("title") or {}).get("subtitle") or {}).get("text"))]
    pieces += [_text((axis.get("title") or {}).get("text")) for axis in _axes(layout)]
    pieces += [_text(a.get("text")) for a in layout.get("annotations") or [] if isinstance(a, dict)]
    return "\n".join(pieces)


def prepare_figure(fig: go.Figure | dict, caption: Caption | None = None, width: int = DEFAULT_WIDTH) -> dict:
    """A copy of ``fig`` as a dict, ready to render: a real template (never Streamlit's placeholder
    one), the CJK font, and the caption's view, units and source footnote where missing."""
    figure = copy.deepcopy(fig.to_dict() if hasattr(fig, "to_dict") else dict(fig))
    layout = figure.setdefault("layout", {})
    template = layout.get("template")
    project = project_template()
    if not template or _has_placeholder(template):
        template = project.to_plotly_json()
        layout["template"] = template
    colorway = tuple((template.get("layout") or {}).get("colorway") or project.layout.colorway)
    figure["data"] = _replace_placeholders(figure.get("data") or [], colorway)
    layout.update(_replace_placeholders({k: v for k, v in layout.items() if k != "template"}, colorway))
    font_family = _text((layout.get("font") or {}).get("family")) or _text(
        ((template.get("layout") or {}).get("font") or {}).get("family"))
    if "CJK" not in font_family:
        layout.setdefault("font", {})["family"] = f"{CJK_FONT}, sans-serif"
    if caption is not None:
        _add_caption(layout, template, caption, width)
    return every_year(figure, width)


def _add_caption(layout: dict, template: dict, caption: Caption, width: int) -> None:
    title = layout.setdefault("title", {})
    if isinstance(title, str):
        title = layout["title"] = {"text": title}
    if not _text(title.get("text")) and caption.title:
        title["text"] = caption.title
    existing = _all_text(layout)
    shows_view = bool(caption.region and caption.region in existing and (
        caption.year is None or str(caption.year) in existing))
    extra = [part for part in (None if shows_view else caption.view, caption.units) if part and part not in existing]
    if extra:
        subtitle = title.setdefault("subtitle", {})
        subtitle["text"] = " · ".join([p for p in [_text(subtitle.get("text")), *extra] if p])
    margin = layout.setdefault("margin", {})
    template_margin = (template.get("layout") or {}).get("margin") or {}
    if extra or _text(title.get("text")):
        margin["t"] = max(margin.get("t") or template_margin.get("t") or 100, 100)
    if caption.footnote and caption.footnote not in existing and footnote_index({"layout": layout}) is None:
        left = margin.get("l") or template_margin.get("l") or 80
        right = margin.get("r") or template_margin.get("r") or 80
        text = "<br>".join(wrap(caption.footnote, max(width - left - right, 200) / FOOTNOTE_SIZE, latin_em=0.55))
        base = margin.get("b") or template_margin.get("b") or 80
        margin["b"] = base + FOOTNOTE_LINE * (text.count("<br>") + 1) + 10
        layout.setdefault("annotations", []).append({
            "text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": 0,
            "xanchor": "left", "yanchor": "top", "yshift": -base, "align": "left",
            "font": {"size": FOOTNOTE_SIZE, "color": "#555555"}, "name": "source-footnote",
        })


def _raise_fonts(node: Any, min_px: float) -> None:
    """Every ``font``-like dict under ``node`` (font, textfont, tickfont, title font, annotation
    fonts, the template's) with a size below ``min_px`` raised to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict):
                size = value.get("size")
                if isinstance(size, (int, float)) and not isinstance(size, bool) and size < min_px:
                    value["size"] = min_px
            _raise_fonts(value, min_px)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _raise_fonts(item, min_px)


SHORT_UNIT = 12
"""Characters of a unit that fits after every tick label (%, 亿元, CNY billion); a longer one
(percentage points / year) stays the title."""


def units_on_ticks(figure: dict) -> dict:
    """Stacked horizontal axes (a ledger's rows) whose titles are short units get the unit after
    each tick label instead (6,000家, 4.9%) and at most six ticks: a title line under each row
    is what made the rows overlap once the text is large enough for a slide. Changed in place."""
    layout = figure.get("layout") or {}
    titled = [axis for axis in _axes(layout, "x")
              if _text((axis.get("title") or {}).get("text")).strip() and axis.get("type") not in ("category", "date")]
    units = [_text(axis["title"]["text"]).strip() for axis in titled]
    if len(titled) < 2 or any(len(unit) > SHORT_UNIT for unit in units):
        return figure
    for axis, unit in zip(titled, units, strict=True):
        axis["ticksuffix"] = unit if unit == "%" or is_wide(unit[0]) else " " + unit
        axis["title"]["text"] = ""
        axis["nticks"] = min(axis.get("nticks") or 6, 6 if len(unit) <= 3 else 4)
    return figure


def names_beside(figure: dict) -> dict:
    """Rows named above their line (the target ledger, for a phone's width) named beside it instead, as
    y tick labels with room made for them, and the figure as much shorter as a row beside its name is:
    a slide is wide and short, and a name above each row took a line of height the slide's larger text
    did not have. Before the slide's size is chosen from the figure's height. Changed in place."""
    layout = figure.get("layout") or {}
    named = [a for a in layout.get("annotations") or [] if isinstance(a, dict) and a.get("name") == ROW_NAME]
    if not named:
        return figure
    for yref in {str(a.get("yref") or "y") for a in named}:
        axis = layout.setdefault("yaxis" + yref[1:], {})
        axis.update(showticklabels=True, ticks="outside", automargin=True)
    layout["annotations"] = [a for a in layout["annotations"] if not (isinstance(a, dict) and a.get("name") == ROW_NAME)]
    if isinstance(layout.get("height"), (int, float)):  # each row gives back the line its name took
        layout["height"] = int(layout["height"] - len(named) * (ROW_PX - ROW_BESIDE_PX))
    return figure


LINE = 1.35
"""A title line's height in ems."""
CAP_SHIFT = 0.70
"""Plotly's CAP_SHIFT (em): how far it moves a top-anchored one-line title down so that its capitals
start at the pad; a title of several lines is not moved (measured with Kaleido: 8, 11, 13 and 17 px
higher at 12, 15.5, 18 and 24 px, for 2 to 5 lines alike)."""


def fit_title(figure: dict, width: int, pad: int = 40) -> dict:
    """The figure's title (on a slide: the view and units that were its subtitle) wrapped anew to
    its width at its font size; the top margin grown by the lines it gained, a legend placed from
    the top under it, and a title of several lines moved down by Plotly's cap shift (it sets such a
    title's first baseline, not its cap height, at the pad: 0.7 em higher than a single line, out of
    the picture). Changed in place."""
    layout = figure.get("layout") or {}
    title = layout.get("title")
    if not isinstance(title, dict) or not _text(title.get("text")).strip():
        return figure
    size = float((title.get("font") or {}).get("size") or (layout.get("font") or {}).get("size") or 13)
    before = len(re.split(r"<br\s*/?>", title["text"], flags=re.IGNORECASE))
    lines = wrap(plain(title["text"]), (width - pad) / size, latin_em=0.55)
    title["text"] = "<br>".join(html.escape(line, quote=False) for line in lines)
    top = 12
    title["pad"] = {**(title.get("pad") or {}), "t": round(top + (CAP_SHIFT * size if len(lines) > 1 else 0))}
    margin = layout.setdefault("margin", {})
    if len(lines) > before and isinstance(margin.get("t"), (int, float)):
        margin["t"] = int(margin["t"] + (len(lines) - before) * size * LINE)
    legend = layout.get("legend")
    height = layout.get("height")
    if isinstance(legend, dict) and legend.get("yref") == "container" and isinstance(height, (int, float)):
        legend["y"] = 1 - (top + len(lines) * size * LINE + 6) / height
        legend["yanchor"] = "top"
    return figure


def readable(figure: dict, min_px: float) -> dict:
    """The figure (a prepared dict, changed in place) with no text smaller than ``min_px``: every
    font size set below it raised, the default font (which titles, ticks, legends and annotations
    inherit) at least ``min_px``, and bar labels never shrunk below it to fit their bar."""
    layout = figure.setdefault("layout", {})
    template_font = ((layout.get("template") or {}).get("layout") or {}).get("font") or {}
    font = layout.setdefault("font", {})
    base = font.get("size") or template_font.get("size") or 12
    font["size"] = max(base, min_px)
    _raise_fonts(figure, min_px)
    if min_px > base:  # the margins were measured for the screen's smaller text (charts.common.left_margin)
        for axis in _axes(layout):
            axis["automargin"] = True
    uniform = layout.setdefault("uniformtext", {})
    uniform["minsize"] = max(uniform.get("minsize") or 0, min_px)
    uniform.setdefault("mode", "show")
    return figure


YEAR_TICK_PX = 40
"""Room a year's tick label needs in an image or on a slide: with as much per year, every year is labelled."""


def every_year(figure: dict, width: int) -> dict:
    """Year axes whose ticks Plotly spaces by the width (a chart whose ``meta`` gives the span of years it
    draws, ``charts.trends``) ticked every year where the exported picture has room, so that the
    briefing's year (2025) is labelled, not only every other year. Changed in place."""
    layout = figure.get("layout") or {}
    meta = layout.get("meta")
    span = meta.get(YEAR_SPAN) if isinstance(meta, dict) else None
    axes = [axis for axis in _axes(layout, "x") if axis.get("dtick") is None]
    margin = layout.get("margin") or {}
    room = width - (margin.get("l") or 80) - (margin.get("r") or 80)
    if axes and span and room / (span[1] - span[0] + 1) >= YEAR_TICK_PX:
        for axis in axes:
            axis["dtick"] = 1
    return figure


def export_height(fig: go.Figure | dict, width: int = DEFAULT_WIDTH) -> int:
    """16:9 unless the figure was laid out taller (a ledger of many rows): then its own height,
    so that nothing on it overlaps."""
    layout = fig.to_dict().get("layout", {}) if hasattr(fig, "to_dict") else (fig.get("layout") or {})
    own = layout.get("height")
    return max(round(width * 9 / 16), int(own)) if isinstance(own, (int, float)) else round(width * 9 / 16)


def figure_bytes(fig: go.Figure | dict, fmt: str = "png", caption: Caption | None = None, *,
                 width: int = DEFAULT_WIDTH, height: int | None = None, scale: float = DEFAULT_SCALE) -> bytes:
    """The figure as ``png`` (at ``scale``), ``svg`` or ``pdf``; ``height`` by default from
    ``export_height``.

    Raises ExportUnavailable (with the Debian package to install) when Chromium or the CJK font
    is missing, ExportError when rendering fails.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; one of {', '.join(FORMATS)}")
    figure = prepare_figure(fig, caption, width)
    height = height or export_height(figure, width)
    return get_renderer().figure(figure, fmt, width, height, scale if fmt == "png" else 1)
