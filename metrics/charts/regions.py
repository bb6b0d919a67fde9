"""One indicator across districts, county-level cities and counties for one year, sorted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from metrics.charts.common import esc, frame, hover, source_footnote, source_ids
from metrics.charts.theme import BAR_COLOUR, HIGHLIGHT_COLOUR
from metrics.figures import figure
from metrics.text import i18n, render

ROW_PX = 36


def _hover(row: dict, lang: str) -> str:
    fig = figure.of_fact(row)
    lines = [f"{i18n.name(row, 'region', lang)} · {i18n.name(row, 'indicator', lang)}",
             f"{i18n.kind_label(row['kind'], lang)}: {render.in_unit(fig, lang)}",
             i18n.period_label(row["period"], row["year"], row["start_year"], lang),
             i18n.provenance_label(row["provenance"], lang), render.revision(fig, lang)]
    return hover([line for line in lines if line])


def _marked(row: dict) -> bool:
    """A bar that is not a plain reported exact value: a bound, provisional or computed here."""
    fig = figure.of_fact(row)
    return fig.is_bound or fig.provisional or fig.derived


def region_chart(ranked: pd.DataFrame, *, indicator: str, indicator_id: str, unit: str, year: int,
                 catalogue: Mapping[str, Mapping], lang: str, selected: Sequence[str] = (),
                 missing: Sequence[str] = (), total: int | None = None, peers: bool = False) -> go.Figure:
    """Horizontal bars, highest first, in one colour; the chosen regions in the highlight colour.
    The subtitle says how many of the ``total`` regions have data and names the ``missing`` ones.

    ``ranked`` holds only values of ``year`` (``comparison.comparison``): other years are never ranked.
    ``peers``: the ranking is of the city among its peer cities, not of its districts."""
    words = "peers" if peers else "regions"
    rows = ranked.to_dict("records") if not ranked.empty else []
    fig = go.Figure()
    if rows:
        fig.add_trace(go.Bar(
            x=[i18n.display_value(r["value_std"], unit, lang)[0] for r in rows],
            y=[esc(i18n.name(r, "region", lang)) for r in rows], orientation="h",
            marker={"color": [HIGHLIGHT_COLOUR if r["region_id"] in selected else BAR_COLOUR for r in rows],
                    "pattern": {"shape": ["/" if _marked(r) else "" for r in rows], "fgcolor": "#FFFFFF"}},
            text=[esc(_bar_text(r, unit, lang)) for r in rows], textposition="outside", cliponaxis=False,
            name=esc(indicator), showlegend=False,
            hovertext=[_hover(r, lang) for r in rows], hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title_text="")
    fig.update_xaxes(title_text=esc(i18n.display_unit(unit, lang)))
    ids = source_ids(ranked["sources"]) if not ranked.empty else []
    derived = bool(not ranked.empty and ranked["derived"].astype(bool).any())
    subtitle = i18n.t("chart_regions_subtitle", lang)
    if total:
        names = render.join(list(missing), lang)
        key = f"chart_{words}_coverage_missing" if missing else f"chart_{words}_coverage_all"
        subtitle = render.clauses([subtitle, i18n.t(key, lang, n=len(rows), total=total, names=names, year=year)], lang)
    return frame(fig, title=i18n.t(f"chart_{words}_title", lang, indicator=indicator, year=year),
                 subtitle=subtitle, footnote=source_footnote(ids, catalogue, lang, "some" if derived else None),
                 meta={"chart": words, "regions": [r["region_id"] for r in rows], "year": year, "sources": ids,
                       "indicators": [indicator_id]},
                 height=ROW_PX * max(len(rows), 1) + 80, right=110)


def _bar_text(row: dict, unit: str, lang: str) -> str:
    return render.label(figure.of_fact(row), lang)
