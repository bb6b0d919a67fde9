"""Progress to the 2025 targets: the average annual growth each target requires, beside the growth achieved."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from metrics.charts.common import esc, frame, hover, source_footnote, source_ids
from metrics.figures import figure
from metrics.text import i18n, render

REQUIRED_COLOUR = "#555555"
ACHIEVED_COLOUR = "#0072B2"
ROW_PX = 46


def progress_chart(progress: pd.DataFrame, *, region: str, region_id: str, catalogue: Mapping[str, Mapping],
                   lang: str) -> go.Figure:
    """Horizontal bars per 2025 target: required per year (hatched) and achieved since 2020 (solid);
    one panel for percent growth of levels, one for percentage points a year of rates."""
    units = [u for u in ("%", "百分点") if not progress.empty and progress["change_unit"].eq(u).any()]
    panels = [progress[progress["change_unit"].eq(u)].to_dict("records") for u in units]
    fig = make_subplots(rows=max(len(panels), 1), cols=1, row_heights=[max(len(p), 1) for p in panels] or [1],
                        vertical_spacing=0.25 / max(len(panels), 1) if len(panels) > 1 else 0.0)
    for number, (unit, panel) in enumerate(zip(units, panels, strict=True), start=1):
        labels = [esc(i18n.name(r, "indicator", lang)) for r in panel]
        for key, colour, pattern, name in (("required_per_year", REQUIRED_COLOUR, "/", i18n.t("chart_required", lang)),
                                           ("achieved_per_year", ACHIEVED_COLOUR, "", i18n.t("chart_achieved", lang))):
            values = [None if i18n.is_missing(r[key]) else float(r[key]) for r in panel]
            fig.add_trace(go.Bar(
                x=values, y=labels, orientation="h", name=name, legendgroup=key, showlegend=number == 1,
                marker={"color": colour if not pattern else "#FFFFFF", "line": {"color": colour, "width": 1.5},
                        "pattern": {"shape": pattern, "fgcolor": colour}},
                text=[render.signed(v, unit, lang, 2 if unit == "百分点" else 1) if v is not None else "–" for v in values],
                textposition="outside", cliponaxis=False,
                hovertext=[hover([f"{region} · {i18n.name(r, 'indicator', lang)}", name,
                                  render.signed(v, unit, lang, 2) if v is not None else "–",
                                  _latest(r, lang),
                                  f"{i18n.t('col_target_end', lang, year=int(r['target_year']))}: "
                                  f"{render.target(figure.target_of(r), lang)}",
                                  i18n.t("prov_derived", lang)])
                           for r, v in zip(panel, values, strict=True)],
                hovertemplate="%{hovertext}<extra></extra>"), row=number, col=1)
        axis_unit = i18n.display_unit(unit, lang)
        fig.update_xaxes(title_text=esc(i18n.t("chart_per_year_axis", lang, unit=axis_unit)), row=number, col=1)
        fig.update_yaxes(autorange="reversed", row=number, col=1)
    fig.update_layout(barmode="group")
    ids = source_ids(list(progress["target_source"]) + list(progress.get("actual_sources", []))) if not progress.empty else []
    n_rows = sum(len(p) for p in panels)
    return frame(fig, title=i18n.t("chart_progress_title", lang, region=region),
                 subtitle=i18n.t("chart_progress_subtitle", lang),
                 footnote=source_footnote(ids, catalogue, lang, "all"),
                 meta={"chart": "progress", "regions": [region_id],
                       "year": int(progress["target_year"].max()) if not progress.empty else None, "sources": ids,
                       "indicators": list(progress["indicator_id"]) if not progress.empty else []},
                 height=ROW_PX * max(n_rows, 1) + 80 * max(len(panels), 1) + 40, right=130)


def _latest(row: dict, lang: str) -> str:
    latest = figure.latest_of(row)
    if latest is None:
        return f"{i18n.t('col_latest', lang)}: –"
    return f"{i18n.t('col_latest', lang)}: {render.value(latest, lang)} ({i18n.year_label(int(row['latest_year']), lang)})"
