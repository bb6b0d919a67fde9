"""Load the dataset: read, validate, check provenance; all problems at once or clean data."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, overload

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


OBSERVATION_FIELDS = tuple(schema.Observation.model_fields)
NARROW_COLUMNS = (*OBSERVATION_FIELDS, "file", "line")
"""The narrow fact table's columns: an observation's fields, then where it is (file and line)."""


def narrow_columns(dataset: Dataset) -> dict[str, Sequence[Any]]:
    """The dataset's observations as columns (``NARROW_COLUMNS``), one value per observation: read
    straight from a narrow table when the observations are one (``NarrowObservations``, a snapshot's
    or a synthetic dataset's), else gathered field by field from the validated models."""
    columns = getattr(dataset.observations, "columns", None)
    if callable(columns):
        return columns()
    observations = dataset.observations
    found: dict[str, Sequence[Any]] = {f: [getattr(o, f) for o in observations] for f in OBSERVATION_FIELDS}
    found["file"] = [file for file, _ in dataset.places]
    found["line"] = [line for _, line in dataset.places]
    return found


class NarrowObservations(Sequence[schema.Observation]):
    """Observations held as columns (``NARROW_COLUMNS``, lists of equal length) that are valid by
    construction (a snapshot's, built from validated data; a benchmark's synthetic data): the frames
    are computed from the columns, and a model per row is made only when something iterates them
    (the import page, the command line's table), made with ``model_construct``, not validated again."""

    def __init__(self, columns: dict[str, Sequence[Any]] | None = None, count: int | None = None) -> None:
        self._columns = columns
        self._count = count if count is not None else len(next(iter(columns.values()))) if columns else 0
        self._rows: list[schema.Observation] | None = None
        self._places: list[tuple[str, int]] | None = None
        self.places: Sequence[tuple[str, int]] = _Places(self)

    def columns(self) -> dict[str, Sequence[Any]]:
        if self._columns is None:
            self._columns = self._read()
        return self._columns

    def _read(self) -> dict[str, Sequence[Any]]:  # a subclass reads them from a file on first use
        raise NotImplementedError

    def _load(self) -> list[schema.Observation]:
        if self._rows is None:
            columns = self.columns()
            construct = schema.Observation.model_construct
            fields = [columns[f] for f in OBSERVATION_FIELDS]
            self._rows = [construct(**dict(zip(OBSERVATION_FIELDS, values, strict=True))) for values in zip(*fields, strict=True)]
            self._places = [(str(file), int(line)) for file, line in zip(columns["file"], columns["line"], strict=True)]
        return self._rows

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> schema.Observation: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[schema.Observation]: ...
    def __getitem__(self, index: int | slice) -> schema.Observation | Sequence[schema.Observation]:
        return self._load()[index]

    def __iter__(self) -> Iterator[schema.Observation]:
        return iter(self._load())

    @property
    def loaded(self) -> bool:
        return self._rows is not None


class _Places(Sequence[tuple[str, int]]):
    def __init__(self, owner: NarrowObservations) -> None:
        self._owner = owner

    def __len__(self) -> int:
        return len(self._owner)

    def _all(self) -> list[tuple[str, int]]:
        self._owner._load()
        assert self._owner._places is not None
        return self._owner._places

    @overload
    def __getitem__(self, index: int) -> tuple[str, int]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, int] | Sequence[tuple[str, int]]:
        return self._all()[index]

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self._all())


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
