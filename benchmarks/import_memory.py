"""Memory of reading and importing the largest allowed reports, and of refusing bombs (issue 19).

``python benchmarks/import_memory.py`` writes ``benchmarks/import-memory.md``. Each case runs in a
fresh Python process that imports the importer, notes its resident size, then hands the file to
the review page's path (``upload.read_input``, then the drafts with ``import_text`` when the
file was read) and reports its peak resident size (``ru_maxrss``): what one import adds to a
server process is the peak minus the size after imports. Nothing here asserts: a figure over the
bound stated in ``metrics/importer/limits.py`` is marked **over** in the results.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "import-memory.md"
def _bound() -> int:
    from metrics.importer.limits import MEMORY_BOUND_MIB

    return MEMORY_BOUND_MIB

CHILD = r"""
import json, sys, time
from pathlib import Path
from metrics.load.dataset import load
from metrics.importer import upload
from metrics.importer.run import import_text, indicator_index

def status_mib(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

path, draft = Path(sys.argv[1]), sys.argv[2] == "1"
dataset = load() if draft else None
index = indicator_index(dataset) if draft else None
data = path.read_bytes()
peak_before = status_mib("VmHWM")
Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the size now: loading the dataset peaked higher
before = status_mib("VmRSS")
start = time.perf_counter()
outcome, drafts = "read", 0
try:
    text, _ = upload.read_input(path.name, data, "")
    if draft:
        drafts = len(import_text(text, dataset, region="ningbo", source_id="bench", index=index))
except upload.InputProblem as problem:
    outcome = f"refused: {problem.key}"
seconds = time.perf_counter() - start
peak = status_mib("VmHWM")
print(json.dumps({"before": before, "peak_before": peak_before, "peak": peak, "seconds": seconds,
                  "outcome": outcome, "drafts": drafts, "bytes": len(data)}))
"""


def _report_text(size: int) -> str:
    """Plausible report sentences, every figure different, up to ``size`` UTF-8 bytes."""
    rng = random.Random(19)
    parts, total = [], 0
    while total < size:
        sentence = (f"全市地区生产总值达到{rng.randint(1000, 30000)}.{rng.randint(0, 9)}亿元,比上年增长{rng.randint(1, 9)}."
                    f"{rng.randint(0, 9)}%。一般公共预算收入{rng.randint(100, 3000)}.{rng.randint(0, 9)}亿元。\n")
        parts.append(sentence)
        total += len(sentence.encode())
    return "".join(parts)


def _docx_of(xml_size: int) -> bytes:
    """A .docx whose document.xml is about ``xml_size`` bytes of varied paragraphs (so it compresses
    like a real report, about 10:1), made with python-docx's own template."""
    from tests.bad_input.helpers import docx_with_body

    text = _report_text(xml_size // 3)
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
    return docx_with_body(body_xml=xml.encode())


def cases(quick: bool) -> list[tuple[str, str, bytes, bool]]:
    """(label, file name, bytes, draft after reading) of every case."""
    from metrics.importer import limits
    from tests.bad_input.helpers import docx_with_body, pdf_with_stream

    upload_text = _report_text(limits.MAX_UPLOAD_BYTES - 4096).encode()
    drafted = _report_text(int(2.1 * limits.MAX_TEXT_CHARS)).encode()  # just under MAX_TEXT_CHARS characters
    largest_docx = _docx_of(limits.DOCX_MAX_XML - 2 * limits.MIB)
    found: list[tuple[str, str, bytes, bool]] = [
        ("nothing (the importer imported, the dataset loaded)", "empty.txt", "报告".encode(), True),
        (f"largest text drafted (about {limits.MAX_TEXT_CHARS:,} characters), read and drafted", "report.txt", drafted, True),
        ("largest text upload (5 MB UTF-8: refused after reading, too many characters)", "big.txt", upload_text, True),
        (f"largest .docx ({len(largest_docx) / limits.MIB:.1f} MB, document.xml "
         f"{(limits.DOCX_MAX_XML - 2 * limits.MIB) / limits.MIB:.0f} MB: parsed, then refused for its characters)",
         "report.docx", largest_docx, True),
        ("largest .html upload (5 MB)", "report.html",
         ("<html><body><article>" + "".join(f"<p>{line}</p>" for line in upload_text.decode()[: 1_500_000].splitlines())
          + "</article></body></html>").encode()[: limits.MAX_UPLOAD_BYTES], False),
        ("PDF whose content stream inflates to 60 MB (allowed)", "allowed.pdf", pdf_with_stream(60 * limits.MIB), False),
        ("Word bomb: 3.7 MB inflating to 1 GiB", "bomb.docx", docx_with_body(inflated=2**30), False),
        ("Word bomb whose directory lies (declares 4 KB, inflates to 1 GiB)", "liar.docx",
         docx_with_body(inflated=2**30, declared=4096), False),
        ("PDF bomb: one stream inflating to 1 GiB", "bomb.pdf", pdf_with_stream(2**30), False),
        ("PDF bomb behind ASCIIHex (200 MB inflated)", "hexbomb.pdf", pdf_with_stream(200 * limits.MIB, wrap_hex=True), False),
    ]
    return found[:2] + found[6:7] if quick else found


def measure(name: str, data: bytes, draft: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), "1" if draft else "0"], cwd=ROOT, capture_output=True,
                              text=True, timeout=1800, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three cases only (CI)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    rows = []
    broken = False
    for label, name, data, draft in cases(args.quick):
        result = measure(name, data, draft)
        print(label, result, flush=True)
        if "error" in result:
            broken = True
            rows.append(f"| {label} | {len(data) / 2**20:.1f} MB | – | – | – | error: {result['error']} |")
            continue
        added = result["peak"] - result["before"]
        verdict = "**over**" if added > _bound() else "under"
        outcome = result["outcome"] + (f", {result['drafts']} drafts" if result["drafts"] else "")
        rows.append(f"| {label} | {result['bytes'] / 2**20:.1f} MB | {result['before']:.0f} MiB | {result['peak']:.0f} MiB | "
                    f"{added:.0f} MiB ({verdict}) | {outcome}; {result['seconds']:.1f} s |")
    header = ["# Import memory (issue 19)", "",
              f"`python benchmarks/import_memory.py{' --quick' if args.quick else ''}`, {time.strftime('%Y-%m-%d')}. "
              "Each case in a fresh process: its resident size after importing the importer and loading the dataset, "
              "its peak (`VmHWM`, reset after the load) while the file went through the review page's path, and what "
              f"the import added; the bound is {_bound()} MiB added (`metrics/importer/limits.py`). Time is shown, "
              "never judged.", "",
              "| Case | File | Before | Peak | Added | Outcome |", "|---|---:|---:|---:|---:|---|"]
    args.out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
