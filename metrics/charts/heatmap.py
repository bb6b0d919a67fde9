"""Grids of regions × years: one indicator's values (the regions page) or how many headline
families each region publishes each year (the data page's coverage). A gap is a blank cell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from metrics.charts.common import esc, frame, hover, source_footnote, source_ids
from metrics.figures import figure
from metrics.load.schema import Break
from metrics.text import i18n, render

ROW_PX = 34
BREAK_COLOUR = "#AA3377"
"""The colour of a caliber break, as on the trends chart."""
SCALE = [[0.0, "#EAF2FA"], [1.0, "#0B4F8A"]]
"""One hue, light to dark: the value is the only thing the colour says."""


def _cell(cells: list[dict], lang: str) -> tuple[float, str, list[str]]:
    """A cell's colour value, its text and its hover lines: one figure, or the figures of
    sources that disagree side by side (2008.3 | 2135*), never one of them silently."""
    figures = [figure.of_fact(cell) for cell in cells]
    text = " | ".join(render.cell(fig, lang) for fig in figures)
    lines = [render.clauses([render.value(fig, lang), render.marks(fig, lang), render.revision(fig, lang)], lang)
             for fig in figures]
    values = [fig.value_std for fig in figures if fig.value_std is not None]
    return sum(values) / len(values), text, lines


def value_heatmap(rows: pd.DataFrame, *, region_ids: Sequence[str], region_names: Mapping[str, str], years: Sequence[int],
                  indicator: str, unit: str, catalogue: Mapping[str, Mapping], lang: str,
                  breaks: Mapping[str, Sequence[Break]] | None = None) -> go.Figure:
    """``rows``: the facts per region and year (region_id, year, value_std, value, unit, sources,
    provisional, revised, conflict). Cells show the value (a bound with its sign, sources that
    disagree side by side); regions without any value keep their row, blank, so a gap reads as a
    gap. ``breaks``: region -> its caliber breaks of this indicator, drawn as a bar before the
    cell of the year the new basis starts, and named in that cell's hover."""
    breaks = breaks or {}
    by_cell: dict[tuple[str, int], list[dict]] = {}
    for record in rows.to_dict("records"):
        by_cell.setdefault((str(record["region_id"]), int(record["year"])), []).append(record)
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    tips: list[list[str]] = []
    for region in region_ids:
        z_row: list[float | None] = []  # None: a blank cell (no value for that region and year)
        text_row: list[str] = []
        tip_row: list[str] = []
        starts = {item.year: i18n.name(item, "note", lang) for item in breaks.get(region, ())}
        for year in years:
            head = f"{region_names[region]} · {i18n.year_label(year, lang)}"
            note = [f"{i18n.t('chart_break', lang)}: {starts[year]}"] if year in starts else []
            cells = by_cell.get((region, year))
            if not cells:
                z_row.append(None)
                text_row.append("")
                tip_row.append(hover([head, i18n.t("heatmap_gap", lang), *note]))
                continue
            colour_value, shown, lines = _cell(cells, lang)
            z_row.append(colour_value)
            text_row.append(esc(shown))
            tip_row.append(hover([head, *lines, *note]))
        z.append(z_row)
        text.append(text_row)
        tips.append(tip_row)
    labels = [esc(region_names[r]) for r in region_ids]
    fig = go.Figure(go.Heatmap(z=z, x=[str(y) for y in years], y=labels, text=text, texttemplate="%{text}",
                               hovertext=tips, hovertemplate="%{hovertext}<extra></extra>", colorscale=SCALE,
                               showscale=False, xgap=2, ygap=2, textfont={"size": 11}))
    for row_index, region in enumerate(region_ids):
        for item in breaks.get(region, ()):
            if item.year in years and item.year != years[0]:
                column = list(years).index(item.year)
                fig.add_shape(type="line", x0=column - 0.5, x1=column - 0.5, y0=row_index - 0.5, y1=row_index + 0.5,
                              xref="x", yref="y", line={"color": BREAK_COLOUR, "width": 3})
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False, type="category")
    ids = source_ids(rows["sources"]) if not rows.empty else []
    with_data = len({r for r, _ in by_cell})
    subtitle = i18n.t("heatmap_subtitle", lang, unit=i18n.display_unit(unit, lang), n=with_data, total=len(region_ids))
    if any(item.year in years for found in breaks.values() for item in found):
        subtitle = render.clauses([subtitle, i18n.t("heatmap_break", lang)], lang)
    return frame(fig, title=i18n.t("heatmap_title", lang, indicator=indicator),
                 subtitle=subtitle, footnote=source_footnote(ids, catalogue, lang),
                 meta={"chart": "heatmap", "regions": list(region_ids), "years": list(years), "sources": ids},
                 height=ROW_PX * max(len(region_ids), 1) + 30)


def coverage_heatmap(grid: pd.DataFrame, *, region_names: Mapping[str, str], families: Sequence[str],
                     family_names: Mapping[str, str], present: Mapping[tuple[str, int], Sequence[str]],
                     lang: str) -> go.Figure:
    """``grid``: regions (index) × years (columns), the number of headline ``families`` with data;
    ``present``: (region, year) -> the families with data. A cell's hover names what it has and
    what it lacks ("2 of 8: GDP, budget revenue; missing: ...")."""
    z = [[int(v) if v else None for v in row] for row in grid.to_numpy().tolist()]
    tips = []
    for region in grid.index:
        row = []
        for year in grid.columns:
            have = list(present.get((str(region), int(year)), ()))
            lacking = [family_names[f] for f in families if f not in have]
            row.append(hover([f"{region_names[region]} · {i18n.year_label(int(year), lang)}",
                              i18n.t("coverage_cell", lang, n=len(have), total=len(families),
                                     have=render.join([family_names[f] for f in have], lang) or "–"),
                              i18n.t("coverage_missing", lang, names=render.join(lacking, lang)) if lacking else ""]))
        tips.append(row)
    labels = [esc(region_names[r]) for r in grid.index]
    fig = go.Figure(go.Heatmap(z=z, x=[str(y) for y in grid.columns], y=labels, zmin=0, zmax=len(families),
                               text=[["" if v is None else str(v) for v in row] for row in z], texttemplate="%{text}",
                               hovertext=tips, hovertemplate="%{hovertext}<extra></extra>", colorscale=SCALE,
                               showscale=False, xgap=2, ygap=2))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False, type="category")
    return frame(fig, title=i18n.t("coverage_title", lang), subtitle=i18n.t("coverage_subtitle", lang, n=len(families)),
                 footnote="", meta={"chart": "coverage"}, height=ROW_PX * max(len(grid.index), 1) + 30)
