"""Indicators over the years for one or more regions: one panel per indicator, one colour per region.

Reported annual values are solid lines; values computed here are hollow circles on a dotted line;
targets are hollow diamonds on a dashed line; an average over a span (2016-2020年均) is a
horizontal segment across the span, never a point in one year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from metrics.charts.common import esc, frame, hover, source_footnote, source_ids
from metrics.charts.theme import RegionStyle, region_style
from metrics.figures import figure
from metrics.load.schema import Break
from metrics.text import i18n, render

PANEL_PX = 260
EVERY_YEAR_SPAN = 8
"""Up to this many years between the first and the last drawn (a caliber break's line included), every
year is a tick; over a longer span Plotly spaces the ticks by the chart's width (2010, 2015, 2020 on a
phone), where every year stood on end and crowded at 390 px."""
YEAR_SPAN = "year_span"
"""The ``meta`` key of the first and last year drawn: an export with room ticks every year of it
(``metrics.export.images.every_year``)."""
BOUNDS = ("above", "at_least", "at_most", "reach")
"""Comparators of an actual that give a bound, not the figure (左右, about, stays on the line)."""
LINE_DASH = {"target": "dash", "conflict": "solid"}
UNJOINED = ("target", "conflict")
"""Series drawn as markers only: targets (each year's target is set on its own, by its own
document: a line would read as a plan) and figures whose sources disagree (side by side, never joined)."""
LOWER_BOUND_SYMBOL, UPPER_BOUND_SYMBOL = "arrow-bar-up-open", "arrow-bar-down-open"
"""A bound's marker: an arrow from a bar, the way the true value lies; no region is drawn with
an arrow (``schema.MARKER_SYMBOLS``), so a bound never looks like a region's point."""


def _hover(row: dict, lang: str) -> str:
    fig = figure.of_fact(row)
    lines = [f"{i18n.name(row, 'region', lang)} · {i18n.name(row, 'indicator', lang)}",
             f"{i18n.kind_label(row['kind'], lang)}: {render.in_unit(fig, lang)}",
             i18n.period_label(row["period"], row["year"], row["start_year"], lang),
             i18n.provenance_label(row["provenance"], lang), render.revision(fig, lang),
             i18n.t("figure_conflict", lang) if fig.conflict else ""]
    return hover([line for line in lines if line])


def _with_gaps(rows: list[dict], break_years: Sequence[int]) -> list[dict | None]:
    """The rows with a None between two years that are not consecutive or that a caliber break
    separates, so the line is not drawn across a missing year or a new basis."""
    out: list[dict | None] = []
    for index, row in enumerate(rows):
        if index:
            before, now = int(rows[index - 1]["year"]), int(row["year"])
            if now - before > 1 or any(before < b <= now for b in break_years):
                out.append(None)
        out.append(row)
    return out


def _points(fig: go.Figure, rows: list[dict], *, name: str, group: str, colour: str, symbol: str, dash: str,
            show: bool, lang: str, panel: int, break_years: Sequence[int] = ()) -> None:
    unit = str(rows[0]["indicator_unit"])
    points = _with_gaps(rows, break_years)
    fig.add_trace(go.Scatter(
        x=[None if r is None else int(r["year"]) for r in points],
        y=[None if r is None else i18n.display_value(r["value_std"], unit, lang)[0] for r in points],
        mode="markers" if dash in UNJOINED else "lines+markers", name=esc(name), legendgroup=group, showlegend=show,
        connectgaps=False,
        line={"color": colour, "dash": LINE_DASH.get(dash, dash), "width": 2 if dash == "solid" else 1.5},
        marker={"symbol": symbol, "size": 10 if "open" in symbol else 9, "color": colour, "line": {"width": 2, "color": colour}},
        hovertext=["" if r is None else _hover(r, lang) for r in points], hovertemplate="%{hovertext}<extra></extra>"),
        row=panel, col=1)


