"""What every chart shares: the source footnote, safe text, hover lines and the layout frame."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping

import plotly.graph_objects as go

from metrics.charts.theme import FONT_SIZE, TEMPLATE
from metrics.frames.missing import split_ids
from metrics.text import i18n
from metrics.text.citation import cite, official_first
from metrics.text.text_width import em_width, wrap

FOOTNOTE_WIDTH = 84
"""Characters per footnote line (a CJK character counts as two)."""
SUBTITLE_EM = 64
"""A subtitle longer than this (in em, about 770 px at its 12 px) goes on to a second line: Plotly
never wraps one, and a long list of regions without data ran off the chart."""
MAX_FOOTNOTE_SOURCES = 6
FOOTNOTE_LINE_PX = 16
DIGIT_EM = 0.6
"""A digit or Latin letter of a tick label, in em of the template's font (a little more than it is)."""
LEFT_PAD = 16
"""Room left of the y tick labels: the container's edge, as the title's left pad."""
TICK_ROOM = 10
"""The outside tick (5 px) and the gap to its label."""
AXIS_TITLE_ROOM = 26
"""A y axis title, rotated: a line of the font and its standoff."""


def esc(text: object) -> str:
    """Data text made safe for Plotly's HTML-like labels: ``<b>`` in a title shows as ``<b>``."""
    return html.escape("" if text is None else str(text), quote=False)


def source_ids(values: Iterable[object]) -> list[str]:
    """Every source id in ``values`` (each maybe ``a; b``), once, in order."""
    seen: dict[str, None] = {}
    for value in values:
        for part in split_ids(value):
            seen.setdefault(part, None)
    return list(seen)


def source_footnote(ids: Iterable[str], catalogue: Mapping[str, Mapping], lang: str, derived: str | None = None) -> str:
    """``来源:《title》(publisher, date);...`` naming every source (the first few, then a count).

    Plain text, not yet escaped; ``derived`` ("some" or "all") adds that values were computed here."""
    ids = official_first(ids, catalogue)
    names = [cite(catalogue[source_id], lang) if source_id in catalogue else source_id
             for source_id in ids[:MAX_FOOTNOTE_SOURCES]]
    text = i18n.t("sep_clause", lang).join(names)
    if len(ids) > MAX_FOOTNOTE_SOURCES:
        text = i18n.t("chart_sources_and_more", lang, names=text, more=i18n.t("chart_more_sources", lang, n=len(ids)))
    footnote = i18n.t("chart_source_line", lang, label=i18n.t("chart_source", lang), names=text) if text else ""
    if derived:
        footnote = i18n.t("sep_clause", lang).join(part for part in (footnote, i18n.t(f"footnote_computed_{derived}", lang)) if part)
    return footnote


HEATMAP_CELL_PX, HEATMAP_LABELS_PX = 62, 150
"""A heatmap on screen: the width of a year's column and of the region names."""
HEAD_PX = 42
"""Room above the plot for the title alone; each line of subtitle adds 20 px."""
SCREEN_HEAD_PX = 6
"""On screen the title is text above the chart: the figure keeps only a pad above the legend."""
SCREEN_LEGEND_ROW_PX = 22
"""On screen, room for a legend's second row when it has two or more entries."""
LEGEND_PX = 34
"""Room between the title block and the plot for a legend's row."""
BOTTOM_PX = 70
"""Room under the plot for the x axis and its title; each line of footnote adds FOOTNOTE_LINE_PX."""


def frame(fig: go.Figure, *, title: str, subtitle: str | None, footnote: str, meta: dict, height: int,
          right: int = 20, top: int = 0) -> go.Figure:
    """Title, subtitle and legend above the plot, the footnote under it, the template, the size.

    Titles are escaped here; ``top`` adds room above the plot (for subplot titles), ``right``
    beside it (for labels outside bars)."""
    lines = wrap(footnote, FOOTNOTE_WIDTH / 2) if footnote else []
    bottom = BOTTOM_PX + FOOTNOTE_LINE_PX * len(lines)
    subtitle_lines = wrap(subtitle, SUBTITLE_EM) if subtitle else []
    head = HEAD_PX + 20 * len(subtitle_lines)
    title_spec: dict = {"text": esc(title), "y": 1.0, "yref": "container", "yanchor": "top", "pad": {"t": 12, "l": 16},
                        "x": 0, "xref": "container", "xanchor": "left"}
    if subtitle:
        title_spec["subtitle"] = {"text": "<br>".join(esc(line) for line in subtitle_lines),
                                  "font": {"size": 12, "color": "#555555"}}
    total = height + bottom + head + LEGEND_PX + top
    meta = {**meta, "screen": {"subtitle": esc(subtitle or ""), "footnote": esc(footnote or ""), "head": head, "bottom": bottom}}
    fig.update_layout(template=TEMPLATE, title=title_spec, height=total, meta=meta,
                      legend={"yref": "container", "y": 1 - (head + 4) / total, "yanchor": "top"},
                      margin={"b": bottom, "t": head + LEGEND_PX + top, "r": right, "l": left_margin(fig)})
    if lines:
        fig.add_annotation(text="<br>".join(esc(line) for line in lines), xref="paper", yref="paper", x=0, y=0,
                           xanchor="left", yanchor="top", yshift=-48, showarrow=False, align="left",
                           font={"size": 11, "color": "#555555"})
    return fig


