"""The targets page's view model: for each chosen region, the year's ledger (counts, chart, table)
and the scorecard of its five-year plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from metrics.charts import ledger_figure, progress_figure
from metrics.charts.common import catalogue
from metrics.figures import names, queries, suggest
from metrics.frames.dataframes import DataFrames
from metrics.frames.ledger import STATUSES, status_counts
from metrics.text import display, i18n, render
from metrics.view_models.parts import Chart, Empty, Memo, Table, basename, direct, suggestion_choices
from metrics.view_models.query_state import ViewState


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int

    @property
    def pill(self) -> str:
        return f"{self.label} ({self.count})"


@dataclass(frozen=True)
class TargetsSection:
    """One region's targets for the year, judged ones first, and its scorecard."""

    region_id: str
    heading: str
    lang: str
    empty: Empty | None
    """Set when the region has no target that year (then nothing of the ledger is shown)."""
    counts_text: str
    counts: tuple[StatusCount, ...]
    chart: Chart | None
    no_chart: Empty | None
    """Set when there are targets but none has an actual to draw."""
    ledger: pd.DataFrame
    table_basename: str
    catalogue: Mapping[str, Mapping]
    """The sources by id, for the table's citations."""
    progress_heading: str
    """The scorecard's heading, naming its plan and years (``render.plan_heading``)."""
    progress_chart: Chart | None
    progress_empty: Empty | None
    progress_table: Table | None

    @property
    def statuses_present(self) -> tuple[StatusCount, ...]:
        """The statuses the table can be cut to: those with at least one target."""
        return tuple(count for count in self.counts if count.count)

    def table(self, statuses: Sequence[str] = ()) -> Table:
        """The ledger table, only the targets of ``statuses`` when some are chosen."""
        rows = self.ledger if not statuses else self.ledger[self.ledger["status"].isin(list(statuses))].reset_index(drop=True)
        return Table(display.ledger_table(rows, self.lang, self.catalogue), rows, "ledger", self.table_basename,
                     key=f"ledger-table-{self.region_id}")


@dataclass(frozen=True)
class TargetsPage:
    no_region: Empty | None
    sections: tuple[TargetsSection, ...]


def _ledger_part(frames: DataFrames, region: str, name: str, view: ViewState,
                 ledger: pd.DataFrame) -> tuple[Chart | None, Empty | None]:
    lang, year = view.lang, view.year
    figure = ledger_figure(frames, region, year, lang, view.category)
    if figure is not None:
        return Chart(figure, basename(frames, region, year, "page_targets", lang), key=f"ledger-{region}"), None
    with_actuals = suggest.suggest(queries.ledger_with_actuals(frames, view.category), [region], year, kinds=None,
                                   periods=queries.LEDGER_PERIODS)
    return None, Empty(i18n.t("targets_no_actuals", lang, region=name, year=year, n=len(ledger)),
                       (suggestion_choices(frames, with_actuals, lang, key=f"targets-actuals-{region}"),))


def _progress_part(frames: DataFrames, region: str, name: str, view: ViewState,
                   ) -> tuple[Chart | None, Empty | None, Table | None]:
    lang = view.lang
    figure = progress_figure(frames, region, lang, view.category)
    if figure is None:
        return None, Empty(i18n.t("progress_none", lang, region=name)), None
    plan = queries.scorecard_plan(frames, region)
    stem = basename(frames, region, plan.end if plan else view.year, "progress_heading_none", lang)
    progress = queries.progress_for(frames, region, view.category)
    return (Chart(figure, stem, key=f"progress-{region}"), None,
            Table(display.progress_table(progress, lang), progress, "progress", stem, key=f"progress-table-{region}"))


def targets_section(frames: DataFrames, region: str, view: ViewState) -> TargetsSection:
    """One region's part of the page (the page builder remembers it whole, through its memo)."""
    lang, year = view.lang, view.year
    name = names.region_name(frames, region, lang)
    ledger = queries.ledger_for(frames, region, year, view.category)
    empty = chart = no_chart = None
    if ledger.empty:
        nearby = suggest.suggest(frames.ledger, [region], year, kinds=None, category=view.category,
                                 periods=queries.LEDGER_PERIODS)
        empty = Empty(i18n.t("targets_none", lang, region=name, year=year),
                      (suggestion_choices(frames, nearby, lang, key=f"targets-suggest-{region}"),))
    else:
        chart, no_chart = _ledger_part(frames, region, name, view, ledger)
    counts = status_counts(ledger) if not ledger.empty else dict.fromkeys(STATUSES, 0)
    progress_chart, progress_empty, progress_table = _progress_part(frames, region, name, view)
    return TargetsSection(
        region_id=region, heading=i18n.t("targets_heading", lang, region=name, year=year), lang=lang, empty=empty,
        counts_text=i18n.t("targets_counts", lang, n=len(ledger)),
        counts=tuple(StatusCount(s, i18n.status_label(s, lang), int(counts[s])) for s in STATUSES),
        chart=chart, no_chart=no_chart, ledger=ledger,
        table_basename=basename(frames, region, year, "page_targets", lang),
        catalogue=catalogue(frames.sources),
        progress_heading=render.plan_heading(queries.scorecard_plan(frames, region), lang),
        progress_chart=progress_chart, progress_empty=progress_empty, progress_table=progress_table)


def targets_page(frames: DataFrames, view: ViewState, memo: Memo = direct) -> TargetsPage:
    lang = view.lang
    no_region = None
    if not view.regions:
        nearby = suggest.suggest(frames.ledger, [], view.year, kinds=None)
        no_region = Empty(i18n.t("no_region_selected", lang), (suggestion_choices(frames, nearby, lang, key="targets-suggest"),))
    return TargetsPage(no_region, tuple(memo(targets_section, frames, region, view) for region in view.regions))
