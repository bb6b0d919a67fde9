"""The compiled snapshot: the validated dataset's frames in Parquet, named by the hash of the data files.

``data/`` stays the source of truth people edit and review. ``build`` validates it (``dataset.load``),
computes the frames (``views.data_frames``) and writes them to ``<root>/<hash>/``: a narrow typed
fact table of the recorded observations (``observations.parquet``: ids, year, period, kind, value,
unit, source, file and line; the ids dictionary-encoded), the dimension tables (``regions``,
``indicators``, ``sources``, their validated models in ``models.json``) and the frames the pages
read (``table``, ``facts``, ``ledger``, ``progress``). ``open_frames`` reads them back as the same
``DataFrames`` the pages get from the YAML, without parsing any YAML; ``frames_for`` opens the
snapshot of the data's current hash, building it when it is missing.

The hash covers every YAML file in the data file's folder (``include`` reads them), the units file,
the snapshot format and the code that computes the frames (``metrics/**/*.py``): a new version of any
of them is a new snapshot. The quoted texts are not hashed: their sha256 is in the data, checked at build.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import TypeAdapter

from metrics.frames.dataframes import DataFrames, data_frames
from metrics.load import schema, units
from metrics.load.dataset import NARROW_COLUMNS, Dataset, NarrowObservations, load, narrow_columns

FORMAT = 2
"""Raised when what a snapshot holds changes: old snapshots are then stale."""
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT / ".snapshots"
FRAMES = ("table", "facts", "ledger", "progress", "regions", "indicators", "sources")
_MODELS = TypeAdapter(dict[str, Any])
_SOURCES = TypeAdapter(list[schema.Source])
_REGIONS = TypeAdapter(list[schema.Region])
_INDICATORS = TypeAdapter(list[schema.Indicator])
log = logging.getLogger(__name__)
KEEP = 3
CATEGORICAL_ABOVE = 200_000
"""Rows above which a frame's text columns are opened as categoricals (``$METRICS_SNAPSHOT_CATEGORICAL_ABOVE``)."""
"""Snapshots kept in the folder after a build (the newest); older ones are removed."""


def categorical_above() -> int:
    return int(os.environ.get("METRICS_SNAPSHOT_CATEGORICAL_ABOVE") or CATEGORICAL_ABOVE)


def snapshot_root() -> Path:
    """``$METRICS_SNAPSHOT_DIR`` if set, else ``.snapshots/`` at the repository root (git-ignored)."""
    return Path(os.environ.get("METRICS_SNAPSHOT_DIR") or DEFAULT_DIR)


def data_files(path: str | Path) -> list[Path]:
    """The files a version of the data is: the data file, every YAML file beside it and below
    (the included ones), and the units file, in a stable order."""
    main = Path(path).resolve()
    files = {main, units.UNITS_FILE.resolve(), *(p.resolve() for p in main.parent.rglob("*.yaml") if p.is_file())}
    return sorted(files)


