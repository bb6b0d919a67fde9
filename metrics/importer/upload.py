"""What the review page accepts as a report: an uploaded file or pasted text, checked before reading.

Every refusal is an ``InputProblem`` naming an i18n key (and its values), so the page says it
in one line in the reader's language; nothing here raises anything else for bad input.
"""

from __future__ import annotations

from pathlib import Path

from metrics.importer import limits
from metrics.importer.read import LimitError, ReadError, kind_of, read_bytes

MAX_MB = limits.MAX_UPLOAD_MB
MAX_BYTES = limits.MAX_UPLOAD_BYTES

FILE_TYPES = ("txt", "docx", "pdf", "html", "htm")
PASTED_NAME = "pasted.txt"

# What read_bytes says (metrics/importer/read.py), by the words its messages end with.
_READ_MESSAGES = (
    ("text layer", "review_err_pdf_no_text"),
    ("no article text", "review_err_html_no_text"),
    ("no Chinese text", "review_err_no_text"),
    ("has no text", "review_err_no_text"),
    ("not UTF-8, UTF-16 or GB18030", "review_err_encoding"),
    ("a binary file", "review_err_binary"),
    ("is empty", "review_err_empty"),
    ("too long for a report", "review_err_too_long"),
)


class InputProblem(ValueError):
    """Bad input: ``key`` is the i18n key of the one-line message, ``values`` fill it."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


def read_input(name: str | None, data: bytes | None, pasted: str) -> tuple[str, str]:
    """(normalised text, name) of the uploaded file if there is one, else of the pasted text."""
    if data is not None:
        return _read_file(name or "upload", data), name or "upload"
    if not pasted.strip():
        raise InputProblem("review_err_nothing")
    encoded = pasted.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        raise InputProblem("review_err_too_large", limit=MAX_MB)
    return _read(encoded, PASTED_NAME), PASTED_NAME


def _read_file(name: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise InputProblem("review_err_too_large", limit=MAX_MB)
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in FILE_TYPES:
        raise InputProblem("review_err_type", suffix=suffix or "–")
    if not data.strip():
        raise InputProblem("review_err_empty")
    try:
        kind_of(name, data[:4096])
    except ReadError:  # named .pdf or .docx, but its content is neither (nor text)
        raise InputProblem("review_err_unreadable") from None
    return _read(data, name)


def _read(data: bytes, name: str) -> str:
    try:
        return read_bytes(data, name)
    except LimitError as exc:  # which limit the file passed, in the reader's language
        raise InputProblem(exc.key, **exc.values) from None
    except ReadError as exc:
        message = str(exc)
        for words, key in _READ_MESSAGES:
            if words in message:
                raise InputProblem(key) from None
        raise InputProblem("review_err_unreadable") from None
