"""Normalise a report's text: the normalised text is what is stored, hashed and quoted.

Only what reading a file gets wrong is changed: full-width digits and the decimal points
and percent signs of numbers, radical code points that PDF fonts give for ideographs, spaces
that PDF extraction puts between Chinese and digits, lines wrapped inside a sentence,
repeated page headers and page numbers, and traditional characters (OpenCC, when the text is
mostly traditional). Punctuation elsewhere is left as written, so quotes stay verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# CJK Radicals Supplement (U+2E80-U+2EFF) has no compatibility decomposition, so NFKC leaves
# it alone; these are the simplified forms PDF fonts map to those code points.
_RADICALS_SUPPLEMENT = {
    "⺀": "冫", "⺅": "亻", "⺇": "几", "⺈": "⺈", "⺊": "卜", "⺌": "小", "⺍": "小", "⺎": "兀", "⺏": "尣",
    "⺐": "尢", "⺑": "尢", "⺒": "巳", "⺓": "幺", "⺔": "彑", "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵",
    "⺛": "旡", "⺜": "日", "⺝": "月", "⺞": "歺", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬",
    "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺧": "牛", "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "罒", "⺬": "示",
    "⺭": "礻", "⺮": "竹", "⺯": "糸", "⺰": "纟", "⺱": "网", "⺲": "罒", "⺳": "网", "⺴": "网", "⺵": "网",
    "⺶": "羊", "⺷": "羊", "⺸": "羊", "⺹": "老", "⺺": "聿", "⺻": "聿", "⺼": "肉", "⺽": "臼", "⺾": "艹",
    "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "襾", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角",
    "⻈": "讠", "⻉": "贝", "⻊": "足", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝", "⻐": "金",
    "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻕": "阝", "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦",
    "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食", "⻠": "饣", "⻡": "首", "⻢": "马",
    "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉",
    "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀", "⻳": "龟",
}
# Code points PDF text layers give for other characters: Noto CJK's shared glyph of 户 comes back as
# 戶 (U+6236) and a ——'s two em dashes as one ⸺ (U+2E3A); a traditional text keeps its 戶 (OpenCC
# decides on the whole text, below).
_PDF_GLYPHS = {"⸺": "——", "⸻": "———"}
_PDF_VARIANTS = {"戶": "户"}
_FULL_WIDTH_DIGITS = {chr(0xFF10 + i): str(i) for i in range(10)}
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_PAGE_NUMBER = re.compile(r"^\s*(?:第\s*\d+\s*页(?:\s*[/共]\s*\d+\s*页?)?|[-—–]?\s*\d{1,4}\s*[-—–]?|\d+\s*/\s*\d+)\s*$")
_SENTENCE_END = "。!?;:!?;:”’)】》"
# Invisible format characters (zero-width space and joiners, word joiner, soft hyphen, bidi marks):
# a web page copied as text leaves them where a link or a footnote anchor was, often on a line
# of their own that splits a sentence ("国内生产总值达到74.4 / \u200b / 万亿元").
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# A line cannot begin with these, nor end with an opening quote: such a break is inside a sentence.
_CONTINUES = tuple("”’,、。;:)%")
_OPENS = tuple("“‘(")


def _map_code_points(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if 0x2F00 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF:  # Kangxi radicals, compatibility ideographs
            out.append(unicodedata.normalize("NFKC", ch))
        elif 0x2E80 <= code <= 0x2EFF:
            out.append(_RADICALS_SUPPLEMENT.get(ch, ch))
        elif ch in _FULL_WIDTH_DIGITS:
            out.append(_FULL_WIDTH_DIGITS[ch])
        elif ch == "\u3000" or ch == "\u00a0":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _number_punctuation(text: str) -> str:
    """Full-width ．，％ and the ideographic full stop used as a decimal point, inside numbers only."""
    text = re.sub(r"(?<=\d)[．。・](?=\d)", ".", text)
    text = re.sub(r"(?<=\d)，(?=\d{3}(?!\d))", ",", text)
    text = re.sub(r"(?<=\d)\s*％", "%", text)
    text = re.sub(r"(?<=\d)[-－﹣](?=\d+(?:\.\d+)?%)", "-", text)
    return text


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Lines a copied web page split inside a sentence, joined again.

    A line that held only invisible characters joins the lines around it, and a line that begins
    with closing punctuation continues the one before, as does a line after an opening quote.
    Only breaks that cannot be a paragraph's end are joined: a paragraph never begins with ”
    or a comma, and an invisible anchor is never a paragraph of its own.
    """
    out: list[str] = []
    glue = False
    for raw in lines:
        line = _INVISIBLE.sub("", raw)
        if not line.strip():
            if raw.strip():  # only invisible characters: an anchor, not a break
                glue = True
                continue
            out.append(line)
            glue = False
            continue
        prev = out[-1].rstrip() if out else ""
        if prev and ((glue and not prev.endswith(tuple(_SENTENCE_END))) or line.lstrip().startswith(_CONTINUES) or prev.endswith(_OPENS)):
            out[-1] = prev + line.strip()
        else:
            out.append(line)
        glue = False
    return out