def for_screen(fig: go.Figure) -> tuple[go.Figure, str, str, str]:
    """A framed chart for the screen, and its title, subtitle and footnote as plain text: a page
    shows those three as text around the chart, where they wrap to any width (a phone's 390 px;
    a Plotly title never wraps), while the figure itself, exported as an image, keeps them inside.
    A figure not built by ``frame`` is returned as it is, with empty texts."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    screen = meta.get("screen")
    if not screen:
        return fig, "", "", ""
    # a copy that is not validated again: the figure was validated when it was built, and
    # validating it whole took three quarters of a filter change's script time (issue 21)
    spec = fig.to_dict()
    layout = spec["layout"]
    footnote, subtitle = html.unescape(screen["footnote"]), html.unescape(screen["subtitle"])
    footnote_html = "<br>".join(esc(line) for line in wrap(footnote, FOOTNOTE_WIDTH / 2)) if footnote else None
    kept = [a for a in layout.pop("annotations", []) if a.get("text") != footnote_html]
    if kept:
        layout["annotations"] = kept
    title = html.unescape(layout.pop("title", {}).get("text") or "")
    out = go.Figure(spec, _validate=False)
    head, bottom = int(screen["head"]), int(screen["bottom"])
    total = int(out.layout.height) - (head - SCREEN_HEAD_PX) - (bottom - BOTTOM_PX)
    # room for a second row of legend: a phone's width wraps two or more entries (they overlapped a subplot's title);
    # none for a legend's row when there is no entry (it left an empty band under the title text)
    entries = sum(1 for trace in out.data if trace.name and trace.showlegend is not False)
    extra = SCREEN_LEGEND_ROW_PX if entries >= 2 else -LEGEND_PX if entries == 0 else 0
    total += extra
    out.update_layout(height=total, margin={"t": int(out.layout.margin.t) - (head - SCREEN_HEAD_PX) + extra, "b": BOTTOM_PX},
                      legend={"y": 1 - 4 / total})
    if meta.get("chart") == "heatmap" and meta.get("years"):
        # cells wide enough for a figure such as 18147.7: a phone scrolls the grid sideways
        out.update_layout(width=HEATMAP_CELL_PX * len(meta["years"]) + HEATMAP_LABELS_PX)
    return out, title, subtitle, footnote


def _numbers(values: Iterable[object]) -> list[float]:
    found = []
    for value in values:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            found.append(float(value))
    return found


def _number_label(numbers: list[float]) -> str:
    """The widest tick label a numeric axis over ``numbers`` may show: Plotly's round ticks go a
    step beyond the data, with thousands separated and a decimal on small ranges."""
    if not numbers:
        return "0"
    top = max(abs(n) for n in numbers)
    label = f"{math.ceil(top * 1.1):,}"
    if max(numbers) - min(numbers) < 20:
        label += ".5"
    return ("−" if min(numbers) < 0 else "") + label


def _y_labels(fig: go.Figure, axis: str) -> list[str]:
    """The tick labels of y axis ``axis`` ("y", "y2", ...): its tick texts, the categories of the
    traces on it, or the widest round number of their values."""
    layout = fig.layout[axis.replace("y", "yaxis", 1)]
    if layout.showticklabels is False or layout.visible is False:
        return []
    if layout.ticktext:
        return [str(text) for text in layout.ticktext]
    labels: list[str] = []
    numbers: list[float] = []
    for trace in fig.data:
        if (getattr(trace, "yaxis", None) or "y") != axis or getattr(trace, "y", None) is None:
            continue
        values = list(trace.y)
        found = _numbers(values)
        if len(found) < sum(1 for v in values if v is not None):
            labels += [str(v) for v in values if v is not None]
        else:
            numbers += found
            if trace.type == "bar" and getattr(trace, "orientation", None) != "h":
                numbers.append(0.0)
    if numbers:
        labels.append(_number_label(numbers))
    return labels


def left_margin(fig: go.Figure) -> int:
    """The left margin the y axes' tick labels and titles take (``metrics.text.text_width``), so that the
    template can leave ``automargin`` off: Plotly then lays a chart out once, not twice."""
    widest = 0.0
    for name in [key for key in fig.layout.to_plotly_json() if key.startswith("yaxis")] or ["yaxis"]:
        axis = "y" + name[len("yaxis"):]
        layout = fig.layout[name]
        if layout.side == "right" or layout.overlaying:
            continue
        labels = _y_labels(fig, axis)
        width = max((em_width(html.unescape(label), DIGIT_EM) for label in labels), default=0.0) * FONT_SIZE
        if labels:
            width += TICK_ROOM
        if layout.title and layout.title.text:
            width += AXIS_TITLE_ROOM
        widest = max(widest, width)
    return int(LEFT_PAD + math.ceil(widest))


def hover(lines: Iterable[str]) -> str:
    """One hover text from plain lines (escaped here), the first in bold."""
    lines = [esc(line) for line in lines if line]
    if not lines:
        return ""
    return "<br>".join([f"<b>{lines[0]}</b>", *lines[1:]])


def catalogue(sources) -> dict[str, dict]:
    """Source records by id, from the ``sources`` frame."""
    if sources is None or len(sources) == 0:
        return {}
    return {str(row["id"]): dict(row) for row in sources.to_dict("records")}
