"""The handout's CJK font, subset to the document's characters, so that text copied from the PDF
is ordinary characters.

Why: Chromium prints the handout with Noto Sans CJK as Type 3 fonts and writes each glyph's
Unicode from the font's character map. In Noto Sans CJK one glyph serves both an ideograph and
its radical look-alike (日 and ⽇ U+2F47, 长 and ⻓ U+2ED3), and the PDF names the glyph by the
radical, so 日期 copied from the PDF is ⽇期; digits in a chart's tick labels came out as U+0000.
A subset of the font holding only the characters the document uses (fontTools) has one character
per glyph: given to Chromium by ``@font-face`` under the font's own name, every glyph is named by
the character the document wrote. Radicals already in the text (data copied from a PDF) are
mapped to their ideographs first (``ideographs``).

Without fontTools or the font file, the document keeps the system font (nothing fails)."""

from __future__ import annotations

import base64
import functools
import io
import shutil
import subprocess
import unicodedata

from metrics.export.renderer import CJK_FONT
from metrics.importer.normalise import _RADICALS_SUPPLEMENT as RADICALS_SUPPLEMENT

WEIGHTS = {"normal": "Regular", "bold": "Bold"}
"""CSS font-weight -> the style fontconfig names in the CJK font."""
ALWAYS = "".join(chr(code) for code in range(0x20, 0x7F))
"""Printable ASCII is always in the subset (a browser may draw a character the text never had)."""


def is_radical(char: str) -> bool:
    """A code point of the CJK Radicals Supplement (U+2E80–U+2EFF) or Kangxi Radicals (U+2F00–U+2FDF)."""
    return 0x2E80 <= ord(char) <= 0x2FDF


def ideographs(text: str) -> str:
    """``text`` with every radical code point as its ideograph: Kangxi Radicals by NFKC (⽇ -> 日),
    the CJK Radicals Supplement by an explicit map (⻓ -> 长), which NFKC leaves alone."""
    if not any(is_radical(ch) for ch in text):
        return text
    return "".join(unicodedata.normalize("NFKC", ch) if 0x2F00 <= ord(ch) <= 0x2FDF
                   else RADICALS_SUPPLEMENT.get(ch, ch) if 0x2E80 <= ord(ch) <= 0x2EFF else ch for ch in text)


@functools.lru_cache(maxsize=4)
def font_file(style: str) -> tuple[str, int] | None:
    """(file, index in a collection) of the CJK font in ``style``, as fontconfig finds it."""
    if not shutil.which("fc-match"):
        return None
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}|%{index}|%{family}", f"{CJK_FONT}:style={style}"],
                               capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, rest = found.partition("|")
    index, _, families = rest.partition("|")
    if CJK_FONT not in families.split(",") or not index.isdigit():
        return None
    return path, int(index)


@functools.lru_cache(maxsize=8)
def subset_font(style: str, characters: str) -> bytes | None:
    """The CJK font in ``style`` cut down to ``characters`` (OpenType; fontTools' default layout
    features, kerning among them)."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    found = font_file(style)
    if found is None:
        return None
    path, index = found
    font = TTFont(path, fontNumber=index, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    options = subset.Options()
    options.notdef_outline = True
    options.hinting = True  # keeping the hints is faster than taking them out (about 2 s a subset)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def font_faces(text: str) -> str:
    """``@font-face`` rules naming the subset fonts (regular and bold) for the characters of
    ``text`` under the CJK font's own name; empty when a subset cannot be made."""
    characters = "".join(sorted(set(text) | set(ALWAYS)))
    rules = []
    for weight, style in WEIGHTS.items():
        data = subset_font(style, characters)
        if data:
            source = "data:font/otf;base64," + base64.b64encode(data).decode("ascii")
            rules.append(f'@font-face {{ font-family: "{CJK_FONT}"; font-weight: {weight}; '
                         f'src: url({source}) format("opentype"); }}')
    return "\n".join(rules)
