"""``python -m metrics import`` and ``python -m metrics accept``: draft, review in a file, accept.

The drafts file is a list of objects (JSON or YAML), one per draft, each with the source it
would be recorded under in ``source_record``; the normalised text goes beside it as
``DRAFTS.text.txt``. Edit the file (set ``accepted: false`` to reject a draft, correct any
field), then accept it. Bad input is one line on stderr and exit 1, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

from metrics.dataset import Dataset
from metrics.importer.accept import AcceptError, apply, plan
from metrics.importer.drafts import Draft
from metrics.importer.read import ReadError, read_path
from metrics.importer.run import import_text, indicator_index
from metrics.importer.synonyms import SynonymError
from metrics.schema import SOURCE_TYPES


def add_commands(commands: argparse._SubParsersAction, with_data) -> None:
    draft = with_data(commands.add_parser("import", help="draft records from a report (.txt, .docx, .pdf, .html) for review"))
    draft.add_argument("path", help="the report")
    draft.add_argument("--region", required=True, help="region id of the dataset, or a new region's name")
    draft.add_argument("--source-id", help="id for the new source (default: from the file name)")
    draft.add_argument("--type", default="government_work_report", choices=SOURCE_TYPES)
    draft.add_argument("--date", help="the date the text states, YYYY-MM-DD")
    draft.add_argument("--title", help="title as published (default: the file name)")
    draft.add_argument("--publisher", help="publisher (default: unknown)")
    draft.add_argument("--format", choices=("yaml", "json"), default="yaml")
    draft.add_argument("--out", required=True, help="the drafts file to write")
    accept = with_data(commands.add_parser("accept", help="check accepted drafts with the dataset's validation and write them"))
    accept.add_argument("drafts", help="a drafts file written by `import`")
    accept.add_argument("--only-confident", action="store_true", help="accept only drafts with confidence >= 0.7")


def source_id_from(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-")
    return slug[:60] or "imported-report"


def source_record(source_id: str, title: str, publisher: str, report_type: str, date: dt.date | None) -> dict:
    return {"id": source_id, "provenance": "quoted", "title": title, "publisher": publisher, "type": report_type,
            "stated_date": date, "posted_date": date or dt.date.today(), "sha256": "0" * 64,
            "note": "brought in with python -m metrics import"}


def run(args: argparse.Namespace, dataset: Dataset, sources: Path | None) -> int:
    try:
        return _import(args, dataset) if args.command == "import" else _accept(args, dataset, sources)
    except (ReadError, SynonymError, AcceptError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in getattr(exc, "problems", []):
            print(problem, file=sys.stderr)
        return 1


def _import(args: argparse.Namespace, dataset: Dataset) -> int:
    try:
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise ReadError(f"--date {args.date!r} is not a date like 2021-02-21.") from None
    source_id = args.source_id or source_id_from(args.path)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", source_id):
        raise ReadError(f"--source-id {source_id!r}: use lower-case letters, digits and '-'.")
    text = read_path(args.path)
    drafts = import_text(text, dataset, region=args.region, source_id=source_id, report_type=args.type,
                         index=indicator_index(dataset))
    source = source_record(source_id, args.title or Path(args.path).name, args.publisher or "unknown", args.type, date)
    rows = [{**d.as_dict(), "source_record": source} for d in drafts]
    out = Path(args.out)
    try:
        if args.format == "json":
            out.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        else:
            out.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
        text_path(out).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise ReadError(f"{out}: cannot write ({exc.strerror or exc}).") from None
    confident = sum(d.confidence >= 0.7 for d in drafts)
    print(f"{out}: {len(drafts)} drafts ({confident} confident, {sum(d.existing != 'new' for d in drafts)} already there).")
    return 0


def text_path(drafts_path: Path) -> Path:
    return drafts_path.with_name(drafts_path.name + ".text.txt")


def read_drafts(path: Path) -> tuple[list[Draft], dict, str]:
    try:
        raw = path.read_text(encoding="utf-8")
        rows = json.loads(raw) if raw.lstrip().startswith("[") else yaml.safe_load(raw)
        text = text_path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise AcceptError(f"{path}: not a drafts file written by `python -m metrics import` ({type(exc).__name__}).") from None
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) and "source_record" in r for r in rows):
        raise AcceptError(f"{path}: expected a non-empty list of drafts, each with its source_record.")
    source = dict(rows[0]["source_record"])
    for key in ("stated_date", "posted_date"):
        if isinstance(source.get(key), str):
            source[key] = dt.date.fromisoformat(source[key])
    try:
        drafts = [Draft.from_dict(r) for r in rows]
    except TypeError as exc:
        raise AcceptError(f"{path}: a draft is missing a field ({exc}).") from None
    return drafts, source, text


def _accept(args: argparse.Namespace, dataset: Dataset, sources: Path | None) -> int:
    drafts, source, text = read_drafts(Path(args.drafts))
    ids = {"sources": set(dataset.source_by_id), "indicators": set(dataset.indicator_by_id), "regions": set(dataset.region_by_id)}
    accepted = plan(drafts, source, text, ids, only_confident=args.only_confident)
    backup = apply(accepted, Path(args.data), sources)
    print(f"{args.data}: added {len(accepted.observations)} observations from {source['id']} "
          f"({len(accepted.indicators)} new indicators, {len(accepted.regions)} new regions); previous file kept as {backup}.")
    return 0