def _bounds(fig: go.Figure, rows: list[dict], *, name: str, group: str, colour: str, show: bool, lang: str,
            panel: int) -> None:
    """Actuals published only as a bound (突破2000亿元): arrows pointing the way the true value
    lies, never joined to the line, which would read as the value itself."""
    unit = str(rows[0]["indicator_unit"])
    fig.add_trace(go.Scatter(
        x=[int(r["year"]) for r in rows], y=[i18n.display_value(r["value_std"], unit, lang)[0] for r in rows],
        mode="markers", name=esc(name), legendgroup=group, showlegend=show,
        marker={"symbol": [UPPER_BOUND_SYMBOL if r["comparator"] == "at_most" else LOWER_BOUND_SYMBOL for r in rows],
                "size": 11, "color": colour, "line": {"width": 2, "color": colour}},
        hovertext=[_hover(r, lang) for r in rows], hovertemplate="%{hovertext}<extra></extra>"), row=panel, col=1)


def _segment(fig: go.Figure, row: dict, *, name: str, group: str, colour: str, target: bool, lang: str,
             panel: int, below: bool = False) -> None:
    """An average over a span: a horizontal segment from its first to its last year, labelled with the
    span at its middle, above it (``below``: under it, for a span lower than the one before, so that
    the labels of neighbouring spans move apart); the label may run past the plot's edge rather than
    be cut."""
    unit = str(row["indicator_unit"])
    y = i18n.display_value(row["value_std"], unit, lang)[0]
    start, end = int(row["start_year"]), int(row["year"])
    label = i18n.period_label(row["period"], row["year"], row["start_year"], lang)
    fig.add_trace(go.Scatter(
        x=[start, (start + end) / 2, end], y=[y, y, y], mode="lines+markers+text", name=esc(name), legendgroup=group,
        showlegend=False, line={"color": colour, "dash": "dash" if target else "dot", "width": 3}, cliponaxis=False,
        marker={"symbol": "line-ns-open", "size": [12, 0, 12], "color": colour, "line": {"width": 2, "color": colour}},
        text=["", esc(label), ""], textposition="bottom center" if below else "top center",
        textfont={"color": colour, "size": 11, "shadow": "auto"},
        hovertext=[_hover(row, lang)] * 3, hovertemplate="%{hovertext}<extra></extra>"), row=panel, col=1)


