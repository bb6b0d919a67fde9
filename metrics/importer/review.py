"""The view model of the 导入与审核 / Import & review page: drafts as an editable table, the exact
records a write would add with the dataset's verdict on them, and the write itself.

The page is off unless the server runs with ``METRICS_IMPORT=1``: it writes to the server's data.
Nothing here imports Streamlit; every word shown comes from ``metrics.text.i18n``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from metrics.frames.missing import is_missing_or_blank
from metrics.importer import accept, rows
from metrics.importer.cli import source_record
from metrics.importer.drafts import CONFIDENT, Draft, mark_existing
from metrics.importer.run import import_text
from metrics.load.dataset import Dataset
from metrics.load.problems import Problem
from metrics.load.schema import Observation
from metrics.text import i18n

SWITCH = "METRICS_IMPORT"
COLUMNS = ("accept", "status", "note", "confidence", "indicator", "kind", "year", "period", "start_year", "value", "unit",
           "comparator", "sentence")
EDITABLE = ("accept", "indicator", "kind", "year", "period", "start_year", "value", "unit", "comparator")
NO_COMPARATOR = ""
MARK_OPEN, MARK_CLOSE = "【", "】"
"""How the table marks the quote inside its sentence (a table cell is plain text)."""


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Is the page switched on (``METRICS_IMPORT=1``)?"""
    return environ.get(SWITCH, "").strip() == "1"


@dataclass(frozen=True)
class Details:
    """What the reviewer says about the report."""

    region: str
    """A region id of the dataset, or the name of a new region."""
    report_type: str
    date: dt.date | None
    title: str
    publisher: str = ""


def source_id(details: Details, text: str) -> str:
    """An id for the new source: the region and the text's own hash, so one text is one source."""
    region = details.region if re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", details.region) else "new-region"
    year = f"-{details.date.year}" if details.date else ""
    return f"import-{region}{year}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:10]}"


def source_for(details: Details, text: str) -> dict:
    """The source record the drafts are written under."""
    return source_record(source_id(details, text), details.title.strip(), details.publisher.strip() or "unknown",
                         details.report_type, details.date)


def drafts_for(text: str, dataset: Dataset, details: Details) -> list[Draft]:
    """Every figure the text gives, the most confident first; a fact the dataset already holds starts rejected."""
    drafts = import_text(text, dataset, region=details.region.strip(), source_id=source_id(details, text),
                         report_type=details.report_type)
    return sorted(drafts, key=lambda d: -d.confidence)


def read(text: str, dataset: Dataset, details: Details, data_path: Path, sources_dir: Path | None = None) -> list[Draft]:
    """The drafts as the page first shows them: ticked only where the whole dataset would validate
    (``rows.settle``), each unticked row saying why."""
    drafts = drafts_for(text, dataset, details)
    rows.settle(drafts, source_for(details, text), text, _ids(dataset), data_path, sources_dir)
    return drafts


def known_source(dataset: Dataset, text: str, raw: bytes | None = None) -> str | None:
    """The stored source this text is (its sha256, or the uploaded file's, is a source's), if any."""
    hashes = {hashlib.sha256(text.encode("utf-8")).hexdigest()}
    if raw is not None:
        hashes.add(hashlib.sha256(raw).hexdigest())
    return next((s.id for s in dataset.sources if getattr(s, "sha256", None) in hashes), None)


def _ids(dataset: Dataset) -> dict[str, set[str]]:
    return {"sources": set(dataset.source_by_id), "indicators": set(dataset.indicator_by_id), "regions": set(dataset.region_by_id)}


def quote_parts(draft: Draft) -> tuple[str, str, str]:
    """(before, quote, after) in the draft's sentence; the sentence alone when the quote is not in it."""
    at = draft.sentence.find(draft.quote) if draft.quote else -1
    if at < 0:
        return draft.sentence, "", ""
    return draft.sentence[:at], draft.quote, draft.sentence[at + len(draft.quote):]


def marked_sentence(draft: Draft) -> str:
    before, quote, after = quote_parts(draft)
    return f"{before}{MARK_OPEN}{quote}{MARK_CLOSE}{after}" if quote else before


