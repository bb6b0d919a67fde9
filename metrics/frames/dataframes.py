"""Everything the pages and the command line read, computed once from a loaded dataset."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from metrics.frames import coverage
from metrics.frames.derive import with_derived
from metrics.frames.ledger import target_ledger
from metrics.frames.progress import scorecards
from metrics.frames.tidy import consolidate, tidy_table
from metrics.load import schema
from metrics.load.dataset import Dataset
from metrics.view_models import query_state


@dataclass(frozen=True)
class DataFrames:
    """The dataset as tables: ``table`` holds every record (derived rows included, marked);
    ``facts`` has one row per fact (agreeing sources merged); ``ledger`` and ``progress``
    are the target views."""

    dataset: Dataset
    table: pd.DataFrame
    facts: pd.DataFrame
    ledger: pd.DataFrame
    progress: pd.DataFrame
    regions: pd.DataFrame
    indicators: pd.DataFrame
    sources: pd.DataFrame

    @cached_property
    def options(self) -> query_state.Options:
        """What a view of this data may hold, and its defaults (the latest mostly published year
        of each region): computed once per dataset, read several times a run."""
        years = self.facts["year"].dropna().unique().tolist() if not self.facts.empty else []
        present = {i.category for i in self.dataset.indicators}
        categories = [c for c in schema.CATEGORIES if c in present]
        return query_state.options_for({r.id: (r.name_zh, r.name_en) for r in self.dataset.regions}, years, categories,
                                       [i.id for i in self.dataset.indicators], default_years=coverage.latest_full_years(self))


def data_frames(dataset: Dataset) -> DataFrames:
    indicators = pd.DataFrame.from_records([i.model_dump() for i in dataset.indicators])
    recorded = tidy_table(dataset)
    table = with_derived(recorded, dataset.indicator_by_id, dataset.region_by_id) if not recorded.empty else recorded
    facts = consolidate(table) if not table.empty else table
    ledger = target_ledger(facts) if not facts.empty else pd.DataFrame()
    progress = (scorecards(facts, regions=dataset.region_by_id, indicators=dataset.indicator_by_id, ledger=ledger)
                if not facts.empty else pd.DataFrame())
    sources = pd.DataFrame.from_records([s.model_dump() for s in dataset.sources])
    regions = pd.DataFrame.from_records([r.model_dump() for r in dataset.regions])
    return DataFrames(dataset, table, facts, ledger, progress, regions,
                      indicators, sources)
