"""Grids of regions × years: one indicator's values (the regions page) or how many headline
families each region publishes each year (the data page's coverage). A gap is a blank cell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from metrics import i18n
from metrics.charts.common import esc, frame, hover, source_footnote, source_ids

ROW_PX = 34
BOUND_MARKS = {"above": ">", "at_least": "≥", "at_most": "≤", "about": "≈"}
"""A bound (突破1000亿元) is shown as a bound in a cell, never as the exact figure."""
SCALE = [[0.0, "#EAF2FA"], [1.0, "#0B4F8A"]]
"""One hue, light to dark: the value is the only thing the colour says."""


def value_heatmap(rows: pd.DataFrame, *, region_ids: Sequence[str], region_names: Mapping[str, str], years: Sequence[int],
                  indicator: str, unit: str, catalogue: Mapping[str, Mapping], lang: str) -> go.Figure:
    """``rows``: one fact per region and year (region_id, year, value_std, value, unit, sources,
    provisional, revised). Cells show the value as written; regions without any value keep
    their row, blank, so a gap reads as a gap."""
    by_cell = {(str(r["region_id"]), int(r["year"])): r for r in rows.to_dict("records")}
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    tips: list[list[str]] = []
    for region in region_ids:
        z_row: list[float | None] = []  # None: a blank cell (no value for that region and year)
        text_row: list[str] = []
        tip_row: list[str] = []
        for year in years:
            cell = by_cell.get((region, year))
            if cell is None:
                z_row.append(None)
                text_row.append("")
                tip_row.append(hover([f"{region_names[region]} · {i18n.year_label(year, lang)}", i18n.t("heatmap_gap", lang)]))
                continue
            shown = i18n.fmt_value(cell["value"], str(cell["unit"]), lang)
            bound = cell.get("comparator") if isinstance(cell.get("comparator"), str) else None
            if bound:
                shown = i18n.comparator_phrase(bound, shown, lang)
            marks = i18n.figure_status(cell, lang)
            z_row.append(float(cell["value_std"]))
            number = i18n.fmt_number(float(cell["value_std"]), lang)
            text_row.append(esc(BOUND_MARKS.get(bound or "", "") + number) + ("*" if marks else ""))
            tip_row.append(hover([f"{region_names[region]} · {i18n.year_label(year, lang)}", shown, marks]))
        z.append(z_row)
        text.append(text_row)
        tips.append(tip_row)
    labels = [esc(region_names[r]) for r in region_ids]
    fig = go.Figure(go.Heatmap(z=z, x=[str(y) for y in years], y=labels, text=text, texttemplate="%{text}",
                               hovertext=tips, hovertemplate="%{hovertext}<extra></extra>", colorscale=SCALE,
                               showscale=False, xgap=2, ygap=2, textfont={"size": 11}))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False, type="category")
    ids = source_ids(rows["sources"]) if not rows.empty else []
    with_data = len({r for r, _ in by_cell})
    return frame(fig, title=i18n.t("heatmap_title", lang, indicator=indicator),
                 subtitle=i18n.t("heatmap_subtitle", lang, unit=i18n.display_unit(unit, lang), n=with_data, total=len(region_ids)),
                 footnote=source_footnote(ids, catalogue, lang),
                 meta={"chart": "heatmap", "regions": list(region_ids), "years": list(years), "sources": ids},
                 height=ROW_PX * max(len(region_ids), 1) + 30)


def coverage_heatmap(grid: pd.DataFrame, *, region_names: Mapping[str, str], families: int, lang: str) -> go.Figure:
    """``grid``: regions (index) × years (columns), the number of headline families with data."""
    z = [[int(v) if v else None for v in row] for row in grid.to_numpy().tolist()]
    labels = [esc(region_names[r]) for r in grid.index]
    fig = go.Figure(go.Heatmap(z=z, x=[str(y) for y in grid.columns], y=labels, zmin=0, zmax=families,
                               text=[["" if v is None else str(v) for v in row] for row in z], texttemplate="%{text}",
                               hovertemplate="%{y} · %{x}: %{z}<extra></extra>", colorscale=SCALE, showscale=False,
                               xgap=2, ygap=2))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False, type="category")
    return frame(fig, title=i18n.t("coverage_title", lang), subtitle=i18n.t("coverage_subtitle", lang, n=families),
                 footnote="", meta={"chart": "coverage"}, height=ROW_PX * max(len(grid.index), 1) + 30)
