"""``python -m metrics brief``: the briefing pack for a region and year, without a browser UI."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from metrics.export.deck import deck_pdf, deck_pptx
from metrics.export.renderer import ExportError, ExportUnavailable, check_environment
from metrics.frames.dataframes import DataFrames

WRITERS = {".pptx": deck_pptx, ".pdf": deck_pdf}


def run_brief(frames: DataFrames, region_id: str, year: int, lang: str, out: Path) -> int:
    """Write the pack to ``out`` (.pptx or .pdf). Exit codes: 0 written, 2 bad arguments
    (unknown region, other extension), 3 export impossible here (the message names the
    Debian package) or failed."""
    out = Path(out)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        print(f"--out must end in .pptx or .pdf, not {out.name!r}", file=sys.stderr)
        return 2
    regions = frames.dataset.region_by_id
    if region_id not in regions:
        print(f"unknown region {region_id!r}; known: {', '.join(regions)}", file=sys.stderr)
        return 2

    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    def say(message: str) -> None:
        print(("\n" if interactive else "") + message, file=sys.stderr)

    started = time.perf_counter()
    try:
        check_environment()
        data = writer(frames, region_id, year, lang, on_progress=progress)
    except ExportUnavailable as exc:
        say(str(exc))
        return 3
    except ExportError as exc:
        say(f"export failed: {exc}")
        return 3
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        say(f"cannot write {out}: {exc.strerror or exc}")
        return 3
    say(f"{out}: {len(data) / 1024:.0f} KiB in {time.perf_counter() - started:.1f} s")
    return 0
