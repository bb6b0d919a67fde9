"""How wide a mixed Chinese and Latin text is, and where to break it: one rule for the chart
footnotes on screen and the footnotes added to exported images.

A CJK character is 1 em wide; a Latin one is narrower (``latin_em``: 0.5 by default, the
screen's footnote; an export at its font size passes 0.55). Lines break after a separator
(；，、 or a space) where one is near, else between two characters."""

from __future__ import annotations

import re
import unicodedata

_BREAK_AFTER = re.compile(r"(?<=[;；,，、 ])")


def is_wide(char: str) -> bool:
    """A character that takes a full em: CJK ideographs, kana, full-width forms."""
    return unicodedata.east_asian_width(char) in "WF"


def char_em(char: str, latin_em: float = 0.5) -> float:
    """One character's width in em: 1 for a wide one, ``latin_em`` for any other."""
    return 1.0 if is_wide(char) else latin_em


def em_width(text: str, latin_em: float = 0.5) -> float:
    return sum(char_em(ch, latin_em) for ch in text)


def _grown(used: float, text: str, latin_em: float) -> float:
    """``used`` plus the width of ``text``, added a character at a time as ``em_width`` does."""
    for ch in text:
        used += char_em(ch, latin_em)
    return used


def wrap(text: str, width_em: float, latin_em: float = 0.5) -> list[str]:
    """Lines of at most ``width_em``, broken after separators where possible.

    The width of the line so far is kept as it grows (measuring it again for each character made
    a long footnote's wrap quadratic: two fifths of preparing a chart for the screen)."""
    lines: list[str] = []
    current, used = "", 0.0
    for token in _BREAK_AFTER.split(text):
        if current and _grown(used, token, latin_em) > width_em:
            lines.append(current.rstrip())
            current, used = "", 0.0
        for ch in token:
            width = char_em(ch, latin_em)
            if current and used + width > width_em:
                lines.append(current.rstrip())
                current, used = "", 0.0
            current += ch
            used += width
    if current.strip():
        lines.append(current.rstrip())
    return lines
