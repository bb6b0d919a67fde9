"""The catalogue of words (``metrics/text/strings.toml``): key → Chinese and English, and ``t``.

Apart from ``metrics.text.i18n`` (which re-exports ``t`` and adds number formatting) so that the
modules below it, ``problems`` first, can say a problem in the reader's language without an
import cycle: this module imports nothing of ``metrics``.
"""

from __future__ import annotations

import tomllib
from importlib import resources

LANGS = ("zh", "en")
FALLBACK_LANG = "zh"
STRINGS_FILE = "strings.toml"


def _load_strings() -> dict[str, dict[str, str]]:
    """The catalogue (``metrics/text/strings.toml``): key -> {"zh": ..., "en": ...}."""
    text = resources.files("metrics.text").joinpath(STRINGS_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


STRINGS = _load_strings()


ONE = "_one"
"""An entry's ``en_one``: its English when the count ``n`` is exactly 1 ("1 problem", not "1 problems");
Chinese needs no such form."""


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, filled with ``values``; Chinese (the fallback language)
    for an unknown language or a key with no text in ``lang``; the ``{lang}_one`` form when ``n`` is 1."""
    entry = STRINGS[key]
    text = (values.get("n") == 1 and entry.get(lang + ONE)) or entry.get(lang) or entry[FALLBACK_LANG]
    return text.format(**values) if values else text


def pick(words: tuple[str, ...], lang: str) -> str:
    """One of words written beside the code that uses them ((zh, en), in ``LANGS`` order): the
    language's, Chinese when it has none."""
    return dict(zip(LANGS, words, strict=False)).get(lang) or words[0]


def has(key: str) -> bool:
    return key in STRINGS
