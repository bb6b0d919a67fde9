"""Read a report into text: .txt, .docx, PDF with a text layer, or a saved web page.

Every failure is a ``ReadError`` with a one-line message a person can act on; nothing here
renders a page or runs a script (HTML is parsed as data, scripts and styles are dropped).
Sizes are checked before anything is inflated or parsed (``metrics.importer.limits``); a file
over a limit is a ``LimitError`` (a ReadError) that names the limit.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from metrics.importer import limits
from metrics.importer.bounded import bounded_pdfminer, check_pdf, docx_copy, limit_passed
from metrics.importer.encoding import EncodingError, decode
from metrics.importer.limits import LimitError, ReadError
from metrics.importer.normalise import normalise

MAX_BYTES = limits.MAX_FILE_BYTES

KINDS = ("txt", "docx", "pdf", "html")


def kind_of(name: str, head: bytes) -> str:
    """The file's kind from its content first (magic bytes), then its name."""
    suffix = Path(name).suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ""):
            return "docx"
        raise ReadError(f"{name}: a zip archive that is not a .docx; save the report as .docx, PDF, HTML or text.")
    sniff = head[:2048].lstrip().lower()
    if suffix in (".html", ".htm", ".xhtml") or sniff.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if suffix in (".txt", ".text", ".md", ""):
        return "txt"
    if suffix in (".pdf", ".docx", ".doc"):
        raise ReadError(f"{name}: named {suffix} but it is not a {suffix.lstrip('.').upper()} file "
                        "(its first bytes say otherwise): it may be damaged, or not what its name says.")
    raise ReadError(f"{name}: unsupported file type {suffix!r}; give .txt, .docx, .pdf or a saved web page (.html).")


def read_bytes(data: bytes, name: str) -> str:
    """The normalised text of a report given as bytes (an upload, or a file read by ``read_path``)."""
    if len(data) > MAX_BYTES:
        raise LimitError(name, "limit_file_bytes", size=limits.mb(len(data)), limit=limits.mb(MAX_BYTES))
    if not data.strip():
        raise ReadError(f"{name}: the file is empty.")
    kind = kind_of(name, data[:4096])
    if kind == "pdf":
        return _checked(normalise(_pdf_text(data, name), pdf=True), name, "the PDF has no text layer (a scan?); run OCR first.")
    if kind == "docx":
        return _checked(normalise(_docx_text(data, name)), name, "the document has no text.")
    if kind == "html" and len(data) > limits.MAX_HTML_BYTES:
        raise LimitError(name, "limit_html_bytes", size=limits.mb(len(data)), limit=limits.mb(limits.MAX_HTML_BYTES))
    if kind == "txt" and len(data) > limits.MAX_TEXT_BYTES:
        raise LimitError(name, "limit_file_bytes", size=limits.mb(len(data)), limit=limits.mb(limits.MAX_TEXT_BYTES))
    text = _decode(data, name)
    if kind == "html":
        return _checked(normalise(html_text(text, name)), name, "the page has no article text.")
    return _checked(normalise(text), name, "the file has no text.")


def read_path(path: str | Path) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file.")
    if size > MAX_BYTES:
        raise LimitError(str(path), "limit_file_bytes", size=limits.mb(size), limit=limits.mb(MAX_BYTES))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
    return read_bytes(data, str(path))


def _checked(text: str, name: str, empty: str) -> str:
    if len(text) > limits.MAX_TEXT_CHARS:
        raise LimitError(name, "limit_text_chars", n=len(text), limit=limits.MAX_TEXT_CHARS)
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise ReadError(f"{name}: {empty}" if not text.strip() else f"{name}: no Chinese text found; is this a report?")
    return text


def _decode(data: bytes, name: str) -> str:
    try:
        return decode(data)
    except EncodingError as exc:
        if exc.binary:
            raise ReadError(f"{name}: a binary file, not text; give .txt, .docx, .pdf or .html.") from None
        raise ReadError(f"{name}: not UTF-8, UTF-16 or GB18030 text.") from None


def _pdf_text(data: bytes, name: str) -> str:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    check_pdf(data, name)
    bounded_pdfminer()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.PDF_MAX_PAGES:
                raise LimitError(name, "limit_pdf_pages", n=len(pdf.pages), limit=limits.PDF_MAX_PAGES)
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    except LimitError as exc:  # passed while pdfminer inflated a stream: say which file
        raise LimitError(name, exc.key, **exc.values) from None
    except ReadError:
        raise
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(f"{name}: not a readable PDF ({type(exc).__name__}).") from None
    except Exception as exc:  # pdfminer raises many private types on damaged files
        passed = limit_passed(exc)
        if passed is not None:
            raise LimitError(name, passed.key, **passed.values) from None
        raise ReadError(f"{name}: not a readable PDF ({type(exc).__name__}).") from None


def _docx_text(data: bytes, name: str) -> str:
    import docx

    copy = docx_copy(data, name)
    try:
        document = docx.Document(io.BytesIO(copy))
    except Exception as exc:  # python-docx raises zipfile, lxml and KeyError types on damaged files
        raise ReadError(f"{name}: not a readable .docx ({type(exc).__name__}).") from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def html_text(html: str, name: str = "page") -> str:
    """The article text of a saved page: trafilatura's main-text extraction, lxml's text as a
    fallback. Neither fetches anything or runs scripts; script and style elements are dropped."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if text and re.search(r"[\u4e00-\u9fff]", text):
        return text
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        raise ReadError(f"{name}: not a readable web page.") from None
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    return "\n".join(t.strip() for t in tree.itertext() if t.strip())
