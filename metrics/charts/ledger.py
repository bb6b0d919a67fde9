"""Targets against actuals (a dumbbell per target), one panel per unit, status as colour and text.

Each target's name is written above its dumbbell, not beside it: beside it, the names took half of a
phone's width and left the axes too narrow for their labels, which stood on end across the next row."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from metrics.charts.common import esc, frame, hover, source_footnote, source_ids
from metrics.charts.theme import FONT_SIZE, STATUS_COLOURS, TARGET_COLOUR, TEXT_COLOUR
from metrics.charts.trends import LOWER_BOUND_SYMBOL, UPPER_BOUND_SYMBOL
from metrics.figures import figure
from metrics.frames.ledger import STATUSES
from metrics.text import i18n, render
from metrics.text.text_width import em_width

ROW_PX = 50
"""A target's row: its name above the dumbbell, and the dumbbell."""
ROW_BESIDE_PX = 34
"""A target's row with its name beside the dumbbell (on a slide: ``metrics.export.images.names_beside``)."""
PANEL_PX = 70
NAME_ROOM = 0.85
"""Rows of room above a panel's first dumbbell (in rows, from its centre) so that its name fits."""
NAME_SHIFT_PX = 9
"""How far above its dumbbell a name's baseline sits: clear of the markers."""
ROW_NAME = "row-name"
"""The ``name`` of a row's name annotation: a slide, wide and short, puts the names back beside the rows
(``metrics.export.images.names_beside``)."""
WIDE_TICKS = 1e5
"""Values from here on have tick labels of seven characters (170,000): at most four ticks, which a
phone's axis holds side by side; more stood on end."""
STATUS_ROOM_PX = 20
"""Room right of the plot besides a status label's own width: the em space before it and a pad."""


def _label(row: dict, lang: str) -> str:
    name = i18n.name(row, "indicator", lang)
    if row["period"] != "annual":
        name += f" ({i18n.period_label(row['period'], row['year'], row['start_year'], lang)})"
    return esc(name)


def _hover(row: dict, kind: str, region: str, lang: str) -> str:
    """A target's or an actual's hover, worded by the renderer from the ledger row's figures."""
    fig = figure.target_of(row) if kind == "target" else figure.actual_of(row)
    lines = [f"{region} · {i18n.name(row, 'indicator', lang)}",
             f"{i18n.kind_label(kind, lang)}: {'' if fig is None else render.in_unit(fig, lang)}",
             i18n.period_label(row["period"], row["year"], row["start_year"], lang)]
    if kind == "actual":
        lines.append(f"{i18n.t('col_status', lang)}: {render.status(row['status'], lang)}")
        if fig is not None:
            lines += [render.marks(fig, lang), render.revision(fig, lang)]
    return hover([line for line in lines if line])


def _symbol(row: dict) -> str:
    """A filled circle at an exact actual; an arrow from a bar at one published only as a bound
    (1万家以上), as on the trends chart: never a point that reads as the figure."""
    fig = figure.actual_of(row)
    if fig is None or not fig.is_bound:
        return "circle"
    return LOWER_BOUND_SYMBOL if fig.is_lower_bound else UPPER_BOUND_SYMBOL


def _right_end(row: dict) -> float:
    """Where a row's status label goes: right of whichever of target and actual is further right."""
    if i18n.is_missing(row["target_std"]):
        return float(row["actual_std"])
    return max(float(row["actual_std"]), float(row["target_std"]))


