"""The encoding of a plain-text or HTML report: a byte-order mark, else UTF-8, else what
charset-normalizer finds among the encodings a Chinese report comes in.

Windows Notepad saves "Unicode" as UTF-16 LE with a BOM; older Chinese systems save GBK
(a subset of GB18030). Anything else is refused rather than guessed: a wrongly decoded report
would be read into wrong figures.
"""

from __future__ import annotations

import codecs

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""UTF-32's marks first: UTF-32 LE's starts with UTF-16 LE's."""
ACCEPTED = {"utf_8": "utf-8", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "gb18030": "gb18030",
            "gbk": "gb18030", "gb2312": "gb18030", "hz": None, "big5": None}
"""charset-normalizer's names of what a report may be in (GBK and GB2312 read as their superset
GB18030); None: a name it may give that is refused."""
SAMPLE = 256 * 1024
"""How much charset-normalizer looks at (it samples within it)."""


class EncodingError(ValueError):
    """The bytes are in no encoding a report is read in; ``binary`` when they look like no text."""

    def __init__(self, binary: bool):
        super().__init__("binary" if binary else "encoding")
        self.binary = binary


def decode(data: bytes) -> str:
    """The text of ``data`` (without its BOM), or EncodingError."""
    for bom, marked in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], marked)
    if b"\x00" not in data[:8192]:  # else binary, or UTF-16 without its mark
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    codec = _detected(data[:SAMPLE])
    if codec is None:
        raise EncodingError(binary=b"\x00" in data[:8192])
    return _strict(data, codec)


def _detected(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=[name for name, codec in ACCEPTED.items() if codec]).best()
    if best is None:
        return None
    return ACCEPTED.get(best.encoding.lower().replace("-", "_"))


def _strict(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise EncodingError(binary=False) from None
    if "\x00" in text:
        raise EncodingError(binary=True)
    return text
