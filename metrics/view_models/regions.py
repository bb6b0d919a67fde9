"""The regions page's view model: one indicator across the districts, county-level cities and
counties for one year (ranked, with who is missing), and across every year (the heatmap)."""

from __future__ import annotations

from dataclasses import dataclass

from metrics.charts import comparison_figure, heatmap_figure, peers_figure
from metrics.figures import comparison, context, names, suggest
from metrics.frames.dataframes import DataFrames
from metrics.text import i18n
from metrics.view_models.parts import Chart, Choice, Choices, Empty, Memo, basename, direct, indicator_choices
from metrics.view_models.query_state import ViewState


@dataclass(frozen=True)
class RegionsPage:
    empty: Empty | None
    """Set when no region has the indicator that year."""
    chart: Chart | None
    selected_note: str | None
    """Said under the chart when the chosen regions are highlighted in it."""
    notes: tuple[str, ...]
    """The ranking in words: who leads, who is missing."""
    heatmap: Chart | None
    heatmap_note: str = ""
    """Said under the heatmap when a large dataset's grid leaves regions out (how many, and which are shown)."""
    peers: Chart | None = None
    """The home city among its peer cities, for the same indicator and year (context regions
    are ranked here, never among the districts)."""
    peers_note: str = ""
    """Where the city stands among the peers with data, or why there is no chart."""
    peer_groups: tuple[Choice, ...] = ()
    """The peer groups the page offers (all, then each group), ``changes`` {"group": id, "" for all}."""


def ranking_notes(frames: DataFrames, indicator: str, year: int, lang: str, selected: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The ranking of one indicator and year in words (who leads, who is missing; where the chosen
    regions stand when the ranking is cut)."""
    comp = comparison.comparison(frames, indicator, year, selected)
    return tuple(comparison.comparison_notes(frames, comp, lang, selected))


def _peers(frames: DataFrames, indicator: str, year: int, lang: str, group: str | None, memo: Memo) -> tuple[Chart | None, str]:
    name = names.indicator_name(frames, indicator, lang)
    figure = memo(peers_figure, frames, indicator, year, lang, group)
    if figure is None:
        return None, i18n.t("peers_empty", lang, indicator=name, year=year)
    comp = memo(comparison.peer_comparison, frames, indicator, year, group)
    city = context.home_city(frames)
    order = list(comp.ranked["region_id"])
    note = "" if city not in order else i18n.t("peers_rank", lang, city=names.region_name(frames, str(city), lang),
                                              rank=order.index(city) + 1, n=len(order))
    return Chart(figure, basename(frames, None, year, "peers_heading", lang) + f"_{name}", key="peers"), note


def heatmap_rows(frames: DataFrames, view: ViewState, indicator: str, memo: Memo = direct) -> comparison.GridRows:
    """The heatmap's regions: every ranked region up to ``comparison.GRID_LIMIT``, else the chosen
    regions' family, else the top and bottom of the indicator's latest year (its order memoised per
    data version)."""
    candidates = names.ranked_region_ids(frames)
    if len(candidates) <= comparison.GRID_LIMIT:
        return comparison.GridRows(tuple(candidates), len(candidates), "all")
    family = comparison.family_ids(frames, candidates, view.regions)
    order = memo(comparison.ranking_order, frames, indicator)
    return comparison.grid_rows(candidates, view.regions, family, order, comparison.GRID_LIMIT, comparison.RANK_LIMIT)


def grid_note(rows: comparison.GridRows, lang: str) -> str:
    """How many regions a cut grid leaves out, and which it shows ("" when none is left out)."""
    if not rows.left_out:
        return ""
    return i18n.t(f"grid_cut_{rows.basis}", lang, n=len(rows.region_ids), total=rows.total, left=rows.left_out,
                  ends=comparison.RANK_LIMIT)


def regions_page(frames: DataFrames, view: ViewState, indicator: str, memo: Memo = direct,
                 group: str | None = None) -> RegionsPage:
    lang, year = view.lang, view.year
    name = names.indicator_name(frames, indicator, lang)
    figure = memo(comparison_figure, frames, indicator, year, lang, view.regions)
    empty = chart = None
    if figure is None:
        years = suggest.years_with_data(frames.facts, year, regions=names.ranked_region_ids(frames), indicator=indicator)
        others = [ind for ind in comparison.compare_indicators_with_data(frames, year, view.category, limit=4)
                  if ind != indicator]
        empty = Empty(i18n.t("regions_empty", lang, indicator=name, year=year), (
            Choices("regions-suggest-year", tuple(Choice(i18n.year_label(y, lang), {"year": y}) for y in years),
                    intro=i18n.t("suggest_intro", lang)),
            indicator_choices(frames, others, lang, key="regions-suggest-indicator", field_name="compare", many=False)))
    else:
        chart = Chart(figure, basename(frames, None, year, "page_regions", lang) + f"_{name}", key="regions")
    rows = heatmap_rows(frames, view, indicator, memo)
    heatmap = memo(heatmap_figure, frames, indicator, lang, None if rows.basis == "all" else rows.region_ids)
    peers, peers_note = _peers(frames, indicator, year, lang, group, memo)
    groups = (Choice(i18n.t("peers_all", lang), {"group": ""}),
              *(Choice(i18n.t(f"group_{g}", lang), {"group": g}) for g in context.peer_groups(frames)))
    return RegionsPage(
        peers=peers, peers_note=peers_note, peer_groups=groups if context.peer_groups(frames) else (),
        empty=empty, chart=chart,
        selected_note=i18n.t("regions_selected_note", lang) if chart is not None and view.regions else None,
        notes=memo(ranking_notes, frames, indicator, year, lang, tuple(view.regions)),
        heatmap_note=grid_note(rows, lang),
        heatmap=None if heatmap is None else Chart(
            heatmap, basename(frames, None, None, "heatmap_heading", lang) + f"_{name}", key="heatmap"))
