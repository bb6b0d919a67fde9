"""Reading numbers as they are written in the texts: Arabic digits or Chinese numerals."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_number(text: str) -> float:
    """Read a Chinese numeral such as 七百亿 (7e10), 万亿 (1e12) or 三千五百万 (3.5e7).

    A leading Arabic number is allowed (1.7万亿 is 1.7e12). Raises ValueError on anything else.
    """
    if not text:
        raise ValueError("empty numeral")
    match = re.match(r"^(\d+(?:\.\d+)?)", text)
    if match:
        head = float(match.group(1))
        rest = text[match.end():]
        if not rest:
            return head
        return head * parse_chinese_number("一" + rest)
    total = 0.0
    section = 0.0
    number = 0.0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
            seen_digit = True
        elif ch in _SMALL:
            section += (number if seen_digit else 1) * _SMALL[ch]
            number, seen_digit = 0, False
        elif ch == "万":
            total += ((section + number) or 1) * 1e4
            section, number, seen_digit = 0, 0, False
        elif ch == "亿":
            total = ((total + section + number) or 1) * 1e8
            section, number, seen_digit = 0, 0, False
        else:
            raise ValueError(f"{text!r} is not a Chinese numeral ({ch!r} is not a digit or a unit)")
    return total + section + number


def written_forms(value: float) -> list[str]:
    """The ways a value can appear in digits: 7.0 -> ["7", "7.0"], 12408.7 -> ["12408.7"]; a negative value
    also as its magnitude (下降15% is -15, for integers as for decimals)."""
    if value < 0:
        return list(dict.fromkeys([*written_forms_signed(value), *written_forms(-value)]))
    return written_forms_signed(value)


def written_forms_signed(value: float) -> list[str]:
    forms: list[str] = []
    if float(value).is_integer():
        whole = str(int(value))
        forms += [whole, f"{whole}.0", f"{whole}.00", f"{int(value):,}"]
    else:
        text = repr(float(value))
        forms.append(text)
        if "e" not in text:
            whole, _, frac = text.partition(".")
            forms.append(f"{int(whole):,}.{frac}")
    return list(dict.fromkeys(forms))


def _stands_alone(quote: str, start: int, end: int) -> bool:
    """No digit, '.' or ',' just before; no digit, nor '.' or ',' then a digit, just after."""
    if start and (quote[start - 1].isdecimal() or quote[start - 1] in ".,"):
        return False
    after = quote[end:end + 2]
    return not (after[:1].isdecimal() or (after[:1] in (".", ",") and after[1:2].isdecimal()))


def quote_contains_value(quote: str, value: float) -> bool:
    """True when ``value`` appears in ``quote`` as a whole number, not inside a longer one.

    Plain ``str.find`` rather than one regex per value: each value would compile its own
    pattern, which overflows ``re``'s cache and dominated the check of a large dataset.
    """
    for form in written_forms(value):
        start = quote.find(form)
        while start != -1:
            if _stands_alone(quote, start, start + len(form)):
                return True
            start = quote.find(form, start + 1)
    return False
