"""Every limit on what the importer reads, in one place, and the error that names the one passed.

A reader checks its limits before it inflates or parses anything: a file's bytes first; for a
.docx the zip directory (how many parts, the size each declares once inflated, and the ratio of
that to its compressed size: ``zipfile`` never inflates a part past its declared size, so the
directory bounds what python-docx can read); for a PDF its objects and the inflated size of its
compressed streams (pdfminer inflates a stream whole, with no bound of its own) before its pages;
for HTML and text their bytes; for every kind, the characters of its text before drafting.

Memory: one import, of the largest file these limits allow or of any bomb, adds at most
``MEMORY_BOUND_MIB`` to the process (measured by ``benchmarks/import_memory.py``, results in
``benchmarks/import-memory.md``: about 270 MiB for the largest .docx, under 90 MiB for a bomb).
"""

from __future__ import annotations

from metrics.text import catalogue

MIB = 2**20
MEMORY_BOUND_MIB = 400

MAX_FILE_BYTES = 20 * MIB
"""A file given to ``python -m metrics import``: work reports are tens of kilobytes, a PDF with
images a few megabytes."""
MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * MIB
"""A file uploaded on the review page, or text pasted there (UTF-8 bytes)."""

MAX_TEXT_BYTES = MAX_FILE_BYTES
"""A plain-text report, before decoding."""
MAX_HTML_BYTES = 10 * MIB
"""A saved web page: lxml's tree takes several times its bytes."""
MAX_TEXT_CHARS = 200_000
"""Characters of a report's text, read from any kind of file, that are drafted: a work report or a
bulletin has 20,000–60,000. Drafting takes time in proportion (500,000 took 93 s on a loaded
machine), so this bounds how long one import holds a server thread, as the byte limits bound its memory."""

DOCX_MAX_PARTS = 1000
"""Parts in a .docx's zip directory (a long report with images has a few hundred at most)."""
DOCX_MAX_INFLATED = 64 * MIB
"""All parts of a .docx together, as the zip directory declares them inflated."""
DOCX_MAX_XML = 24 * MIB
"""The XML parts together (python-docx builds a tree of each, several times its size)."""
DOCX_MAX_RATIO = 200
"""Inflated ÷ compressed size of one part over 1 MiB; Word's XML compresses about 10:1."""
DOCX_RATIO_FROM = MIB

PDF_MAX_PAGES = 500
PDF_MAX_OBJECTS = 200_000
"""Indirect objects (``n 0 obj``) counted in the file's bytes."""
PDF_MAX_INFLATED = 128 * MIB
"""All compressed streams together, inflated (measured in bounded steps before pdfminer reads the file)."""
PDF_MAX_STREAM = 64 * MIB
"""One stream as pdfminer inflates it (after any other filter or decryption): past it, reading stops."""


def mb(size: int) -> str:
    """A size for a message: megabytes with one decimal (5.0, 1024.0)."""
    return f"{size / MIB:.1f}"


class ReadError(ValueError):
    """The file cannot be read as a report; the message says why."""


class LimitError(ReadError):
    """A file passed one of the limits: ``key`` is its catalogue entry, ``values`` fill it; the
    message (for the command line) is the English text after the file's name."""

    def __init__(self, name: str, key: str, **values: object):
        super().__init__(f"{name}: {catalogue.t(key, 'en', **values)}")
        self.key = key
        self.values = values
