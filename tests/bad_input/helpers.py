"""Helpers of the bad-input tests: the corpus's expectations, the text a page shows, oversized inputs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard.py"
HTML_DATA = ROOT / "tests" / "data" / "html.yaml"
FIFTY_MB = 50 * 2**20
"""50 MiB: over the reader's 48 MiB limit (50,000,000 bytes would be under it)."""


def expectations(path: Path) -> list[tuple[int, str]]:
    """The ``# expect: LINE: message`` header lines of a corpus file."""
    found = re.findall(r"^# expect: (\d+): (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return [(int(line), message) for line, message in found]


def page_text(at: AppTest) -> str:
    """Every text the page shows (titles, Markdown, alerts, code blocks), one element a line."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "code", "text"):
        parts += [str(element.value) for element in at.get(kind)]
    return "\n".join(parts)


def write_alias_bomb(path: Path, levels: int = 12, fan_out: int = 10) -> None:
    """A billion laughs: expanded, ``fan_out ** levels`` (10^12) scalars."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * fan_out) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * fan_out) + "]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_big_file(path: Path, size: int) -> None:
    """Plausible dataset text (observations) up to ``size`` bytes."""
    record = ("  - region: sample\n    indicator: gdp\n    year: 2020\n    period: annual\n    kind: actual\n"
              "    value: 1000.5\n    unit: 亿元\n    source: sample-bulletin\n").encode()
    head = b"observations:\n"
    with path.open("wb") as handle:
        handle.write(head)
        block = record * 4096
        written = len(head)
        while written + len(block) <= size:
            handle.write(block)
            written += len(block)
        handle.write(b"#" * (size - written - 1) + b"\n")


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive of already deflated members: (name, raw deflate stream, crc32, inflated size)."""
    import struct

    local, central, offset = [], [], 0
    for name, deflated, crc, size in members:
        encoded = name.encode()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(deflated), size, len(encoded), 0)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(deflated), size,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        local.append(header + encoded + deflated)
        offset += len(header) + len(encoded) + len(deflated)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(local) + directory + end


def _deflated(data: bytes) -> tuple[bytes, int, int]:
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def docx_with_body(body_xml: bytes | None = None, inflated: int = 0, paragraph: str = "全市地区生产总值达到12408.7亿元。",
                   declared: int | None = None) -> bytes:
    """A .docx made by python-docx whose word/document.xml is replaced: by ``body_xml`` if given,
    else by a document that repeats ``paragraph`` until it is ``inflated`` bytes long. The long
    document is deflated once per 16 MiB block and the block repeated (a full flush makes each
    block stand alone), so a 1 GiB bomb takes about two seconds to build and is under 4 MB. With
    ``declared``, the zip directory lies about document.xml's inflated size."""
    import io
    import zipfile
    import zlib

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    members = []
    with zipfile.ZipFile(buffer) as template:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                members.append((info.filename, *_deflated(template.read(info))))
                continue
            if body_xml is not None:
                members.append((info.filename, *_deflated(body_xml)))
                continue
            head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
                    b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            tail = b"</w:body></w:document>"
            item = f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>".encode()
            block_size = 16 * 2**20
            block = item * (block_size // len(item))
            blocks, rest = divmod(max(inflated - len(head) - len(tail), 0), len(block))
            filler = item * (rest // len(item))
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
            repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
            end = compressor.compress(filler + tail) + compressor.flush()
            crc = zlib.crc32(head)
            for _ in range(blocks):
                crc = zlib.crc32(block, crc)
            crc = zlib.crc32(filler + tail, crc)
            size = len(head) + blocks * len(block) + len(filler) + len(tail)
            members.append((info.filename, start + repeated * blocks + end, crc, size if declared is None else declared))
    return _zip(members)


def pdf_with_stream(inflated: int, wrap_hex: bool = False) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of spaces (a PDF bomb
    when large); with ``wrap_hex`` the deflated stream is also hex-encoded (filters
    [/ASCIIHexDecode /FlateDecode]), which a scan of the raw streams cannot inflate."""
    import zlib

    block = b" " * (16 * 2**20)
    blocks, rest = divmod(inflated, len(block))
    compressor = zlib.compressobj(9)
    stream = compressor.compress(b"") + compressor.flush(zlib.Z_FULL_FLUSH)
    stream += (compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)) * blocks
    stream += compressor.compress(b" " * rest) + compressor.flush()
    filters = b"/FlateDecode"
    if wrap_hex:
        stream, filters = stream.hex().encode() + b">", b"[/ASCIIHexDecode /FlateDecode]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter " + filters + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def run_metrics(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """``python -m metrics ARGS`` from the project root, as a person runs it."""
    return subprocess.run([sys.executable, "-m", "metrics", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included) and its bytes, to show nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock")}
