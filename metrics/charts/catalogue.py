"""The dashboard's charts for one region and year, built the way the pages build them.

Pages call the same ``*_figure`` functions, so an exported chart (``metrics.export``) is the
chart on screen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import plotly.graph_objects as go

from metrics.charts.common import catalogue
from metrics.charts.heatmap import coverage_heatmap, value_heatmap
from metrics.charts.ledger import ledger_chart
from metrics.charts.progress import progress_chart
from metrics.charts.regions import region_chart
from metrics.charts.theme import region_style
from metrics.charts.trends import trend_chart
from metrics.figures import comparison, context, names, queries
from metrics.frames import coverage
from metrics.frames import indicators as series
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n, render


def ledger_figure(frames: DataFrames, region_id: str, year: int, lang: str, category: str | None = None) -> go.Figure | None:
    """Targets against actuals; None when no target of the selection has an actual."""
    ledger = queries.ledger_for(frames, region_id, year, category)
    if ledger.empty or not ledger["actual_std"].notna().any():
        return None
    return ledger_chart(ledger, region=names.region_name(frames, region_id, lang), region_id=region_id, year=year,
                        catalogue=catalogue(frames.sources), lang=lang)


def progress_figure(frames: DataFrames, region_id: str, lang: str, category: str | None = None) -> go.Figure | None:
    progress = queries.progress_for(frames, region_id, category)
    if not progress.empty:
        progress = progress[progress["required_per_year"].notna() | progress["achieved_per_year"].notna()]
    if progress.empty:
        return None
    return progress_chart(progress, region=names.region_name(frames, region_id, lang), region_id=region_id,
                          catalogue=catalogue(frames.sources), lang=lang)


def trend_figure(frames: DataFrames, regions: Sequence[str], indicators: Sequence[str], lang: str,
                 year: int | None = None, references: bool = False) -> go.Figure | None:
    """The trends chart; ``references``: the nation and the province above the chosen regions are
    drawn too, as reference lines named so."""
    if references:
        above = [r.id for region in regions for r in context.ancestors(frames, region) if r.is_context]
        extra = [r for r in dict.fromkeys(above) if r not in regions]
    else:
        extra = []
    refs = set(extra)
    regions = [*regions, *extra]
    rows = queries.trend_rows(frames, regions, indicators)
    if rows.empty:
        return None
    drawn = [i for i in indicators if rows["indicator_id"].eq(i).any()]
    return trend_chart(rows, indicators=drawn, indicator_names={i: names.indicator_name(frames, i, lang) for i in drawn},
                       indicator_units={i: names.indicator_unit(frames, i) for i in drawn}, regions=list(regions),
                       region_names={r: names.region_name(frames, r, lang) + (i18n.t("chart_reference_suffix", lang)
                                                                              if r in refs else "") for r in regions},
                       catalogue=catalogue(frames.sources), lang=lang, year=year,
                       breaks={(r, i): series.breaks(frames.dataset.region_by_id.get(r), frames.dataset.indicator_by_id.get(i))
                               for r in regions for i in drawn},
                       styles={r: region_style(r, frames.dataset.region_by_id.get(r)) for r in regions})


def region_figure(frames: DataFrames, comparison: comparison.Comparison, lang: str,
                  selected: Sequence[str] = ()) -> go.Figure | None:
    if comparison.ranked.empty:
        return None
    indicator = comparison.indicator_id
    return region_chart(comparison.ranked, indicator=names.indicator_name(frames, indicator, lang),
                        indicator_id=indicator, unit=names.indicator_unit(frames, indicator), year=comparison.year,
                        catalogue=catalogue(frames.sources), lang=lang, selected=selected,
                        missing=[names.region_name(frames, r, lang) for r in comparison.missing],
                        total=len(names.ranked_region_ids(frames)))


def peers_figure(frames: DataFrames, indicator_id: str, year: int, lang: str, group: str | None = None) -> go.Figure | None:
    """The home city among its peer cities for one indicator and year (``comparison.peer_comparison``)."""
    comp = comparison.peer_comparison(frames, indicator_id, year, group)
    if len(comp.ranked) < 2:
        return None  # the city alone is no ranking
    city = [r for r in comp.ranked["region_id"] if not frames.dataset.region_by_id[r].groups]
    return region_chart(comp.ranked, indicator=names.indicator_name(frames, indicator_id, lang), indicator_id=indicator_id,
                        unit=names.indicator_unit(frames, indicator_id), year=year, catalogue=catalogue(frames.sources),
                        lang=lang, selected=city, missing=[names.region_name(frames, r, lang) for r in comp.missing],
                        total=len(comp.ranked) + len(comp.missing), peers=True)


def comparison_figure(frames: DataFrames, indicator_id: str, year: int, lang: str,
                      selected: Sequence[str] = ()) -> go.Figure | None:
    """The regions chart of one indicator and year (``comparison.comparison`` then ``region_figure``)."""
    return region_figure(frames, comparison.comparison(frames, indicator_id, year, tuple(selected)), lang, selected)


def heatmap_figure(frames: DataFrames, indicator_id: str, lang: str,
                   region_ids: Sequence[str] | None = None) -> go.Figure | None:
    """One indicator across the districts, county-level cities and counties, every year with data;
    ``region_ids``: only these of them (a large dataset's cut, ``comparison.grid_rows``)."""
    facts = frames.facts
    ranked = names.ranked_region_ids(frames) if region_ids is None else list(region_ids)
    if facts.empty or not ranked:
        return None
    rows = facts[facts["indicator_id"].eq(indicator_id) & facts["period"].eq("annual") & facts["kind"].eq("actual")
                 & facts["year"].notna() & facts["value_std"].notna() & facts["region_id"].isin(ranked)]
    # One figure a cell: a reported exact value before a bound or a value computed here; the
    # values of sources that disagree all stay, side by side.
    rows = rows.sort_values(["derived", "comparator"], na_position="first", kind="stable")
    rows = rows[rows["conflict"].astype(bool) | ~rows.duplicated(["region_id", "year"])]
    if rows.empty:
        return None
    rows = rows.assign(year=rows["year"].astype(int))
    years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
    labels = {r: names.region_name(frames, r, lang) for r in ranked}
    return value_heatmap(rows, region_ids=ranked, region_names=labels, years=years,
                         indicator=names.indicator_name(frames, indicator_id, lang),
                         unit=names.indicator_unit(frames, indicator_id), catalogue=catalogue(frames.sources), lang=lang,
                         breaks={r: series.breaks(frames.dataset.region_by_id.get(r), frames.dataset.indicator_by_id.get(indicator_id))
                                 for r in ranked})


def coverage_region_ids(frames: DataFrames) -> list[str]:
    """Regions with any headline figure, in the dataset's order: per data version (memoised)."""
    grid = coverage.grid(frames)
    return [str(r) for r in grid.index[grid.sum(axis=1) > 0]]


def coverage_figure(frames: DataFrames, lang: str, region_ids: Sequence[str] | None = None) -> go.Figure | None:
    """The region × year grid of headline figures with data (``metrics.frames.coverage``);
    ``region_ids``: only these regions (a large dataset's cut, ``comparison.grid_rows``)."""
    grid = coverage.grid(frames)
    grid = grid[grid.sum(axis=1) > 0]
    if region_ids is not None:
        grid = grid.loc[[r for r in region_ids if r in grid.index]]
    if grid.empty:
        return None
    labels = {r: names.region_name(frames, r, lang) for r in grid.index}
    families = series.headline(frames.dataset.indicator_by_id)
    return coverage_heatmap(grid, region_names=labels, families=families,
                            family_names={f: names.indicator_name(frames, f, lang) for f in families},
                            present=coverage.cell_families(frames), lang=lang)


def figures_for(frames: DataFrames, region_id: str, year: int, lang: str,
                compare: str | None = None) -> Iterator[tuple[str, go.Figure]]:
    """Every chart the pages show for a region and year by default, named as the pages name them;
    ``compare``: the indicator of the regions chart, instead of the regions page's default."""
    ledger = ledger_figure(frames, region_id, year, lang)
    if ledger is not None:
        yield i18n.t("page_targets", lang), ledger
    progress = progress_figure(frames, region_id, lang)
    if progress is not None:
        yield render.plan_heading(queries.scorecard_plan(frames, region_id), lang), progress
    indicators = queries.default_trend_indicators(frames, [region_id], None)
    trend = trend_figure(frames, [region_id], indicators, lang, year) if indicators else None
    if trend is not None:
        yield i18n.t("page_trends", lang), trend
    compare = compare or comparison.default_compare_indicator(frames, year, None)
    if compare is not None:
        figure = region_figure(frames, comparison.comparison(frames, compare, year, (region_id,)), lang, [region_id])
        if figure is not None:
            yield i18n.t("page_regions", lang), figure
    if compare is not None and region_id == context.home_city(frames):
        # the city among its peer cities, on the same indicator (a briefing's "居…第N位")
        peers = peers_figure(frames, compare, year, lang)
        if peers is not None:
            yield i18n.t("peers_heading", lang), peers
