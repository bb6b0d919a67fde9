"""Load the dataset: read, validate, check provenance; all problems at once or clean data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from metrics.load import schema
from metrics.load.includes import read_dataset
from metrics.load.problems import DatasetError, Problem
from metrics.load.provenance import check_provenance
from metrics.load.validate import check

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data" / "metrics.yaml"


@dataclass(frozen=True)
class Dataset:
    """A valid dataset: the validated models of its four lists, and where each observation is
    (file and line), for the data table and every message that points back to the file.

    The ``*_by_id`` lookups are built once per dataset (pages call them per row)."""

    path: str
    sources: list[schema.Source]
    regions: list[schema.Region]
    indicators: list[schema.Indicator]
    observations: Sequence[schema.Observation]
    places: Sequence[tuple[str, int]]
    """(file, line) of each observation, in the same order. A dataset opened from its snapshot
    (``metrics.load.snapshot``) restores both only when they are first read."""

    @cached_property
    def source_by_id(self) -> dict[str, schema.Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def region_by_id(self) -> dict[str, schema.Region]:
        return {r.id: r for r in self.regions}

    @cached_property
    def indicator_by_id(self) -> dict[str, schema.Indicator]:
        return {i.id: i for i in self.indicators}


def find_problems(path: str | Path = DEFAULT_DATA, sources_dir: Path | None = None) -> list[Problem]:
    """Every problem with the file, sorted by line; empty when the data is good."""
    try:
        load(path, sources_dir)
    except DatasetError as exc:
        return exc.problems
    return []


def load(path: str | Path = DEFAULT_DATA, sources_dir: Path | None = None, check_sources: bool = True) -> Dataset:
    """Read and check ``path``; raise DatasetError listing every problem if it is not valid."""
    name = str(path)
    located = read_dataset(path)
    checked = check(located, name)
    problems = checked.problems
    if check_sources:
        problems += check_provenance(located, name, sources_dir)
    if problems:
        raise DatasetError(problems)
    models = checked.models
    places = [located.where("observations", index) for index in range(len(models["observations"]))]
    return Dataset(name, models["sources"], models["regions"], models["indicators"], models["observations"], places)
