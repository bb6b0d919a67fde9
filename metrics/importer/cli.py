"""``python -m metrics import`` and ``python -m metrics accept``: draft, review in a file, accept.

The drafts file is a list of objects (JSON or YAML), one per draft, each with the source it
would be recorded under in ``source_record`` and the version of the data it was drafted against
in ``data_version`` (``metrics.importer.drafts_file``); the normalised text goes beside it as
``DRAFTS.text.txt``. Edit the file (set ``accepted: false`` to reject a draft, correct any
field), then accept it. Bad input is one line on stderr and exit 1, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from metrics.importer import write
from metrics.importer.accept import AcceptError, apply, plan
from metrics.importer.drafts_file import DraftsError, read_drafts, write_drafts
from metrics.importer.read import ReadError, read_path
from metrics.importer.run import import_text, indicator_index
from metrics.importer.synonyms import SynonymError
from metrics.load.dataset import Dataset
from metrics.load.schema import SOURCE_TYPES


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
    except (ReadError, SynonymError, AcceptError, DraftsError) as exc:
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
    version = write.data_version(Path(args.data))
    rows = [{**d.as_dict(), "source_record": source, "data_version": version} for d in drafts]
    out = Path(args.out)
    try:
        write_drafts(rows, out, args.format, text)
    except OSError as exc:
        raise ReadError(f"{out}: cannot write ({exc.strerror or exc}).") from None
    confident = sum(d.confidence >= 0.7 for d in drafts)
    print(f"{out}: {len(drafts)} drafts ({confident} confident, {sum(d.existing != 'new' for d in drafts)} already there).")
    return 0


def _accept(args: argparse.Namespace, dataset: Dataset, sources: Path | None) -> int:
    drafts, source, text, version = read_drafts(Path(args.drafts))
    ids = {"sources": set(dataset.source_by_id), "indicators": set(dataset.indicator_by_id), "regions": set(dataset.region_by_id)}
    accepted = plan(drafts, source, text, ids, only_confident=args.only_confident, data_version=version)
    backup = apply(accepted, Path(args.data), sources)
    print(f"{args.data}: added {len(accepted.observations)} observations from {source['id']} "
          f"({len(accepted.indicators)} new indicators, {len(accepted.regions)} new regions); previous file kept as {backup}.")
    return 0
