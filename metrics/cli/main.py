"""``python -m metrics``: validate the dataset, print the tidy table or the target ledger."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from metrics.load.dataset import DEFAULT_DATA, load
from metrics.load.problems import DatasetError

if TYPE_CHECKING:
    import pandas as pd


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m metrics", description="Ningbo indicators: check and export the dataset.")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_data(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--data", default=str(DEFAULT_DATA), help="the dataset (default: data/metrics.yaml)")
        sub.add_argument("--sources", default=None, help="folder of source texts (default: $METRICS_SOURCES or ../shared/sources)")
        return sub

    with_data(commands.add_parser("validate", help="check the dataset; one line per problem as PATH:LINE: message"))
    build = with_data(commands.add_parser("build", help="validate and write the compiled snapshot the dashboard opens"))
    build.add_argument("--out", default=None, help="snapshot folder (default: $METRICS_SNAPSHOT_DIR or .snapshots/)")
    table = with_data(commands.add_parser("table", help="the tidy table, one row per observation"))
    table.add_argument("--format", choices=("csv", "json"), default="csv")
    targets = with_data(commands.add_parser("targets", help="the target ledger: each target beside its actual"))
    targets.add_argument("--format", choices=("csv", "json"), default="csv")
    targets.add_argument("--year", type=int)
    targets.add_argument("--region")
    brief = with_data(commands.add_parser("brief", help="a briefing pack (.pptx or .pdf) for a region and year"))
    brief.add_argument("--region", required=True)
    brief.add_argument("--year", type=int, required=True)
    brief.add_argument("--lang", choices=("zh", "en"), default="zh")
    brief.add_argument("--out", required=True, help="output file, .pptx or .pdf")
    coverage = with_data(commands.add_parser("coverage", help="the region x year grid: how many headline families have data"))
    coverage.add_argument("--family", help="one headline indicator (e.g. gdp): 1 where it has data, · where not")
    coverage.add_argument("--format", choices=("text", "csv"), default="text")
    from metrics.importer.cli import add_commands

    add_commands(commands, with_data)
    return parser


def _write(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1))
        sys.stdout.write("\n")
    else:
        frame.to_csv(sys.stdout, index=False)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources = Path(args.sources) if args.sources else None
    try:
        dataset = load(args.data, sources)
    except DatasetError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr if args.command != "validate" else sys.stdout)
        if args.command != "validate":
            print(f"{len(exc.problems)} problem(s): run `python -m metrics validate --data {args.data}`.", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(f"{args.data}: OK, {len(dataset.observations)} observations from {len(dataset.sources)} sources.")
        return 0
    if args.command == "build":
        from metrics.load.snapshot import build as build_snapshot

        built = build_snapshot(args.data, sources, Path(args.out) if args.out else None, dataset=dataset)
        print(f"{built.folder}: {'already built' if built.found else f'written in {built.seconds:.1f} s'}, "
              f"{len(dataset.observations)} observations.")
        return 0
    if args.command in ("import", "accept"):
        from metrics.importer.cli import run

        return run(args, dataset, sources)
    from metrics.frames.dataframes import data_frames

    frames = data_frames(dataset)
    if args.command == "table":
        _write(frames.table, args.format)
        return 0
    if args.command == "targets":
        ledger = frames.ledger
        if args.year is not None and not ledger.empty:
            ledger = ledger[ledger["year"].eq(args.year)]
        if args.region is not None and not ledger.empty:
            if args.region not in dataset.region_by_id:
                print(f"unknown region {args.region!r}; known: {', '.join(dataset.region_by_id)}", file=sys.stderr)
                return 2
            ledger = ledger[ledger["region_id"].eq(args.region)]
        _write(ledger, args.format)
        return 0
    if args.command == "coverage":
        from metrics.cli.coverage import run_coverage

        return run_coverage(frames, args.family, args.format)
    if args.command == "brief":
        from metrics.cli.brief import run_brief

        return run_brief(frames, args.region, args.year, args.lang, Path(args.out))
    return 2
