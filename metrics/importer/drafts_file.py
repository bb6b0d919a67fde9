"""The drafts file of ``python -m metrics import``/``accept``: written, and read back with strict types.

A person edits this file by hand, so it is read as strictly as the dataset: through the YAML
reader (lines, duplicate keys, NaN and huge numbers, no aliases) and typed models built from
the dataset's own (``metrics.load.schema``). ``accepted: "false"`` is an error, not true; a date that
is no date, a confidence of "high", a value of "nan", a source without an id: each is a
``file:line: row N (...): field ...`` problem, never an internal error.

Every row carries the source it would be recorded under (``source_record``) and the version of
the data it was drafted against (``data_version``): ``accept`` refuses to write when the data
has changed since (another import was written first), and says to run ``import`` again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, ValidationError

from metrics.importer.drafts import Draft
from metrics.importer.write import NoAliases
from metrics.load import schema
from metrics.load.problems import DatasetError, Problem
from metrics.load.validate import explain
from metrics.load.yaml_reader import MAX_NUMBER, Located, read_yaml

MAX_BYTES = 20 * 2**20
LaxDate = Annotated[dt.date, Field(strict=False)]
"""A date: a YAML date, or an ISO string in JSON (where dates are text)."""
Number = Annotated[float, Field(allow_inf_nan=False, gt=-MAX_NUMBER, lt=MAX_NUMBER)]
Year = Annotated[int, Field(ge=1949, le=2100)]


class DraftSource(schema.QuotedSource):
    """``source_record``: the quoted source the drafts would be recorded under (its sha256 is set
    when accepted); the dataset's model, with dates that may be ISO text."""

    stated_date: LaxDate | None
    posted_date: LaxDate


class DraftRow(schema.Strict):
    """One row of the drafts file: ``metrics.importer.drafts.Draft``'s fields, typed."""

    region: schema.Id
    indicator: schema.Id
    indicator_zh: str
    year: Year | None
    period: Literal[schema.PERIODS]  # type: ignore[valid-type]
    kind: Literal[schema.KINDS]  # type: ignore[valid-type]
    comparator: Literal[schema.COMPARATORS] | None  # type: ignore[valid-type]
    value: Number | None
    unit: schema.Text
    quote: str
    sentence: str
    confidence: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
    reason: str
    source: str = ""
    start_year: Year | None = None
    written: str | None = None
    provisional: bool = False
    note: str | None = None
    proposed_indicator: schema.Indicator | None = None
    proposed_region: schema.Region | None = None
    existing: str = "new"
    accepted: bool = True
    problem: Annotated[tuple[str, dict[str, Any]], Field(strict=False)] | None = None
    """Why the review started the row unticked (a catalogue key and its values): the page's note."""
    source_record: DraftSource
    data_version: str | None = None


def text_path(drafts_path: Path) -> Path:
    """Where the report's normalised text is kept beside the drafts file."""
    return drafts_path.with_name(drafts_path.name + ".text.txt")


def write_drafts(rows: list[dict], out: Path, fmt: str, text: str) -> None:
    """The drafts (and the text beside them) as JSON or YAML; YAML without anchors, which the reader refuses."""
    if fmt == "json":
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    else:
        out.write_text(yaml.dump(rows, Dumper=NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text_path(out).write_text(text, encoding="utf-8", newline="")


class DraftsError(ValueError):
    """The drafts file cannot be accepted; ``problems`` says where and why."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


def read_drafts(path: Path) -> tuple[list[Draft], dict, str, str | None]:
    """(drafts, source record, text, data version) of a drafts file; DraftsError listing every problem."""
    name = str(path)
    located = _located(path)
    rows = located.data
    if not isinstance(rows, list) or not rows:
        raise DraftsError(f"{name}: expected a non-empty list of drafts, as `python -m metrics import` writes.")
    problems: list[Problem] = []
    models: list[DraftRow] = []
    for index, row in enumerate(rows):
        what = _describe(index, row)
        if not isinstance(row, dict):
            problems.append(Problem(name, located.line(index), f"{what}: a draft is a mapping of fields, not {type(row).__name__}."))
            continue
        try:
            models.append(DraftRow.model_validate(row))
        except ValidationError as exc:
            for error in exc.errors():
                fields = [str(part) for part in error["loc"] if isinstance(part, str) and part not in ("quoted", "cited")]
                within = f"{'.'.join(fields[:-1])}: " if len(fields) > 1 else ""
                problems.append(Problem(name, located.line(index, *fields), f"{what}: {within}{explain(error)}"))
    if problems:
        raise DraftsError(f"{name}: {len(problems)} problem(s); nothing was written.", problems)
    first = models[0]
    for index, model in enumerate(models[1:], 2):
        if model.source_record != first.source_record or model.data_version != first.data_version:
            raise DraftsError(f"{name}: row {index}'s source_record or data_version differs from row 1's; "
                              "all drafts of one file come from one report.")
    try:
        text = text_path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftsError(f"{text_path(path)}: the report's text beside the drafts cannot be read "
                          f"({getattr(exc, 'strerror', None) or type(exc).__name__}); run import again.") from None
    drafts = [Draft.from_dict(_draft_fields(model)) for model in models]
    return drafts, first.source_record.model_dump(), text, first.data_version


def _draft_fields(model: DraftRow) -> dict[str, Any]:
    fields = dict(model)
    for key in ("proposed_indicator", "proposed_region"):
        if fields[key] is not None:
            fields[key] = fields[key].model_dump(exclude_none=True)
    return fields


def _located(path: Path) -> Located:
    """The file parsed with line numbers; JSON values as JSON reads them (YAML 1.1 would read 1e-05 as text)."""
    name = str(path)
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_BYTES else b""
    except OSError as exc:
        raise DraftsError(f"{name}: cannot read the drafts file ({exc.strerror or exc}).") from None
    if size > MAX_BYTES:
        raise DraftsError(f"{name}: {size / 2**20:.0f} MB is too large for a drafts file (limit {MAX_BYTES // 2**20} MB).")
    try:
        located = read_yaml(path)
    except DatasetError as exc:
        raise DraftsError(f"{name}: not a drafts file that can be read; nothing was written.", exc.problems) from None
    if raw.lstrip().startswith(b"["):
        try:
            located.data = json.loads(raw.decode("utf-8-sig"), parse_constant=str)  # NaN: text, which no number field takes
        except (ValueError, UnicodeDecodeError) as exc:
            raise DraftsError(f"{name}: not valid JSON ({exc}).") from None
    return located


def _describe(index: int, row: object) -> str:
    if isinstance(row, dict):
        parts = [str(row.get(k)) for k in ("region", "indicator", "year", "kind") if isinstance(row.get(k), (str, int))]
        if parts:
            return f"row {index + 1} ({' '.join(parts)})"
    return f"row {index + 1}"