def _drop_repeated_lines(lines: list[str]) -> list[str]:
    """Page numbers, and short lines that recur on three or more pages (running headers)."""
    counts = Counter(line.strip() for line in lines if line.strip())
    kept = []
    for line in lines:
        stripped = line.strip()
        if _PAGE_NUMBER.match(stripped) and stripped:
            continue
        if stripped and counts[stripped] >= 3 and len(stripped) <= 40:
            continue
        kept.append(line)
    return kept


def _join_wrapped_lines(lines: list[str]) -> str:
    """A line that does not end a sentence continues on the next one (a wrapped line in a PDF)."""
    paragraphs: list[str] = []
    current = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current and not current.endswith(tuple(_SENTENCE_END)) and not _is_heading(line) and not (
                _is_heading(current) and len(current) <= 30):  # a heading is a line of its own
            current += line if (_is_cjk_or_digit(current[-1]) or _is_cjk_or_digit(line[0])) else " " + line
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _is_cjk_or_digit(ch: str) -> bool:
    return bool(re.match(rf"[{_CJK}\d%.,、“”()]", ch))


def _is_heading(line: str) -> bool:
    return bool(re.match(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部分节])", line))


def _pdf_glyphs(text: str) -> str:
    for glyph, meant in _PDF_GLYPHS.items():
        text = text.replace(glyph, meant)
    hanzi = len(re.findall(rf"[{_CJK}]", text[:4000])) or 1
    if "户" in text or sum(text[:4000].count(v) for v in _PDF_VARIANTS) / hanzi < 0.05:  # a simplified text
        for variant, simplified in _PDF_VARIANTS.items():
            text = text.replace(variant, simplified)
    return text


def _close_pdf_spacing(text: str) -> str:
    """pypdf and WPS/Word PDFs put spaces between Chinese and digits: 达到 12408.7 亿元."""
    text = re.sub(rf"(?<=[{_CJK}“”(),、])[ \t]+(?=[\d-])", "", text)
    text = re.sub(rf"(?<=[\d%])[ \t]+(?=[{_CJK}%“”(),、。;])", "", text)
    text = re.sub(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])", "", text)
    return re.sub(r"(?<=\d)[ \t]+(?=\.\d)|(?<=\d\.)[ \t]+(?=\d)", "", text)


def _simplify(text: str) -> str:
    """Traditional to simplified with OpenCC, only when the text is mostly traditional (a repost)."""
    try:
        import opencc
    except ImportError:  # the dependency is declared; without it traditional text stays as it is
        return text
    converter = opencc.OpenCC("t2s")
    sample = text[:4000]
    changed = sum(1 for a, b in zip(sample, converter.convert(sample), strict=False) if a != b)
    hanzi = len(re.findall(rf"[{_CJK}]", sample)) or 1
    return converter.convert(text) if changed / hanzi > 0.05 else text


_CLAUSE_PUNCTUATION = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})
"""Full-width clause punctuation, as official reports write it, to the one form the rules read
(and the stored text, so quotes stay verbatim); 。 and 、 have no other form and stay."""


def normalise(text: str, *, pdf: bool = False) -> str:
    """The text to store and quote. ``pdf``: also close the spaces PDF extraction inserts."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _map_code_points(text)
    text = _number_punctuation(text)
    text = text.translate(_CLAUSE_PUNCTUATION)
    lines = _join_broken_lines(text.split("\n"))
    if pdf or len(lines) > 3:
        lines = _drop_repeated_lines(lines) if pdf else lines
        text = _join_wrapped_lines(lines) if pdf else "\n".join(line.rstrip() for line in lines)
    if pdf:
        text = _pdf_glyphs(_close_pdf_spacing(text))
    text = _simplify(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n" if text.strip() else ""