def trend_chart(rows: pd.DataFrame, *, indicators: Sequence[str], indicator_names: Mapping[str, str],
                indicator_units: Mapping[str, str], regions: Sequence[str], region_names: Mapping[str, str],
                catalogue: Mapping[str, Mapping], lang: str, year: int | None = None,
                breaks: Mapping[tuple[str, str], Sequence[Break]] | None = None,
                styles: Mapping[str, RegionStyle] | None = None) -> go.Figure:
    """``rows`` from ``queries.trend_rows``; one panel per indicator in ``indicators`` order.
    ``breaks``: (region, indicator) -> its caliber breaks (``metrics.frames.indicators.breaks``): the line
    stops at each, and a dashed mark names it. ``styles``: region -> its colour and marker
    (``theme.region_style`` of its record)."""
    breaks, styles = breaks or {}, styles or {}
    indicators = list(indicators)
    titles = [esc(f"{indicator_names.get(i, i)} ({i18n.display_unit(indicator_units.get(i, ''), lang)})") for i in indicators]
    fig = make_subplots(rows=max(len(indicators), 1), cols=1, shared_xaxes=True, subplot_titles=titles or None,
                        vertical_spacing=0.12 / max(len(indicators), 1) + 0.04 if len(indicators) > 1 else 0.0)
    legend_shown: set[str] = set()
    for panel, indicator in enumerate(indicators, start=1):
        previous: float | None = None
        for region in regions:
            data = rows[rows["indicator_id"].eq(indicator) & rows["region_id"].eq(region)] if not rows.empty else rows
            if data.empty:
                continue
            style = styles.get(region) or region_style(region)
            colour, symbol = style.colour, style.symbol
            name = region_names.get(region, region)
            annual = data[data["period"].eq("annual")].sort_values("year")
            actual = annual[annual["kind"].eq("actual") & ~annual["derived"].astype(bool)]
            bound = actual["comparator"].isin(BOUNDS)
            conflict = actual["conflict"].astype(bool) & ~bound if "conflict" in actual else bound & False
            groups = (
                (actual[~bound & ~conflict], name, symbol, "solid"),
                (actual[conflict], name + i18n.t("chart_conflict_suffix", lang), symbol, "conflict"),
                (annual[annual["kind"].eq("actual") & annual["derived"].astype(bool)],
                 name + i18n.t("chart_derived_suffix", lang), "circle-open", "dot"),
                (annual[annual["kind"].eq("target")], name + i18n.t("chart_target_suffix", lang), "diamond-open", "target"),
            )
            break_years = [b.year for b in breaks.get((region, indicator), [])]
            for part, part_name, part_symbol, dash in groups:
                if part.empty:
                    continue
                _points(fig, part.to_dict("records"), name=part_name, group=f"{region}-{dash}", colour=colour,
                        symbol=part_symbol, dash=dash, show=f"{region}-{dash}" not in legend_shown, lang=lang, panel=panel,
                        break_years=break_years)
                legend_shown.add(f"{region}-{dash}")
            if bound.any():
                _bounds(fig, actual[bound].to_dict("records"), name=name + i18n.t("chart_bound_suffix", lang),
                        group=f"{region}-bound", colour=colour, show=f"{region}-bound" not in legend_shown, lang=lang,
                        panel=panel)
                legend_shown.add(f"{region}-bound")
            averages = data[data["period"].eq("average") & data["start_year"].notna()].sort_values(["start_year", "year"])
            for row in averages.to_dict("records"):
                value = float(row["value_std"])
                _segment(fig, row, name=name, group=f"{region}-solid", colour=colour, target=row["kind"] == "target",
                         lang=lang, panel=panel, below=previous is not None and value < previous)
                previous = value
        marked: set[int] = set()
        for (region, ind), found in breaks.items():
            for item in found:
                if ind != indicator or region not in regions or item.year in marked:
                    continue
                marked.add(item.year)
                fig.add_vline(x=item.year - 0.5, line={"color": "#AA3377", "width": 1.5, "dash": "dash"}, row=panel, col=1,
                              annotation_text=esc(i18n.t("chart_break", lang)), annotation_position="top left",
                              annotation_font={"size": 11, "color": "#AA3377"})
        fig.update_yaxes(title_text=esc(i18n.display_unit(indicator_units.get(indicator, ""), lang)), row=panel, col=1)
    drawn = [float(x) for trace in fig.data for x in (trace.x or ()) if isinstance(x, (int, float))]
    drawn += [item.year - 0.5 for (region, _), found in breaks.items() if region in regions for item in found]
    span = [min(drawn), max(drawn)] if drawn else None
    every_year = span is None or span[1] - span[0] <= EVERY_YEAR_SPAN
    fig.update_xaxes(dtick=1 if every_year else None, tickformat="d", separatethousands=False)
    fig.update_xaxes(title_text=i18n.t("chart_year", lang), row=max(len(indicators), 1), col=1)
    if year is not None and indicators:
        fig.add_vline(x=year, line={"color": "#888888", "width": 1, "dash": "dot"}, row="all", col=1)
    ids = source_ids(rows["sources"]) if not rows.empty else []
    derived = bool(not rows.empty and rows["derived"].astype(bool).any())
    shown_names = render.join([indicator_names.get(i, i) for i in indicators], lang)
    return frame(fig, title=i18n.t("chart_trends_title", lang, indicators=shown_names),
                 subtitle=i18n.t("chart_trends_subtitle", lang), footnote=source_footnote(ids, catalogue, lang, "some" if derived else None),
                 meta={"chart": "trends", "regions": list(regions), "year": year, "indicators": indicators, "sources": ids,
                       YEAR_SPAN: span},
                 height=PANEL_PX * max(len(indicators), 1) + 60, top=24)
