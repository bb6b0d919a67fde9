"""A report's text as a PDF printed by Chromium and as a .docx (python-docx), for the importer benchmark.

Chromium's print-to-PDF puts CJK radical code points into the text layer (⻓ for 长), as real
reports made in WPS or Word do; the files are cached by the text's sha256 under
``benchmarks/generated/importer-forms/`` (git-ignored), so a second run prints nothing.
"""

from __future__ import annotations

import hashlib
import html
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "generated" / "importer-forms"


def _chromium() -> str | None:
    return next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)


def pdf_bytes(text: str) -> bytes | None:
    """The text printed to PDF by headless Chromium, or None when there is no Chromium."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    cached = CACHE / f"{digest}.pdf"
    if cached.exists():
        return cached.read_bytes()
    binary = _chromium()
    if binary is None:
        return None
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = f"<!doctype html><html><head><meta charset='utf-8'><style>body{{font-family:'Noto Serif CJK SC',serif}}</style></head><body>{body}</body></html>"
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.html"
        source.write_text(page, encoding="utf-8")
        out = Path(tmp) / "out.pdf"
        subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", source.as_uri()],
                       check=True, capture_output=True, timeout=120)
        data = out.read_bytes()
    cached.write_bytes(data)
    return data


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
