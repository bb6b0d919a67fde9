"""The exports' words, read from the one catalogue (``metrics/text/strings.toml``): the pack's fixed texts and
the sources sheet's columns; and how a table names a unit."""

from __future__ import annotations

SOURCES_SHEET = "来源 Sources"

SOURCE_COLUMNS: tuple[str, ...] = ("row", "role", "provenance", "title", "publisher", "date", "url", "quote", "note", "source_id")
"""The sources sheet's columns (their words are ``srccol_*`` in the catalogue); the source's id
last, labelled as an id for programs."""


def text(key: str, lang: str) -> str:
    """An export's fixed text, from the one catalogue (``metrics/text/strings.toml``), not yet filled."""
    from metrics.text import i18n

    return i18n.t(key, lang)


def column(key: str, lang: str) -> str:
    """A sources-sheet column's header in ``lang``."""
    return text(f"srccol_{key}", lang)


def unit_text(unit: object, lang: str) -> str | None:
    """A unit as a table's unit column names it, in the table's language: the English label of
    the unit as written (亿元 -> CNY 100 million), or its Chinese (billion yuan -> 十亿元, the
    ``label_zh`` of ``data/units.yaml``)."""
    from metrics.frames.missing import is_missing_or_blank
    from metrics.text import i18n

    if is_missing_or_blank(unit):
        return None
    label = i18n.unit_label(str(unit), lang)
    return label
