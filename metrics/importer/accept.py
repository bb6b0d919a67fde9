"""Accept reviewed drafts: check them with the dataset's own validation, then write them.

Nothing is written unless the whole new dataset (old records, the new source, proposed
indicators and regions, accepted drafts) passes ``validate`` and the provenance check, with
the normalised text stored in ``data/texts/<source-id>.txt`` and its sha256 in the source.
Every check and write holds the dataset's lock (``write.locked``); a plan made against another
version of the data than the one on disk is refused (``StaleError``: read the report again),
so a second writer never overwrites the first. The text's path is checked before anything is
created.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from metrics.importer import write
from metrics.importer.drafts import CONFIDENT, Draft
from metrics.load.dataset import find_problems
from metrics.load.problems import Problem


@dataclass
class Plan:
    """Exactly what accepting will write."""

    source: dict
    text: str
    indicators: list[dict]
    regions: list[dict]
    observations: list[dict]
    data_version: str | None = None
    """The version of the data the drafts were made against (``write.data_version``); None: not checked."""

    def additions(self) -> dict[str, list[dict]]:
        return {"sources": [self.source], "regions": self.regions, "indicators": self.indicators,
                "observations": self.observations}

    def preview(self) -> str:
        return write.render([self.source]) + write.render(self.regions) + write.render(self.indicators) + \
            write.render(self.observations)


class AcceptError(ValueError):
    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


class StaleError(AcceptError):
    """The data changed after the drafts were made: make them again from the data as it is now."""


class BusyError(AcceptError):
    """Another write held the lock for too long."""


_ID = re.compile(r"[a-z0-9][a-z0-9_\-]{0,79}")
"""``schema.Id``: what a source id may be, and so the name of its text file."""


def _text_file(data_path: Path, source_id: object) -> Path:
    """``texts/<id>.txt``, after checking that the id is one (so the path stays in ``texts/``)."""
    if not isinstance(source_id, str) or not _ID.fullmatch(source_id):
        raise AcceptError(f"source id {source_id!r} is not an id (lower-case letters, digits, '-' and '_'); "
                          "nothing was written.")
    folder = write.texts_dir(data_path)
    path = folder / f"{source_id}.txt"
    if path.resolve().parent != folder.resolve():
        raise AcceptError(f"source id {source_id!r} names a file outside {folder}; nothing was written.")
    return path


def plan(drafts: list[Draft], source: dict, text: str, dataset_ids: dict[str, set[str]], only_confident: bool = False,
         data_version: str | None = None) -> Plan:
    """The records to add: accepted drafts (confident ones only, if asked) and what they need."""
    chosen = [d for d in drafts if d.accepted and (not only_confident or d.confidence >= CONFIDENT)]
    if not chosen:
        raise AcceptError("no draft is accepted; nothing to write.")
    if source["id"] in dataset_ids["sources"]:
        raise AcceptError(f"source {source['id']!r} is already in the dataset; give the import a new --source-id.")
    source = {**source, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    indicators = {d.proposed_indicator["id"]: d.proposed_indicator for d in chosen
                  if d.proposed_indicator and d.indicator == d.proposed_indicator["id"] and d.indicator not in dataset_ids["indicators"]}
    regions = {d.proposed_region["id"]: d.proposed_region for d in chosen
               if d.proposed_region and d.region == d.proposed_region["id"] and d.region not in dataset_ids["regions"]}
    observations = [{**d.observation(), "source": source["id"]} for d in chosen]
    return Plan(source, text, list(indicators.values()), list(regions.values()), observations, data_version)


def check(accepted: Plan, data_path: Path, sources_dir: Path | None = None) -> list[Problem]:
    """The problems the new dataset would have, without writing it (a dry run of ``apply``)."""
    data_path = Path(data_path)
    _text_file(data_path, accepted.source.get("id"))
    with _lock(data_path):
        return _staged(accepted, data_path, sources_dir, keep=False)[1]


def apply(accepted: Plan, data_path: Path, sources_dir: Path | None = None) -> Path:
    """Check the new dataset as a whole, then write it; returns the backup of the old file."""
    data_path = Path(data_path)
    _text_file(data_path, accepted.source.get("id"))
    with _lock(data_path):
        if accepted.data_version is not None and write.data_version(data_path) != accepted.data_version:
            raise StaleError(f"{data_path} has changed since these drafts were made (another import was written, or the "
                             "file was edited); nothing was written: make the drafts again from the data as it is now "
                             "(python -m metrics import, or Read on the review page).")
        backup, problems = _staged(accepted, data_path, sources_dir, keep=True)
    if backup is None:
        raise AcceptError(f"{len(problems)} problem(s) with the accepted drafts; nothing was written.",
                          [Problem(f"{data_path} (after accepting)", p.line, p.message) for p in problems])
    return backup


@contextmanager
def _lock(data_path: Path) -> Iterator[None]:
    try:
        with write.locked(data_path):
            yield
    except write.Busy:
        raise BusyError(f"{data_path} is being written by another import; nothing was written: try again.") from None


def _staged(accepted: Plan, data_path: Path, sources_dir: Path | None, keep: bool) -> tuple[Path | None, list[Problem]]:
    """Stage the new dataset (and the source's text) beside the old one and check it; with
    ``keep`` and no problem, move it into place and return the backup; otherwise remove both.
    The text's path is in the journal while it may have to be removed (``write.clean_stale``)."""
    new_text = write.with_records(data_path.read_text(encoding="utf-8"), accepted.additions())
    text_file = _text_file(data_path, accepted.source.get("id"))
    created_text = not text_file.exists()
    if not created_text and text_file.read_text(encoding="utf-8") != accepted.text:
        raise AcceptError(f"{text_file} exists with another text; give the import a new --source-id.")
    staged = None
    kept = False
    try:
        if created_text:
            text_file.parent.mkdir(parents=True, exist_ok=True)
            write.journal(data_path).write_text(str(text_file), encoding="utf-8")
            text_file.write_text(accepted.text, encoding="utf-8", newline="")
        staged = write.stage(data_path, new_text)
        problems = find_problems(staged, sources_dir)
        if problems or not keep:
            return None, problems
        backup = write.commit(data_path, staged)
        staged = None
        kept = True
        return backup, []
    finally:
        if created_text and not kept and text_file.exists():
            text_file.unlink()
        if staged is not None and staged.exists():
            staged.unlink()
        write.journal(data_path).unlink(missing_ok=True)
