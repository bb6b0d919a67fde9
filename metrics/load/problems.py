"""A problem found in the data: where it is, and a sentence saying what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from metrics.text import catalogue

SINGULAR = {"sources": "source", "regions": "region", "indicators": "indicator", "observations": "observation"}


@dataclass(frozen=True, order=True)
class Problem:
    """``message`` is English (the command line's language); a problem made with ``keyed`` also
    carries its catalogue key, so a page can say it in the reader's language (``text``)."""

    path: str
    line: int
    message: str
    key: str = field(default="", compare=False)
    values: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    @classmethod
    def keyed(cls, path: str, line: int, key: str, /, **values: Any) -> Problem:
        """A problem whose words are the catalogue's ``key`` (metrics/text/strings.toml), in English here."""
        return cls(path, line, catalogue.t(key, "en", **values), key, tuple(values.items()))

    def text(self, lang: str) -> str:
        """``file:line: message`` in ``lang`` when the problem has a catalogue key, else in English."""
        if not self.key:
            return str(self)
        return f"{self.path}:{self.line}: {catalogue.t(self.key, lang, **dict(self.values))}"


def describe_record(section: str, index: int, record: Any) -> str:
    """How a message names a record: ``source 'x'``, ``observation #3 (ningbo gdp 2021 annual actual)``."""
    if isinstance(record, dict):
        if section == "observations":
            parts = [str(record.get(k)) for k in ("region", "indicator", "year", "period", "kind") if record.get(k) is not None]
            return f"observation #{index + 1} ({' '.join(parts)})" if parts else f"observation #{index + 1}"
        if isinstance(record.get("id"), str):
            return f"{SINGULAR[section]} {record['id']!r}"
    return f"{SINGULAR[section]} #{index + 1}"


class DatasetError(Exception):
    """The dataset cannot be used; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