def ledger_chart(ledger: pd.DataFrame, *, region: str, region_id: str, year: int, catalogue: Mapping[str, Mapping],
                 lang: str) -> go.Figure:
    """Each target with an actual: a hollow diamond at the target, a filled circle at the actual
    coloured by status and labelled with it. ``ledger`` holds one region's rows (``queries.ledger_for``)."""
    rows = ledger[ledger["actual_std"].notna()] if not ledger.empty else ledger
    found = list(dict.fromkeys(rows["indicator_unit"])) if not rows.empty else []
    units = sorted(found, key=lambda u: (u != "%", found.index(u)))
    panels = [rows[rows["indicator_unit"].eq(u)].to_dict("records") for u in units]
    fig = make_subplots(rows=max(len(panels), 1), cols=1, row_heights=[max(len(p), 1) for p in panels] or [1],
                        vertical_spacing=0.22 / max(len(panels), 1) if len(panels) > 1 else 0.0)
    shown: set[str] = set()
    for number, (unit, panel) in enumerate(zip(units, panels, strict=True), start=1):
        labels = [_label(r, lang) for r in panel]
        connector_x: list[float | None] = []
        connector_y: list[str | None] = []
        for r, label in zip(panel, labels, strict=True):
            if not i18n.is_missing(r["target_std"]):
                connector_x += [i18n.display_value(r["target_std"], unit, lang)[0],
                                i18n.display_value(r["actual_std"], unit, lang)[0], None]
                connector_y += [label, label, None]
        fig.add_trace(go.Scatter(x=connector_x, y=connector_y, mode="lines", line={"color": "#BBBBBB", "width": 2},
                                 hoverinfo="skip", showlegend=False), row=number, col=1)
        with_target = [(r, label) for r, label in zip(panel, labels, strict=True) if not i18n.is_missing(r["target_std"])]
        if with_target:
            fig.add_trace(go.Scatter(
                x=[i18n.display_value(r["target_std"], unit, lang)[0] for r, _ in with_target],
                y=[label for _, label in with_target], mode="markers", name=i18n.t("kind_target", lang),
                legendgroup="target", showlegend="target" not in shown,
                marker={"symbol": "diamond-open", "size": 13, "color": TARGET_COLOUR, "line": {"width": 2}},
                hovertext=[_hover(r, "target", region, lang) for r, _ in with_target],
                hovertemplate="%{hovertext}<extra></extra>"), row=number, col=1)
            shown.add("target")
        for status in STATUSES:
            points = [(r, label) for r, label in zip(panel, labels, strict=True) if r["status"] == status]
            if not points:
                continue
            status_text = i18n.status_label(status, lang)
            fig.add_trace(go.Scatter(
                x=[i18n.display_value(r["actual_std"], unit, lang)[0] for r, _ in points],
                y=[label for _, label in points], mode="markers", name=status_text, legendgroup=status,
                showlegend=status not in shown,
                marker={"symbol": [_symbol(r) for r, _ in points], "size": 13, "color": STATUS_COLOURS[status],
                        "line": {"width": 2, "color": STATUS_COLOURS[status]}},
                hovertext=[_hover(r, "actual", region, lang) for r, _ in points],
                hovertemplate="%{hovertext}<extra></extra>"), row=number, col=1)
            fig.add_trace(go.Scatter(
                x=[i18n.display_value(_right_end(r), unit, lang)[0] for r, _ in points],
                y=[label for _, label in points], mode="text", text=["\u2003" + esc(status_text)] * len(points),
                textposition="middle right", textfont={"color": STATUS_COLOURS[status], "size": 12},
                cliponaxis=False, showlegend=False, legendgroup=status, hoverinfo="skip"), row=number, col=1)
            shown.add(status)
        values = [abs(float(i18n.display_value(r[key], unit, lang)[0])) for r in panel for key in ("target_std", "actual_std")
                  if not i18n.is_missing(r[key])]
        fig.update_xaxes(title_text=esc(i18n.display_unit(unit, lang)), row=number, col=1,
                         nticks=4 if values and max(values) >= WIDE_TICKS else None)
        fig.update_yaxes(range=[len(panel) - 0.5, -NAME_ROOM], showticklabels=False, ticks="", row=number, col=1)
        for label in labels:
            fig.add_annotation(text=label, x=0, xref="x domain", y=label, yref="y", xanchor="left", yanchor="bottom",
                               yshift=NAME_SHIFT_PX, showarrow=False, align="left",
                               font={"size": 12, "color": TEXT_COLOUR}, name=ROW_NAME, row=number, col=1)
    ids = source_ids(list(rows["target_source"]) + list(rows["actual_sources"])) if not rows.empty else []
    height = ROW_PX * max(len(rows), 1) + PANEL_PX * max(len(panels), 1) + 60
    return frame(fig, title=i18n.t("chart_ledger_title", lang, region=region, year=year),
                 subtitle=i18n.t("chart_ledger_subtitle", lang),
                 footnote=source_footnote(ids, catalogue, lang),
                 meta={"chart": "ledger", "regions": [region_id], "year": year, "sources": ids,
                       "indicators": list(dict.fromkeys(rows["indicator_id"])) if not rows.empty else []},
                 height=height, right=_status_room(rows, lang))


def _status_room(rows: pd.DataFrame, lang: str) -> int:
    """The right margin the status labels shown take (未完成; provisionally not met), measured, not
    a fixed 110 px that a phone's narrow chart could not spare."""
    statuses = set(rows["status"]) if not rows.empty else set()
    widest = max((em_width(i18n.status_label(s, lang), 0.55) for s in statuses), default=0.0)
    return int(widest * FONT_SIZE) + STATUS_ROOM_PX