def draft_counts(drafts: Sequence[Draft]) -> dict[str, int]:
    """What the page says of a reading: how many drafts, how many confident, how many already in the data."""
    return {"n": len(drafts), "confident": sum(d.confidence >= CONFIDENT for d in drafts),
            "existing": sum(d.existing != "new" for d in drafts)}


def indicator_choices(dataset: Dataset, drafts: Sequence[Draft]) -> list[str]:
    """The indicators a draft may be set to: the dataset's, then any a draft proposes."""
    return list(dict.fromkeys([i.id for i in dataset.indicators] + [d.indicator for d in drafts]))


def status_text(draft: Draft, lang: str) -> str:
    key = {"new": "review_status_new", "already there: agrees": "review_status_agrees",
           "already there: conflicts": "review_status_conflicts"}.get(draft.existing, "review_status_new")
    return i18n.t(key, lang)


def note_text(draft: Draft, lang: str) -> str:
    """Why a row starts unticked, in the interface's language; empty otherwise (never "None")."""
    if not draft.problem:
        return ""
    key, values = draft.problem
    return i18n.t(key, lang, **values)


def table(drafts: Sequence[Draft], lang: str) -> pd.DataFrame:
    """One row per draft (numbered from 1), in ``COLUMNS`` order."""
    rows = [{"accept": bool(d.accepted), "status": status_text(d, lang), "note": note_text(d, lang),
             "confidence": float(d.confidence), "indicator": d.indicator, "kind": d.kind, "year": d.year, "period": d.period,
             "start_year": d.start_year, "value": d.value, "unit": d.unit or "", "comparator": d.comparator or NO_COMPARATOR,
             "sentence": marked_sentence(d)} for d in drafts]
    frame = pd.DataFrame(rows, columns=list(COLUMNS), index=pd.RangeIndex(1, len(rows) + 1))
    for column in ("year", "start_year"):
        frame[column] = frame[column].astype("Int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


def with_edits(drafts: Sequence[Draft], edited: pd.DataFrame, observations: Sequence[Observation] = ()) -> list[Draft]:
    """The drafts as the table now says (row N is draft N), each marked again new or already there."""
    result = []
    for number, draft in enumerate(drafts, 1):
        if number not in edited.index:
            result.append(replace(draft))
            continue
        row = edited.loc[number]
        comparator = _text(row.get("comparator"))
        result.append(replace(
            draft, accepted=bool(row.get("accept")) if not is_missing_or_blank(row.get("accept")) else False,
            indicator=_text(row.get("indicator")) or draft.indicator, kind=_text(row.get("kind")) or draft.kind,
            year=_whole(row.get("year")), period=_text(row.get("period")) or draft.period,
            start_year=_whole(row.get("start_year")), value=_number(row.get("value")),
            unit=_text(row.get("unit")), comparator=comparator or None))
    if observations:
        marked = [replace(d) for d in result]
        mark_existing(marked, list(observations))
        for draft, again in zip(result, marked, strict=True):
            draft.existing = again.existing
    return result


def bulk(edited: pd.DataFrame, drafts: Sequence[Draft], which: str) -> pd.DataFrame:
    """The table with every box ticked (``all``), only confident drafts ticked (``confident``) or none."""
    frame = edited.copy()
    for number, draft in enumerate(drafts, 1):
        if number in frame.index:
            frame.loc[number, "accept"] = which == "all" or (which == "confident" and draft.confidence >= CONFIDENT)
    return frame


@dataclass(frozen=True)
class Preview:
    """What a write would add (``records`` observations, as ``yaml``) and what is wrong with it."""

    records: int
    yaml: str
    problems: tuple[str, ...]
    plan: accept.Plan | None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not self.problems


def preview(drafts: Sequence[Draft], source: dict, text: str, dataset: Dataset, data_path: Path,
            sources_dir: Path | None, lang: str) -> Preview:
    """The records the accepted drafts make, checked as the whole new dataset would be, nothing written."""
    if not any(d.accepted for d in drafts):
        return Preview(0, "", (i18n.t("review_none_accepted", lang),), None)
    if source["id"] in dataset.source_by_id:
        return Preview(0, "", (i18n.t("review_already_imported", lang, source=source["id"]),), None)
    known = known_source(dataset, text)
    if known:
        return Preview(0, "", (i18n.t("review_known_text", lang, source=known),), None)
    if not source.get("title"):
        return Preview(0, "", (i18n.t("review_need_title", lang),), None)
    plan = accept.plan(list(drafts), source, text, _ids(dataset))
    try:
        problems = accept.check(plan, Path(data_path), sources_dir)
    except (accept.AcceptError, ValueError, OSError) as exc:
        return Preview(len(plan.observations), plan.preview(), (failure_sentence(exc, lang),), plan)
    found = rows.verdict(problems, drafts)
    sentences = [rows.sentence(n, listed, lang) for n, listed in sorted(found.rows.items())]
    return Preview(len(plan.observations), plan.preview(), tuple(sentences + problem_sentences(found.others, data_path, lang)), plan)


def preview_key(drafts: Sequence[Draft], source: dict, data_path: Path, lang: str) -> str:
    """What a preview depends on (the accepted records, the source, the data file's version and the
    language): a page shows the one it has for this key instead of checking the dataset again."""
    try:
        stat = Path(data_path).stat()
        version = f"{stat.st_mtime_ns}:{stat.st_size}"
    except OSError:
        version = "missing"
    chosen = [d.observation() | {"proposed": [d.proposed_indicator, d.proposed_region]} for d in drafts if d.accepted]
    return hashlib.sha256(repr((chosen, sorted(source.items(), key=str), str(data_path), version, lang)).encode()).hexdigest()


def problem_sentences(problems: Sequence[Problem], data_path: Path, lang: str) -> list[str]:
    """Each problem of the new dataset as a sentence with the file and line it is on (the staged
    copy that was checked is named as the data file it would become)."""
    return [i18n.t("review_problem_line", lang, file=_file_name(p.path, Path(data_path)), line=p.line,
                   message=p.message.rstrip(".")) for p in problems]


def _file_name(path: str, data_path: Path) -> str:
    name = Path(path.removesuffix(" (after accepting)")).name
    return data_path.name if name.startswith(f".{data_path.name}.import-") else name


def failure_sentence(exc: BaseException, lang: str) -> str:
    if isinstance(exc, OSError):
        return i18n.t("review_cannot_write", lang, reason=exc.strerror or type(exc).__name__)
    return i18n.t("review_cannot_check", lang, reason=str(exc).rstrip("."))


@dataclass(frozen=True)
class Outcome:
    """A write: how many records went where, the backup of the previous file; or why nothing was written."""

    records: int
    path: str
    backup: str
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def write(plan: accept.Plan, data_path: Path, sources_dir: Path | None, lang: str) -> Outcome:
    """Check the new dataset once more and write it (``accept.apply``); any error: nothing written."""
    try:
        backup = accept.apply(plan, Path(data_path), sources_dir)
    except (accept.StaleError, accept.BusyError) as exc:  # another write came first: read again, or wait
        key = "review_stale" if isinstance(exc, accept.StaleError) else "review_busy"
        return Outcome(0, str(data_path), "", (i18n.t(key, lang, path=data_path),))
    except accept.AcceptError as exc:
        sentences = problem_sentences(exc.problems, data_path, lang) if exc.problems else [failure_sentence(exc, lang)]
        return Outcome(0, str(data_path), "", tuple(sentences))
    except (ValueError, OSError) as exc:
        return Outcome(0, str(data_path), "", (failure_sentence(exc, lang),))
    return Outcome(len(plan.observations), str(data_path), str(backup))


def _text(value: object) -> str:
    return "" if is_missing_or_blank(value) else str(value).strip()


def _whole(value: object) -> int | None:
    if is_missing_or_blank(value):
        return None
    try:
        return int(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _number(value: object) -> float | None:
    if is_missing_or_blank(value):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
