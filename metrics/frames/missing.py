"""Facts about a cell of a table: is it missing, is it blank, which source ids does it list.

pandas gives NaN or pd.NA for an absent number and NaN (truthy) for an absent text, so every
"is there a value" question goes through here rather than through ``if value``.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

SOURCE_SEPARATOR = "; "
"""How a fact lists its sources in one cell (``tidy.consolidate``)."""


def is_missing(value: object) -> bool:
    """No number here: None, NaN, pd.NA, or something that is not a number."""
    if value is None or value is pd.NA:
        return True
    try:
        return bool(math.isnan(float(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def is_missing_or_blank(value: object) -> bool:
    """No value here: missing, or a text of only spaces."""
    if isinstance(value, str):
        return not value.strip()
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return False


def split_ids(value: object) -> list[str]:
    """The source ids a cell lists (``a; b``), in order, without blanks."""
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(";") if part.strip()]


def join_ids(ids: object) -> str:
    """Source ids as one cell, each once, in order."""
    return SOURCE_SEPARATOR.join(dict.fromkeys(str(i) for i in ids))  # type: ignore[attr-defined]


def source_date(source: Any, posted: bool = True) -> Any:
    """A source's date as its record (a mapping or a model) gives it: the date its text states,
    else its publication date, else (unless ``posted`` is false) the date the portal shows; None
    when it has none. ``i18n.source_date`` writes it for a reader."""
    if source is None:
        return None
    getter = source.get if hasattr(source, "get") else (lambda key: getattr(source, key, None))
    for key in ("stated_date", "date", "posted_date") if posted else ("stated_date", "date"):
        value = getter(key)
        if not is_missing_or_blank(value):
            return value
    return None
    for key in ("stated_date", "date", "posted_date"):
        value = source.get(key)
        if not is_missing_or_blank(value):
            return value
    return None
