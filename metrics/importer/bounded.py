"""Checks that come before a .docx or a PDF is inflated or parsed, and pdfminer's inflating bounded.

A .docx is refused on its zip directory (parts, declared sizes, ratios); then each part is
inflated in 64 KB steps, never past its declared size, into a stored (uncompressed) copy that
python-docx reads. The copy matters: ``zipfile`` cuts a part at its declared size only after
inflating what one read asks for, and python-docx reads a part whole, so a directory that lies
(1 KB declared, 1 GiB inside) would be inflated whole. A PDF is refused on
its objects and on the inflated size of its compressed streams, measured in bounded steps. What
that scan cannot see (a stream behind another filter, or encrypted) is bounded while pdfminer
reads: its inflaters are replaced by ones that stop at ``limits.PDF_MAX_STREAM``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable

from metrics.importer import limits
from metrics.importer.limits import LimitError, ReadError

_PDF_OBJECT = re.compile(rb"(?<![0-9])[0-9]{1,10}\s{1,8}[0-9]{1,5}\s{1,8}obj\b")
"""Bounded repeats: on a long run of digits (a hex-encoded stream) unbounded ones backtrack for minutes."""
_PDF_STREAM = re.compile(rb"\bstream\r?\n")
_STEP = 4 * limits.MIB
"""Inflated bytes asked of zlib at once."""
_CHUNK = 64 * 1024
"""Compressed bytes given to zlib at once."""


def check_docx(data: bytes, name: str) -> None:
    """Refuse a .docx whose zip directory declares more parts, more inflated bytes or a higher
    compression ratio than ``limits`` allow."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReadError(f"{name}: not a readable .docx (BadZipFile).") from None
    if len(parts) > limits.DOCX_MAX_PARTS:
        raise LimitError(name, "limit_docx_parts", n=len(parts), limit=limits.DOCX_MAX_PARTS)
    total = sum(part.file_size for part in parts)
    if total > limits.DOCX_MAX_INFLATED:
        raise LimitError(name, "limit_docx_inflated", size=limits.mb(total), limit=limits.mb(limits.DOCX_MAX_INFLATED))
    xml = sum(part.file_size for part in parts if part.filename.endswith((".xml", ".rels")))
    if xml > limits.DOCX_MAX_XML:
        raise LimitError(name, "limit_docx_xml", size=limits.mb(xml), limit=limits.mb(limits.DOCX_MAX_XML))
    for part in parts:
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size > limits.DOCX_RATIO_FROM and ratio > limits.DOCX_MAX_RATIO:
            raise LimitError(name, "limit_docx_ratio", part=part.filename, ratio=ratio, limit=limits.DOCX_MAX_RATIO)


def docx_copy(data: bytes, name: str) -> bytes:
    """The .docx with every part inflated in bounded steps and stored uncompressed (after
    ``check_docx``, at most ``limits.DOCX_MAX_INFLATED`` in all); ReadError when a part is not
    what the directory says (its checksum fails where its declared size cuts it)."""
    check_docx(data, name)
    copy = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as out:
            for info in archive.infolist():
                chunks = []
                with archive.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        chunks.append(chunk)
                out.writestr(zipfile.ZipInfo(info.filename, info.date_time), b"".join(chunks))
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError(f"{name}: not a readable .docx ({type(exc).__name__}).") from None
    return copy.getvalue()


def check_pdf(data: bytes, name: str) -> None:
    """Refuse a PDF with more objects, or more inflated stream bytes, than ``limits`` allow.
    Every stream is tried as zlib data: one that is not fails at its first bytes."""
    objects = sum(1 for _ in _PDF_OBJECT.finditer(data))
    if objects > limits.PDF_MAX_OBJECTS:
        raise LimitError(name, "limit_pdf_objects", n=objects, limit=limits.PDF_MAX_OBJECTS)
    inflated = 0
    view = memoryview(data)
    for match in _PDF_STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        inflated += _inflated_size(view[match.end(): end if end > 0 else len(data)],
                                   limits.PDF_MAX_INFLATED - inflated, name)


def _inflated_size(stream: memoryview, budget: int, name: str) -> int:
    """How many bytes ``stream`` inflates to (0 if it is not zlib data); LimitError past ``budget``."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        for offset in range(0, len(stream), _CHUNK):
            pending: bytes | memoryview = stream[offset: offset + _CHUNK]
            while pending and not inflater.eof:
                size += len(inflater.decompress(pending, _STEP))
                pending = inflater.unconsumed_tail
                if size > budget:
                    raise LimitError(name, "limit_pdf_inflated", limit=limits.mb(limits.PDF_MAX_INFLATED))
            if inflater.eof:
                break
    except zlib.error:
        return size
    return size


class _StreamTooLarge(LimitError):
    def __init__(self) -> None:
        super().__init__("PDF", "limit_pdf_inflated", limit=limits.mb(limits.PDF_MAX_STREAM))


def _bounded(chunks: Iterable[bytes]) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > limits.PDF_MAX_STREAM:
            raise _StreamTooLarge()
    return bytes(out)


def _inflate(data: bytes, tolerant: bool) -> Iterable[bytes]:
    inflater = zlib.decompressobj()
    for offset in range(0, len(data), _CHUNK):
        pending: bytes = data[offset: offset + _CHUNK]
        while pending and not inflater.eof:
            try:
                yield inflater.decompress(pending, _STEP)
            except zlib.error:
                if tolerant:  # pdfminer's decompress_corrupted: keep what inflated
                    return
                raise
            pending = inflater.unconsumed_tail
        if inflater.eof:
            return
    if not tolerant:
        raise zlib.error("incomplete or truncated stream")


class _Zlib:
    """pdfminer.pdftypes' ``zlib``: ``decompress`` stops at ``limits.PDF_MAX_STREAM``."""

    error = zlib.error

    def __getattr__(self, attribute: str) -> object:
        return getattr(zlib, attribute)

    @staticmethod
    def decompress(data: bytes, *_: object) -> bytes:
        return _bounded(_inflate(data, tolerant=False))


def limit_passed(exc: BaseException) -> LimitError | None:
    """The LimitError behind ``exc`` (pdfplumber wraps what pdfminer raises), if any."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        if isinstance(current, LimitError):
            return current
        current, seen = current.__cause__ or current.__context__, seen + 1
    return None


def bounded_pdfminer() -> None:
    """Bound every inflater pdfminer uses for a stream (FlateDecode, its recovery of a damaged
    one, LZWDecode); done once per process."""
    from pdfminer import lzw, pdftypes

    if isinstance(pdftypes.zlib, _Zlib):
        return
    pdftypes.zlib = _Zlib()  # type: ignore[assignment]
    pdftypes.decompress_corrupted = lambda data: _bounded(_inflate(data, tolerant=True))
    pdftypes.lzwdecode = lambda data: _bounded(lzw.LZWDecoder(io.BytesIO(data)).run())