@functools.cache
def code_hash() -> str:
    """The code that computes the frames, and the libraries that write and read them."""
    digest = hashlib.sha256(f"{FORMAT}|{pd.__version__}|{pa.__version__}".encode())
    package = Path(__file__).resolve().parents[1]
    for file in sorted([*package.rglob("*.py"), *package.rglob("*.toml")]):
        digest.update(str(file.relative_to(package)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def data_hash(path: str | Path) -> str:
    """The snapshot's name: the hash of the data files' names and bytes, and of the code."""
    main = Path(path).resolve()
    digest = hashlib.sha256(code_hash().encode())
    digest.update(f"\0main\0{main.name}".encode())  # two data files in one folder are two datasets
    for file in data_files(main):
        name = file.relative_to(main.parent) if file.is_relative_to(main.parent) else Path("@units") / file.name
        digest.update(f"\0{name}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Built:
    """A snapshot written (or found) and what it took."""

    folder: Path
    seconds: float
    found: bool


def build(path: str | Path, sources_dir: Path | None = None, root: Path | None = None,
          frames: DataFrames | None = None, dataset: Dataset | None = None) -> Built:
    """Validate ``path`` and write its snapshot (a DatasetError, with every problem, if it is not
    valid); an existing snapshot of the same hash is kept as it is. ``frames`` skips the load (a
    caller that has just computed them, or a benchmark's synthetic data); ``dataset`` skips the load
    and validation only (the command line has just done them)."""
    start = time.perf_counter()
    root = root or snapshot_root()
    folder = root / data_hash(path)
    if (folder / "manifest.json").is_file():
        return Built(folder, time.perf_counter() - start, True)
    if frames is None:
        frames = data_frames(dataset if dataset is not None else load(path, sources_dir))
    write(frames, folder)
    prune(root, keep=folder)
    return Built(folder, time.perf_counter() - start, False)


def write(frames: DataFrames, folder: Path) -> None:
    """Write the snapshot into ``folder`` atomically: a temporary folder renamed at the end, so a
    reader never sees half a snapshot and two writers of the same hash do not clash."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = folder.parent / f".{folder.name}.{os.getpid()}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    dtypes: dict[str, dict[str, str]] = {}
    for name in FRAMES:
        frame: pd.DataFrame = getattr(frames, name)
        dtypes[name] = {str(c): _kind(frame[c]) for c in frame.columns}
        pq.write_table(pa.Table.from_pandas(_stored(frame, dtypes[name]), preserve_index=False), partial / f"{name}.parquet")
    pq.write_table(_observations(frames.dataset), partial / "observations.parquet")
    dataset = frames.dataset
    models = {"path": dataset.path,
              "sources": [s.model_dump(mode="json") for s in dataset.sources],
              "regions": [r.model_dump(mode="json") for r in dataset.regions],
              "indicators": [i.model_dump(mode="json") for i in dataset.indicators]}
    (partial / "models.json").write_text(json.dumps(models, ensure_ascii=False), encoding="utf-8")
    manifest = {"format": FORMAT, "dtypes": dtypes, "observations": len(dataset.observations)}
    (partial / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    try:
        partial.rename(folder)
    except OSError:  # another process wrote the same hash first: theirs is the same snapshot
        shutil.rmtree(partial, ignore_errors=True)


def _kind(column: pd.Series) -> str:
    """How to give a column back its type after Parquet, which has one null: an ``object`` column
    gets back its own missing marker (None, NaN or pd.NA; ``mixed`` when it holds several, then
    each row's is stored beside it) and whole numbers as int where they were ints."""
    if column.dtype != object:
        return str(column.dtype)
    values = column.tolist()
    markers = {_MARKERS[type(v)] for v in values if _missing(v)}
    marker = "mixed" if len(markers) > 1 else next(iter(markers), "none")
    present = [v for v in values if not _missing(v)]
    whole = bool(present) and all(isinstance(v, int) and not isinstance(v, bool) for v in present)
    return f"object-{'int' if whole else 'any'}-{marker}"


def _stored(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """``frame`` with, for each column of mixed missing markers, a column of each row's marker."""
    mixed = {c: [_CODES[_MARKERS[type(v)]] if _missing(v) else 0 for v in frame[c].tolist()]
             for c, kind in kinds.items() if kind.endswith("-mixed")}
    return frame.assign(**{MARKER_PREFIX + c: pd.Series(codes, index=frame.index, dtype="int8") for c, codes in mixed.items()})


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


_MARKERS = {type(None): "none", float: "nan", type(pd.NA): "na"}
_MISSING = {"none": None, "nan": float("nan"), "na": pd.NA}
_CODES = {"none": 1, "nan": 2, "na": 3}
_BY_CODE = {code: _MISSING[name] for name, code in _CODES.items()}
MARKER_PREFIX = "__missing__"


def _observations(dataset: Dataset) -> pa.Table:
    """The narrow fact table: one typed row per recorded observation, ids dictionary-encoded."""
    columns = narrow_columns(dataset)
    arrays = {}
    for name in NARROW_COLUMNS:
        values = columns[name]
        kind = _NARROW_TYPES.get(name, pa.string())
        array = pa.array(values, kind)
        arrays[name] = array.dictionary_encode() if name in _ENCODED else array
    return pa.table(arrays)


_NARROW_TYPES = {"year": pa.int16(), "start_year": pa.int16(), "value": pa.float64(), "provisional": pa.bool_(),
                 "line": pa.int32()}
_ENCODED = {"region", "indicator", "source", "unit", "period", "kind", "comparator", "cross_source", "file"}


def prune(root: Path, keep: Path) -> None:
    """Remove all but the newest ``KEEP`` snapshots (``keep`` always stays)."""
    found = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in found[KEEP:]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def open_frames(folder: Path) -> DataFrames:
    """The snapshot in ``folder`` as the pages' ``DataFrames``; no YAML is read. The dataset's
    sources, regions and indicators are validated again from ``models.json`` (small); its
    observations are restored from the narrow table only when something asks for them (the
    import page, the command line's table), not on the way to a page."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"{folder}: snapshot format {manifest.get('format')}, this code reads {FORMAT}")
    frames = {name: _read(folder / f"{name}.parquet", manifest["dtypes"][name]) for name in FRAMES}
    models = _MODELS.validate_json((folder / "models.json").read_bytes())
    observations = LazyObservations(folder / "observations.parquet", manifest["observations"])
    dataset = Dataset(models["path"], _SOURCES.validate_json(json.dumps(models["sources"])),
                      _REGIONS.validate_json(json.dumps(models["regions"])),
                      _INDICATORS.validate_json(json.dumps(models["indicators"])),
                      observations, observations.places)
    return DataFrames(dataset, **frames)


def _read(file: Path, dtypes: dict[str, str], rows_for_categories: int | None = None) -> pd.DataFrame:
    """A frame as it was written. A frame of more than ``CATEGORICAL_ABOVE`` rows gets its text
    columns as categoricals (categories sorted, so sorting is unchanged) instead of one string per
    row: at county scale that is most of its memory. Arrow frees its buffers as they are converted
    (``self_destruct``), so a file is not in memory twice (county scale: peak RSS 1078 -> 861 MiB)."""
    if not dtypes:  # a frame with no columns (no targets, say) is written as one
        return pd.DataFrame()
    limit = categorical_above() if rows_for_categories is None else rows_for_categories
    parquet = pq.ParquetFile(file)
    if parquet.metadata.num_rows > limit:
        texts = [c for c, kind in dtypes.items() if kind == "str"]
        frame = pq.read_table(file, read_dictionary=texts).to_pandas(date_as_object=True, self_destruct=True, split_blocks=True)
        for column in texts:
            values = frame[column]
            frame[column] = values.cat.reorder_categories(sorted(values.cat.categories))
    else:
        frame = parquet.read().to_pandas(date_as_object=True, self_destruct=True, split_blocks=True)
    for column, kind in dtypes.items():
        if kind.startswith("object-"):
            _, content, marker = kind.split("-")
            values = frame[column].tolist()
            empties = ([_BY_CODE.get(code) for code in frame.pop(MARKER_PREFIX + column).tolist()] if marker == "mixed"
                       else [_MISSING[marker]] * len(values))
            frame[column] = pd.Series([empty if _missing(v) else int(v) if content == "int" else v
                                       for v, empty in zip(values, empties, strict=True)], index=frame.index, dtype=object)
    return frame


class LazyObservations(NarrowObservations):
    """The dataset's observations, read from the snapshot's narrow table on first use (they were
    validated when it was built, so they are constructed, not validated again)."""

    def __init__(self, file: Path, count: int) -> None:
        super().__init__(None, count)
        self._file = file

    def _read(self) -> dict[str, Sequence[Any]]:
        return pq.read_table(self._file).to_pydict()


def frames_for(path: str | Path, sources_dir: Path | None = None, root: Path | None = None) -> DataFrames:
    """The frames of the data's current version: its snapshot, built first when missing (a
    DatasetError with every problem when the data is not valid). Where the snapshot folder is
    read-only and holds no snapshot of this version, the frames are computed in memory and said so."""
    root = root or snapshot_root()
    folder = root / data_hash(path)
    if not (folder / "manifest.json").is_file():
        frames = data_frames(load(path, sources_dir))
        try:
            build(path, sources_dir, root, frames=frames)
        except OSError as exc:
            log.warning("no snapshot of %s in %s and none can be written there (%s): serving it from memory", path, root, exc)
            return frames
    return open_frames(folder)
