"""Load the dataset: read, validate, check provenance; all problems at once or clean data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from metrics.includes import read_dataset
from metrics.problems import DatasetError, Problem
from metrics.provenance import check_provenance
from metrics.validate import validate

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data" / "metrics.yaml"


@dataclass(frozen=True)
class Dataset:
    """The four lists of a valid dataset, as plain dicts, each observation with its line.

    The ``*_by_id`` lookups are built once per dataset (pages call them per row)."""

    path: str
    sources: list[dict]
    regions: list[dict]
    indicators: list[dict]
    observations: list[dict]

    @cached_property
    def source_by_id(self) -> dict[str, dict]:
        return {s["id"]: s for s in self.sources}

    @cached_property
    def region_by_id(self) -> dict[str, dict]:
        return {r["id"]: r for r in self.regions}

    @cached_property
    def indicator_by_id(self) -> dict[str, dict]:
        return {i["id"]: i for i in self.indicators}


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
    problems = validate(located, name)
    if check_sources:
        problems += check_provenance(located, name, sources_dir)
    if problems:
        raise DatasetError(problems)
    data = located.data
    observations = []
    for index, obs in enumerate(data["observations"]):
        record = dict(obs)
        record["file"], record["line"] = located.where("observations", index)
        observations.append(record)
    return Dataset(name, list(data["sources"]), list(data["regions"]), list(data["indicators"]), observations)
